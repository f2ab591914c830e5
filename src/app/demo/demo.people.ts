/**
 * Fictional people and organisations for the demo process. Names are combined from common
 * Canadian first and last names; no real person is meant. Organisation names are invented.
 */
export const FIRST_NAMES = [
  'Amélie', 'Aaron', 'Priya', 'Marc-André', 'Chloé', 'Daniel', 'Fatima', 'Gabriel', 'Hannah', 'Isabelle', 'Jamal', 'Karine', 'Liam', 'Mei', 'Nathalie',
  'Olivier', 'Pascale', 'Raj', 'Sophie', 'Thomas', 'Valérie', 'William', 'Xavier', 'Yasmine', 'Zoé', 'Benoît', 'Catherine', 'Dmitri', 'Élise', 'Farid',
  'Geneviève', 'Hiro', 'Inès', 'Jean-Philippe', 'Kwame', 'Léa', 'Mathieu', 'Noor', 'Owen', 'Rosalie', 'Samuel', 'Tanya', 'Ugo', 'Victoria', 'Wei',
];
export const LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque',
  'Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Anderson', 'Singh', 'Nguyen', 'Chen', 'Patel', 'Martin', 'Thompson', 'Leblanc', 'Sauvé', 'Okafor',
  'Kowalski', 'Haddad', 'Ferreira', 'Bergeron', 'Nadeau', 'Paquette', 'Wong', 'Kaur', 'Ahmed', 'Dubois', 'Robichaud',
];

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

/** How many demo members each stakeholder group gets (110 in all), and the targets set. */
export const MEMBERS_PER_GROUP: Record<string, { count: number; target: number | null }> = {
  government: { count: 18, target: 0.15 },
  civil_society: { count: 22, target: 0.2 },
  technical: { count: 24, target: 0.2 },
  academia: { count: 14, target: 0.15 },
  private_sector: { count: 28, target: 0.2 },
  other: { count: 4, target: null },
};

/** A deterministic pseudo-random sequence, so the demo is the same on every install. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The ASCII form of a name for an email address. */
export function emailLocal(first: string, last: string, n: number): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${ascii(first)}.${ascii(last)}${n}`;
}
