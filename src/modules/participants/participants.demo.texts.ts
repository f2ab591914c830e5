/**
 * Fictional organisations for the demo process, and how many members each stakeholder group
 * has (people's names come from platform/demo/kit.ts). Organisation names are invented.
 */

/** The demo's organisations by stakeholder group: [name, website host, province]. */
export const ORGANISATIONS: Record<string, [string, string, string][]> = {
  government: [
    ['Department of Digital Innovation (fictional)', 'digital-innovation.example', 'ON'],
    ['Canadian Cyber Centre (fictional)', 'cyber-centre.example', 'ON'],
    ['Ministère de la Cybersécurité du Québec (fictif)', 'cybersecurite-qc.example', 'QC'],
    ['Office of the Privacy Advocate (fictional)', 'privacy-advocate.example', 'ON'],
    ['Telecom Regulation Board (fictional)', 'telecom-board.example', 'ON'],
    ['City of Fredericton Smart City Office (fictional)', 'smartcity-fredericton.example', 'NB'],
  ],
  civil_society: [
    ['Consumer Protection Alliance (fictional)', 'consumer-alliance.example', 'ON'],
    ['Maple Chapter of the Internet Society (fictional)', 'maple-isoc.example', 'ON'],
    ['Union des consommateurs numériques (fictive)', 'ucn.example', 'QC'],
    ['Youth Digital Rights Network (fictional)', 'youth-digital.example', 'BC'],
    ['Northern Connectivity Circle (fictional)', 'northern-connect.example', 'NU'],
    ['Seniors Online Association (fictional)', 'seniors-online.example', 'MB'],
  ],
  technical: [
    ['Canadian Domain Registry Authority (fictional)', 'cdra.example', 'ON'],
    ['Network Operators Group of Canada (fictional)', 'nog-ca.example', 'AB'],
    ['Open Standards Workshop (fictional)', 'open-standards.example', 'BC'],
    ['Regroupement des opérateurs de réseaux (fictif)', 'ror.example', 'QC'],
    ['Home Router Working Party (fictional)', 'router-party.example', 'ON'],
  ],
  academia: [
    ['Institute for Network Security Research (fictional)', 'insr.example', 'ON'],
    ['Université du Littoral numérique (fictive)', 'uln.example', 'QC'],
    ['Prairie Polytechnic (fictional)', 'prairie-poly.example', 'SK'],
    ['Pacific School of Engineering (fictional)', 'pacific-eng.example', 'BC'],
    ['Atlantic Cyber Lab (fictional)', 'atlantic-cyber.example', 'NS'],
  ],
  private_sector: [
    ['Acme Connected Devices (fictional)', 'acme-devices.example', 'ON'],
    ['Northern Telecom Carriers (fictional)', 'ntc.example', 'ON'],
    ['Maison Intelligente inc. (fictive)', 'maison-intelligente.example', 'QC'],
    ['Canadian Electronics Retailers Council (fictional)', 'cerc.example', 'ON'],
    ['SecureChip Semiconductors (fictional)', 'securechip.example', 'BC'],
    ['Beaver Cloud Services (fictional)', 'beaver-cloud.example', 'AB'],
    ['Camera & Sensor Makers Association (fictional)', 'csma.example', 'ON'],
  ],
  other: [
    ['Independent consultant', 'consultant.example', 'ON'],
    ['Insurance Bureau for Digital Risk (fictional)', 'ibdr.example', 'ON'],
  ],
};

/** How many demo members each stakeholder group gets (110 in all); processes' demo sets the targets. */
export const MEMBERS_PER_GROUP: Record<string, number> = {
  government: 18,
  civil_society: 22,
  technical: 24,
  academia: 14,
  private_sector: 28,
  other: 4,
};
