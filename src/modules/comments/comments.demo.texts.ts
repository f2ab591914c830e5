/**
 * The comment period on the draft outcomes report, what the public said in it (our own
 * invented comments) and how the working groups answered. Each template names the block it is
 * about by its key in version 1 (documents.demo.texts.ts; null for the report as a whole), the
 * commenter's stakeholder group and organisation, and the disposition: outcome, a rationale
 * written for it (or a stock one for its outcome), and for changes the block of version 2 or 3
 * that changed. French texts write ordinary spaces before : ; ? ! (frenchTypography makes them
 * unbreakable).
 */
import type { Lang } from '../../platform/i18n/i18n.js';

type ReportLang = Lang;

/** The comment period on version 1 (Toronto time), and what it asks of commenters. */
export const PERIOD = {
  opensAt: '2019-02-25T09:00:00-05:00',
  closesAt: '2019-04-05T23:59:59-04:00',
  /** The period's zone: the window is announced in Toronto time. */
  timeZone: 'America/Toronto',
  /** French spacing is applied when the period is opened. */
  instructions: {
    en: 'Comment on a paragraph with the link beside it, or on the report as a whole. Please say which stakeholder group you belong to and, if you speak for an organisation, which one. Comments are published as received, in the language they are written in; every comment will get a written response.',
    fr: 'Commentez un paragraphe au moyen du lien placé à côté de chacun, ou le rapport dans son ensemble. Indiquez votre groupe d’intervenants et, si vous parlez au nom d’une organisation, laquelle. Les commentaires sont publiés tels quels, dans leur langue de rédaction ; chacun recevra une réponse écrite.',
  },
};

export type StakeholderKey = 'government' | 'civil_society' | 'technical' | 'academia' | 'private_sector' | 'other';
export type Outcome = 'accepted' | 'partly_accepted' | 'not_accepted' | 'noted' | 'out_of_scope';

export interface CommentTemplate {
  /** Block key in version 1, or null for a comment on the whole report. */
  key: string | null;
  group: StakeholderKey;
  /** The organisation the commenter speaks for (a demo organisation), or null for an individual. */
  org: string | null;
  text: string;
  outcome: Outcome;
  /** A rationale written for this comment; otherwise a stock one for the outcome. */
  rationale?: string;
  /** The block that changed in answer (its key) and in which version. */
  changed?: { key: string; version: 2 | 3 };
}

export const TEMPLATES_EN: CommentTemplate[] = [
  {
    key: 'li-2-4',
    group: 'civil_society',
    org: 'Consumer Protection Alliance (fictional)',
    text: "A support period of \"two years\" means nothing if the device sat in a warehouse for eighteen months before I bought it. Please define the support period by an end date, not a duration.",
    outcome: 'accepted',
    rationale: 'Accepted. Version 2 defines the support period by its end date, so a buyer can see on the day of purchase how much of it is left.',
    changed: { key: 'li-2-4', version: 2 },
  },
  {
    key: 'li-2-4',
    group: 'academia',
    org: 'Prairie Polytechnic (fictional)',
    text: 'The definition should say when the support period starts: at manufacture, at first sale, or when the owner activates the device. Each reading gives a different answer to the buyer.',
    outcome: 'partly_accepted',
    rationale: 'Partly accepted. Rather than choose a starting point, version 2 asks for an end date, which removes the ambiguity for buyers whatever the date of manufacture or sale.',
    changed: { key: 'li-2-4', version: 2 },
  },
  {
    key: 'p-3-1-2',
    group: 'technical',
    org: 'Open Standards Workshop (fictional)',
    text: 'The ban on universal default passwords must cover every account on the device, including the telnet, maintenance and debugging accounts that botnets have exploited for years, not only the web login the owner sees.',
    outcome: 'accepted',
    rationale: 'Accepted. Section 3.1 now says the benchmark applies to every account on the device, including maintenance and debugging accounts.',
    changed: { key: 'p-3-1-2', version: 2 },
  },
  {
    key: 'p-3-1-2',
    group: 'private_sector',
    org: 'Acme Connected Devices (fictional)',
    text: 'Requiring the owner to set a password before the device connects is impractical for devices without a screen or keyboard. Pairing through a phone app should satisfy this benchmark.',
    outcome: 'noted',
    rationale: 'Noted. The benchmark already allows a unique credential on each device; pairing through an app that sets such a credential meets it.',
  },
  {
    key: 'p-3-2-3',
    group: 'private_sector',
    org: 'Camera & Sensor Makers Association (fictional)',
    text: 'A software bill of materials is a good idea, but the tools are immature and small manufacturers cannot yet produce one for every product. Please make it a subject for later work rather than a benchmark today.',
    outcome: 'accepted',
    rationale: 'Accepted. The software bill of materials is no longer a benchmark; section 5 asks the two-year review to look at it again once tools and practice have matured.',
    changed: { key: 'p-5-3', version: 2 },
  },
  {
    key: 'p-3-2-3',
    group: 'academia',
    org: 'Institute for Network Security Research (fictional)',
    text: 'Keep the software bill of materials. Without one, manufacturers take weeks to learn that they ship a vulnerable library, and owners never learn it at all.',
    outcome: 'not_accepted',
    rationale: 'Not accepted. The working groups agreed that the benefits are real but that most manufacturers cannot meet the benchmark yet; section 5 schedules it for the two-year review.',
  },
  {
    key: 'p-3-1-4',
    group: 'technical',
    org: 'Canadian Domain Registry Authority (fictional)',
    text: 'Vulnerability disclosure is not a one-time development task: it lasts as long as the device is supported. This paragraph belongs in section 3.4 with updates and support.',
    outcome: 'accepted',
    rationale: 'Accepted. The paragraph on vulnerability disclosure policies moved, unchanged, to section 3.4, and the summary table follows.',
    changed: { key: 'p-3-1-4', version: 2 },
  },
  {
    key: 'p-3-1-4',
    group: 'civil_society',
    org: 'Maple Chapter of the Internet Society (fictional)',
    text: 'Please protect security researchers explicitly: people who report a flaw in good faith should not face legal threats from the manufacturer.',
    outcome: 'noted',
    rationale: 'Noted. The paragraph already asks for a promise not to take legal action against people who report flaws in good faith.',
  },
  {
    key: 'p-3-4-1',
    group: 'private_sector',
    org: 'Maison Intelligente inc. (fictive)',
    text: 'Automatic updates that restart a camera or a door lock without warning can cause harm of their own. Owners need to be able to schedule or briefly postpone an update.',
    outcome: 'accepted',
    rationale: 'Accepted. Section 3.4 now lets owners postpone an update for a short time, while updates stay automatic by default.',
    changed: { key: 'p-3-4-1', version: 2 },
  },
  {
    key: 'p-3-4-1',
    group: 'other',
    org: 'Insurance Bureau for Digital Risk (fictional)',
    text: 'Insurers would welcome a benchmark saying that security updates cannot be switched off at all.',
    outcome: 'partly_accepted',
    rationale: 'Partly accepted. Owners keep control of their devices, but version 2 says they should not be able to switch updates off without a clear warning.',
    changed: { key: 'p-3-4-1', version: 2 },
  },
  {
    key: 'p-3-4-3',
    group: 'civil_society',
    org: 'Seniors Online Association (fictional)',
    text: 'How much notice is "in advance"? People need months, not days, to replace a device they rely on, especially a medical alert or a door lock.',
    outcome: 'accepted',
    rationale: 'Accepted. Section 3.4 now asks manufacturers to announce the end of support at least six months ahead.',
    changed: { key: 'p-3-4-3', version: 2 },
  },
  {
    key: 'p-3-4-4',
    group: 'civil_society',
    org: 'Consumer Protection Alliance (fictional)',
    text: 'Second-hand devices matter to low-income households. The resale paragraph and the end-of-support paragraph both talk about resetting; combine them so it is clear the reset applies at every change of owner.',
    outcome: 'accepted',
    rationale: 'Accepted. The two paragraphs are merged in version 2: the reset applies at the end of support and at every change of hands.',
    changed: { key: 'p-3-4-3', version: 2 },
  },
  {
    key: 'p-4-1-1',
    group: 'government',
    org: 'Office of the Privacy Advocate (fictional)',
    text: 'Notifying customers about compromised devices must not become a reason for deep packet inspection. Please say explicitly that providers use only the traffic data they already collect to run the network.',
    outcome: 'accepted',
    rationale: 'Accepted. Recommendation 4.1 now says notices rely on traffic data already collected and never lead to inspecting the content of communications.',
    changed: { key: 'p-4-1-1', version: 2 },
  },
  {
    key: 'p-4-1-1',
    group: 'technical',
    org: 'Network Operators Group of Canada (fictional)',
    text: 'Large operators already notify some customers. A shared template for these notices, in English and French, would help the small regional providers most.',
    outcome: 'noted',
    rationale: 'Noted. A shared notice template is a good first project for the action committee; we have passed it on.',
  },
  {
    key: 'p-4-1-2',
    group: 'private_sector',
    org: 'Northern Telecom Carriers (fictional)',
    text: 'Requiring device segmentation on every provider router would raise costs, and many routers already in homes cannot be updated to support it.',
    outcome: 'not_accepted',
    rationale: 'Not accepted. The recommendation covers routers sold or supplied from now on; it does not ask providers to replace equipment already in homes.',
  },
  {
    key: 'p-4-1-2',
    group: 'technical',
    org: 'Home Router Working Party (fictional)',
    text: 'Supporting MUD in routers is right, but few devices publish a MUD file yet. Routers should also be able to learn a device’s usual traffic and flag what departs from it.',
    outcome: 'noted',
  },
  {
    key: 'p-4-2-1',
    group: 'government',
    org: 'Department of Digital Innovation (fictional)',
    text: 'The label should state the date support ends rather than a number of years, and it must be bilingual, as consumer packaging in Canada already has to be.',
    outcome: 'accepted',
    rationale: 'Accepted. Recommendation 4.2 now calls for a label in English and French that states the end date of the support period.',
    changed: { key: 'p-4-2-1', version: 2 },
  },
  {
    key: 'p-4-2-1',
    group: 'private_sector',
    org: 'Canadian Electronics Retailers Council (fictional)',
    text: 'Retailers support a voluntary label. A mandatory one would delay products reaching Canadian shelves and should wait until the voluntary scheme has been tried.',
    outcome: 'partly_accepted',
    rationale: 'Partly accepted. The final text starts the label as a voluntary scheme, but makes it mandatory if fewer than half of the devices sold carry it after two years.',
    changed: { key: 'p-4-2-1', version: 3 },
  },
  {
    key: 'p-4-2-2',
    group: 'technical',
    org: 'Canadian Domain Registry Authority (fictional)',
    text: 'Who will run the label registry? It has to be neutral and long-lived, or the QR codes printed on millions of boxes will lead nowhere in five years.',
    outcome: 'noted',
    rationale: 'Noted. Who runs the registry is for the action committee to settle; your point on permanence is recorded in its terms of reference.',
  },
  {
    key: 'p-4-2-2',
    group: 'academia',
    org: 'Atlantic Cyber Lab (fictional)',
    text: 'QR codes exclude people without a smartphone. The key facts must be printed on the box itself, not only behind a link.',
    outcome: 'noted',
    rationale: 'Noted. The label itself states the support period, unique credentials and how to report a flaw; the registry only lets those claims be checked.',
  },
  {
    key: 'p-4-3-1',
    group: 'civil_society',
    org: 'Seniors Online Association (fictional)',
    text: 'The guide must exist in large print and audio, and be tested with older adults before it is published.',
    outcome: 'accepted',
    rationale: 'Accepted. A new paragraph in section 4.3 asks for accessible formats, including large print and audio, tested with the people who will use them.',
    changed: { key: 'p-4-3-4', version: 2 },
  },
  {
    key: 'p-4-3-3',
    group: 'civil_society',
    org: 'Northern Connectivity Circle (fictional)',
    text: 'In northern communities, households often share devices and connections. Guidance that assumes one household behind each router does not fit; please work with northern organisations directly.',
    outcome: 'noted',
  },
  {
    key: 'p-4-3-2',
    group: 'private_sector',
    org: 'Canadian Electronics Retailers Council (fictional)',
    text: 'Staff turnover in retail is high, so training alone will not reach buyers. Put the support period in the product data that manufacturers already send to retailers.',
    outcome: 'noted',
  },
  {
    key: 'p-4-4-1',
    group: 'government',
    org: 'City of Fredericton Smart City Office (fictional)',
    text: 'Municipal buyers need model contract clauses they can reuse, not only a statement of principle.',
    outcome: 'noted',
    rationale: 'Noted. Model clauses are beyond this report; the action committee will take them up with provincial and municipal buyers.',
  },
  {
    key: 'p-1-3',
    group: 'academia',
    org: 'Atlantic Cyber Lab (fictional)',
    text: 'Excluding medical devices leaves out the home blood-pressure monitors and fall detectors that consumers buy at the pharmacy.',
    outcome: 'not_accepted',
    rationale: 'Not accepted. Devices regulated as medical devices have their own regulator; consumer health gadgets that are not regulated that way are already covered.',
  },
  {
    key: 'p-1-3',
    group: 'other',
    org: 'Independent consultant',
    text: 'Please make clear that small-office devices such as network storage, printers and IP phones are included.',
    outcome: 'noted',
    rationale: 'Noted. Devices bought by small businesses are within the scope as written.',
  },
  {
    key: 'li-2-1',
    group: 'technical',
    org: 'Open Standards Workshop (fictional)',
    text: 'Is a smart television a general-purpose computer? The definition needs examples for the borderline cases.',
    outcome: 'noted',
  },
  {
    key: 'li-2-2',
    group: 'private_sector',
    org: 'Beaver Cloud Services (fictional)',
    text: 'Many devices depend on a cloud service run by someone other than the manufacturer. Those operators should be named alongside manufacturers.',
    outcome: 'not_accepted',
    rationale: 'Not accepted. The manufacturer remains answerable for the services its device depends on, whoever operates them; naming a second party would blur that.',
  },
  {
    key: 'p-3-3-2',
    group: 'academia',
    org: 'Pacific School of Engineering (fictional)',
    text: 'MUD adoption is still low. Name it as one example and accept equivalent ways of describing expected traffic.',
    outcome: 'noted',
    rationale: 'Noted. The paragraph gives MUD as an example only; equivalent descriptions meet the benchmark.',
  },
  {
    key: 'p-3-3-3',
    group: 'civil_society',
    org: 'Youth Digital Rights Network (fictional)',
    text: 'Offline operation is a safety issue: a thermostat that stops heating when the company’s servers go down is dangerous in a Canadian winter. Keep this benchmark strong.',
    outcome: 'noted',
  },
  {
    key: 'p-3-2-2',
    group: 'private_sector',
    org: 'SecureChip Semiconductors (fictional)',
    text: 'Provisioning unique credentials at the factory is practical with secure elements. The report could mention keeping keys in hardware-backed storage.',
    outcome: 'partly_accepted',
    rationale: 'Partly accepted. The report stays neutral on technology, but the consumer guide and the label criteria will mention hardware-backed key storage as a good practice.',
  },
  {
    key: 'p-3-1-3',
    group: 'government',
    org: 'Office of the Privacy Advocate (fictional)',
    text: 'Data minimisation is welcome, but tie it to the obligations privacy law already imposes so that manufacturers do not read it as optional.',
    outcome: 'noted',
  },
  {
    key: 'table-3',
    group: 'technical',
    org: 'Regroupement des opérateurs de réseaux (fictif)',
    text: 'The table puts the disclosure policy under development, while the text treats disclosure as ongoing. Please make the two consistent.',
    outcome: 'accepted',
    rationale: 'Accepted. In version 2 the table lists the disclosure policy under management, as the text now does.',
    changed: { key: 'table-3', version: 2 },
  },
  {
    key: null,
    group: 'other',
    org: null,
    text: 'Thank you for opening this to the public. As a parent I had no idea my children’s toys could be used in attacks on other people’s networks.',
    outcome: 'noted',
  },
  {
    key: null,
    group: 'private_sector',
    org: 'Acme Connected Devices (fictional)',
    text: 'Overall the benchmarks are reasonable, but the report should recognise what they cost small Canadian manufacturers competing with imports that meet none of them.',
    outcome: 'noted',
    rationale: 'Noted. Recommendation 4.4 and the label are meant to reward manufacturers who meet the benchmarks; the action committee will track costs for small firms.',
  },
  {
    key: null,
    group: 'government',
    org: 'Telecom Regulation Board (fictional)',
    text: 'The report should say which recommendations need regulation and which can be achieved voluntarily.',
    outcome: 'partly_accepted',
    rationale: 'Partly accepted. The final text says when the label should become mandatory; the other recommendations are addressed to the parties who can act on them without new rules.',
    changed: { key: 'p-4-2-1', version: 3 },
  },
  {
    key: 'p-5-2',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'The action committee must include consumer representatives, with the resources they need to take part on equal terms.',
    outcome: 'noted',
  },
  {
    key: 'p-5-1',
    group: 'civil_society',
    org: 'Northern Connectivity Circle (fictional)',
    text: 'Five weeks is too short for community organisations to consult their members, especially where connectivity is poor.',
    outcome: 'out_of_scope',
    rationale: 'Out of scope for the report itself. The length of the comment period was set by the oversight committee; we have passed your concern on for future consultations.',
  },
  {
    key: null,
    group: 'other',
    org: null,
    text: 'Smart speakers listen to everything. The government should simply ban them.',
    outcome: 'out_of_scope',
  },
  {
    key: 'p-1-1',
    group: 'other',
    org: null,
    text: 'Please cite sources for the claim that compromised home devices are used in large attacks; readers outside the field will want to check it.',
    outcome: 'not_accepted',
    rationale: 'Not accepted. The report states the consensus of the working groups; the input reports and meeting minutes published on this site give the sources.',
  },
  {
    key: 'p-4-0',
    group: 'academia',
    org: 'Institute for Network Security Research (fictional)',
    text: 'Each recommendation should come with a measurable indicator so that progress can be tracked.',
    outcome: 'noted',
    rationale: 'Noted. The action committee will propose indicators in its first progress report.',
  },
  {
    key: null,
    group: 'technical',
    org: 'Network Operators Group of Canada (fictional)',
    text: 'As IPv6 spreads, many home devices will have global addresses. The report should say that home routers block unsolicited inbound connections by default.',
    outcome: 'out_of_scope',
  },
];

export const TEMPLATES_FR: CommentTemplate[] = [
  {
    key: 'li-2-4',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Une période de soutien de « deux ans » ne veut rien dire si l’appareil a passé un an et demi en entrepôt avant l’achat. Exigez une date de fin plutôt qu’une durée.',
    outcome: 'accepted',
    rationale: 'Accepté. La version 2 définit la période de soutien par sa date de fin ; l’acheteur voit donc, le jour de l’achat, ce qu’il en reste.',
    changed: { key: 'li-2-4', version: 2 },
  },
  {
    key: 'p-4-2-1',
    group: 'government',
    org: 'Ministère de la Cybersécurité du Québec (fictif)',
    text: 'L’étiquette doit être bilingue, comme l’exigent déjà les règles d’étiquetage des produits de consommation, et indiquer la date de fin du soutien.',
    outcome: 'accepted',
    rationale: 'Accepté. La recommandation 4.2 prévoit maintenant une étiquette en français et en anglais qui indique la date de fin de la période de soutien.',
    changed: { key: 'p-4-2-1', version: 2 },
  },
  {
    key: 'p-4-2-1',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Une étiquette volontaire ne sera affichée que par les fabricants qui font déjà bien les choses. Elle devrait être obligatoire.',
    outcome: 'partly_accepted',
    rationale: 'Accepté en partie. Le texte final garde une étiquette d’abord volontaire, mais la rend obligatoire si moins de la moitié des appareils vendus la portent après deux ans.',
    changed: { key: 'p-4-2-1', version: 3 },
  },
  {
    key: 'p-3-4-1',
    group: 'private_sector',
    org: 'Maison Intelligente inc. (fictive)',
    text: 'Une mise à jour qui redémarre une serrure ou une caméra sans prévenir crée un risque en soi. Il faut pouvoir la reporter de quelques heures.',
    outcome: 'accepted',
    rationale: 'Accepté. La section 3.4 permet maintenant au propriétaire de reporter une mise à jour pour une courte période ; les mises à jour restent automatiques par défaut.',
    changed: { key: 'p-3-4-1', version: 2 },
  },
  {
    key: 'p-3-2-3',
    group: 'private_sector',
    org: 'Maison Intelligente inc. (fictive)',
    text: 'La nomenclature logicielle est prématurée pour les PME : les outils ne sont pas prêts. Reportez ce repère.',
    outcome: 'accepted',
    rationale: 'Accepté. La nomenclature logicielle n’est plus un repère ; la section 5 demande à la révision prévue dans deux ans de réexaminer la question.',
    changed: { key: 'p-5-3', version: 2 },
  },
  {
    key: 'p-3-2-3',
    group: 'academia',
    org: 'Université du Littoral numérique (fictive)',
    text: 'Gardez la nomenclature logicielle : sans elle, les fabricants mettent des semaines à découvrir qu’ils livrent une bibliothèque vulnérable.',
    outcome: 'not_accepted',
    rationale: 'Non accepté. Les groupes de travail reconnaissent l’intérêt de la nomenclature, mais la plupart des fabricants ne peuvent pas encore la produire ; la révision dans deux ans y reviendra.',
  },
  {
    key: 'p-3-1-2',
    group: 'technical',
    org: 'Regroupement des opérateurs de réseaux (fictif)',
    text: 'L’interdiction des mots de passe par défaut doit viser aussi les comptes de service et de débogage, que les réseaux de zombies exploitent depuis des années.',
    outcome: 'accepted',
    rationale: 'Accepté. La section 3.1 précise maintenant que la règle vaut pour tous les comptes de l’appareil, y compris les comptes d’entretien et de débogage.',
    changed: { key: 'p-3-1-2', version: 2 },
  },
  {
    key: 'p-4-1-1',
    group: 'technical',
    org: 'Regroupement des opérateurs de réseaux (fictif)',
    text: 'Les avis aux clients ne doivent pas servir de prétexte à l’inspection approfondie des paquets. Précisez que seules les données de trafic déjà recueillies sont utilisées.',
    outcome: 'accepted',
    rationale: 'Accepté. La recommandation 4.1 précise maintenant que les avis s’appuient sur les données de trafic déjà recueillies, sans inspection du contenu des communications.',
    changed: { key: 'p-4-1-1', version: 2 },
  },
  {
    key: 'p-4-1-2',
    group: 'technical',
    org: 'Regroupement des opérateurs de réseaux (fictif)',
    text: 'Les petits fournisseurs régionaux n’ont pas les moyens de remplacer tous les routeurs déjà installés chez leurs clients.',
    outcome: 'not_accepted',
    rationale: 'Non accepté. La recommandation vise les routeurs vendus ou fournis à l’avenir ; elle n’exige pas le remplacement de l’équipement déjà installé.',
  },
  {
    key: 'p-4-3-1',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Le guide doit être rédigé en français dès le départ, et non traduit après coup à partir de l’anglais.',
    outcome: 'noted',
    rationale: 'Pris en note. Le guide sera rédigé dans les deux langues en parallèle ; l’équipe qui le préparera comptera des rédacteurs francophones.',
  },
  {
    key: 'p-4-3-3',
    group: 'academia',
    org: 'Université du Littoral numérique (fictive)',
    text: 'Ajoutez les personnes aînées qui vivent seules : ce sont souvent elles qui reçoivent des appareils en cadeau sans savoir les configurer.',
    outcome: 'noted',
  },
  {
    key: 'p-4-3-1',
    group: 'civil_society',
    org: null,
    text: 'Pensez aux personnes malvoyantes : le guide doit exister en gros caractères et en version audio.',
    outcome: 'accepted',
    rationale: 'Accepté. Un nouveau paragraphe de la section 4.3 demande des formats accessibles, dont les gros caractères et l’audio, mis à l’essai auprès des personnes concernées.',
    changed: { key: 'p-4-3-4', version: 2 },
  },
  {
    key: 'p-3-4-3',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Combien de temps à l’avance ? Un préavis de quelques jours ne suffit pas pour remplacer un appareil dont on dépend.',
    outcome: 'accepted',
    rationale: 'Accepté. La section 3.4 demande maintenant d’annoncer la fin du soutien au moins six mois à l’avance.',
    changed: { key: 'p-3-4-3', version: 2 },
  },
  {
    key: 'p-3-4-4',
    group: 'other',
    org: null,
    text: 'J’achète souvent des appareils usagés. Les paragraphes sur la revente et sur la fin du soutien se recoupent : réunissez-les pour que la réinitialisation s’applique à chaque changement de propriétaire.',
    outcome: 'accepted',
    rationale: 'Accepté. Les deux paragraphes sont réunis dans la version 2 : la réinitialisation s’applique à la fin du soutien et à chaque changement de mains.',
    changed: { key: 'p-3-4-3', version: 2 },
  },
  {
    key: 'p-1-3',
    group: 'academia',
    org: 'Université du Littoral numérique (fictive)',
    text: 'Exclure les instruments médicaux laisse de côté les moniteurs de santé achetés en pharmacie par les particuliers.',
    outcome: 'not_accepted',
    rationale: 'Non accepté. Les appareils homologués comme instruments médicaux relèvent de leur propre organisme de réglementation ; les autres appareils de santé grand public sont déjà visés.',
  },
  {
    key: 'p-3-3-3',
    group: 'other',
    org: null,
    text: 'Un thermostat qui cesse de chauffer en plein janvier parce que le serveur du fabricant est en panne, c’est dangereux. Ce repère est essentiel.',
    outcome: 'noted',
  },
  {
    key: 'p-3-1-3',
    group: 'government',
    org: 'Ministère de la Cybersécurité du Québec (fictif)',
    text: 'La minimisation des données devrait renvoyer aux obligations que les lois sur la protection des renseignements personnels imposent déjà.',
    outcome: 'noted',
  },
  {
    key: null,
    group: 'other',
    org: null,
    text: 'Merci de consulter le public. Je ne savais pas que ma caméra de surveillance pouvait servir à attaquer d’autres réseaux.',
    outcome: 'noted',
  },
  {
    key: null,
    group: 'other',
    org: null,
    text: 'Il faudrait tout simplement interdire les assistants vocaux, qui écoutent tout ce qu’on dit.',
    outcome: 'out_of_scope',
  },
  {
    key: 'p-4-4-1',
    group: 'government',
    org: 'Ministère de la Cybersécurité du Québec (fictif)',
    text: 'Les organismes publics auraient besoin de clauses contractuelles types, en français, pour appliquer cette recommandation.',
    outcome: 'noted',
    rationale: 'Pris en note. Les clauses types dépassent le présent rapport ; le comité d’action s’en chargera avec les acheteurs publics.',
  },
  {
    key: 'table-3',
    group: 'technical',
    org: 'Regroupement des opérateurs de réseaux (fictif)',
    text: 'Le tableau classe la politique de divulgation sous la conception, alors que le texte la traite comme une démarche continue. Harmonisez les deux.',
    outcome: 'accepted',
    rationale: 'Accepté. Dans la version 2, le tableau place la politique de divulgation sous la gestion, comme le texte.',
    changed: { key: 'table-3', version: 2 },
  },
  {
    key: 'p-3-1-4',
    group: 'academia',
    org: 'Université du Littoral numérique (fictive)',
    text: 'La divulgation des vulnérabilités dure toute la vie de l’appareil : ce paragraphe a sa place à la section 3.4.',
    outcome: 'accepted',
    rationale: 'Accepté. Le paragraphe sur la politique de divulgation a été déplacé tel quel à la section 3.4.',
    changed: { key: 'p-3-1-4', version: 2 },
  },
  {
    key: 'p-5-1',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Cinq semaines, c’est court pour consulter nos membres partout au Québec.',
    outcome: 'out_of_scope',
    rationale: 'Hors sujet pour le rapport lui-même. La durée de la consultation a été fixée par le comité de surveillance ; votre remarque lui a été transmise pour les prochaines consultations.',
  },
  {
    key: 'li-2-1',
    group: 'academia',
    org: 'Université du Littoral numérique (fictive)',
    text: 'La définition exclut les téléphones, mais qu’en est-il des montres intelligentes ?',
    outcome: 'noted',
  },
  {
    key: 'p-4-2-2',
    group: 'other',
    org: null,
    text: 'Les codes QR excluent les personnes qui n’ont pas de téléphone intelligent. Imprimez l’essentiel sur la boîte !',
    outcome: 'noted',
    rationale: 'Pris en note. L’étiquette elle-même indique la période de soutien, les identifiants uniques et la façon de signaler une faille ; le registre ne sert qu’à vérifier ces renseignements.',
  },
  {
    key: 'p-5-2',
    group: 'civil_society',
    org: 'Union des consommateurs numériques (fictive)',
    text: 'Le comité d’action doit compter des représentants des consommateurs, avec les moyens de participer à armes égales.',
    outcome: 'noted',
  },
];

/** Stock rationales for comments without one of their own, by language and outcome. */
export const STOCK_RATIONALES: Record<ReportLang, Record<Outcome, string[]>> = {
  en: {
    accepted: ['Accepted. The revised text reflects this comment.', 'Accepted; thank you. The paragraph was changed in version 2.'],
    partly_accepted: [
      'Partly accepted. The revised text takes up part of this suggestion; the rest did not reach consensus in the working group.',
      'Partly accepted. The working group agreed with the aim but chose different wording.',
    ],
    not_accepted: [
      'Not accepted. The working group discussed this point and kept the text as it was, for the reasons given in its minutes.',
      'Not accepted. This would go beyond what the participants could agree on in this process.',
      'Not accepted. The working group found that the current wording already strikes the right balance.',
    ],
    noted: [
      'Noted. Thank you; the working group considered this comment and found that the text already covers it.',
      'Noted. This comment supports the text as drafted.',
      'Noted. The action committee will take this point into account when it carries the recommendations forward.',
      'Noted. The point is recorded for the consumer guide, which will go into more detail than the report.',
      'Noted. The working group will keep this in mind for the two-year review of the benchmarks.',
    ],
    out_of_scope: [
      'Out of scope. The report covers the security of consumer connected devices; this question falls outside it.',
      'Out of scope. This concerns a matter for legislators or regulators rather than for this multistakeholder process.',
    ],
  },
  fr: {
    accepted: ['Accepté. Le texte révisé tient compte de ce commentaire.', 'Accepté ; merci. Le paragraphe a été modifié dans la version 2.'],
    partly_accepted: [
      'Accepté en partie. Le texte révisé reprend une partie de la suggestion ; le reste n’a pas fait consensus au sein du groupe de travail.',
      'Accepté en partie. Le groupe de travail partage l’objectif, mais a retenu une autre formulation.',
    ],
    not_accepted: [
      'Non accepté. Le groupe de travail a examiné ce point et a conservé le texte, pour les motifs consignés au procès-verbal.',
      'Non accepté. Cela irait au-delà de ce sur quoi les participants ont pu s’entendre dans le cadre du processus.',
      'Non accepté. Le groupe de travail estime que la formulation actuelle trouve déjà le bon équilibre.',
    ],
    noted: [
      'Pris en note. Merci ; le groupe de travail a examiné ce commentaire et estime que le texte en tient déjà compte.',
      'Pris en note. Ce commentaire appuie le texte tel qu’il est rédigé.',
      'Pris en note. Le comité d’action tiendra compte de ce point dans le suivi des recommandations.',
      'Pris en note. Le point est retenu pour le guide du consommateur, qui entrera davantage dans les détails que le rapport.',
      'Pris en note. Le groupe de travail en tiendra compte lors de la révision des repères dans deux ans.',
    ],
    out_of_scope: [
      'Hors sujet. Le rapport porte sur la sécurité des appareils connectés grand public ; cette question en sort.',
      'Hors sujet. Cette question relève du législateur ou des organismes de réglementation plutôt que du présent processus multipartite.',
    ],
  },
};

/** Sentences a commenter may add around a template, so repeated points are not exact copies. */
export const OPENERS: Record<ReportLang, string[]> = {
  en: ['Thank you for the chance to comment. ', 'A short comment on this part. ', 'After discussing the draft with colleagues: ', 'In brief: ', 'I agree with much of the draft, but: '],
  fr: ['Merci de nous donner la parole. ', 'Un bref commentaire sur ce passage. ', 'Après en avoir discuté avec des collègues : ', 'En bref : ', 'Je suis d’accord avec l’essentiel du texte, mais : '],
};
export const CLOSERS: Record<ReportLang, string[]> = {
  en: [' We would be glad to help with the wording.', ' Happy to discuss further.', ' This matters a great deal to the people we work with.', ' Thank you for considering this.'],
  fr: [' Nous serions heureux d’aider à la rédaction.', ' Au plaisir d’en discuter.', ' C’est très important pour les gens avec qui nous travaillons.', ' Merci d’en tenir compte.'],
};

/**
 * Campaign texts: the same comment sent many times by different people, with small
 * differences of case, punctuation and spacing that exact-duplicate grouping ignores.
 * One disposition answers each group.
 */
export interface Campaign {
  lang: ReportLang;
  key: string | null;
  group: StakeholderKey;
  text: string;
  copies: number;
  /** Local dates (Toronto) the copies arrive between, inclusive. */
  from: string;
  to: string;
  outcome: Outcome;
  rationale: string;
  changed?: { key: string; version: 2 | 3 };
}

export const CAMPAIGNS: Campaign[] = [
  {
    lang: 'en',
    key: 'p-4-2-1',
    group: 'civil_society',
    text: 'I support a mandatory security label for connected devices. Buyers deserve to know how long a device will get security updates before they pay for it.',
    copies: 40,
    from: '2019-03-12',
    to: '2019-03-19',
    outcome: 'partly_accepted',
    rationale:
      'Partly accepted. The final text (4.2) starts the label as a voluntary scheme and makes it, or an equivalent disclosure, mandatory if fewer than half of the devices sold carry it two years after launch. The label states the end date of the support period.',
    changed: { key: 'p-4-2-1', version: 3 },
  },
  {
    lang: 'en',
    key: 'p-3-3-3',
    group: 'other',
    text: 'Smart home devices must keep working when the internet or the company’s servers go down. Make this a top priority.',
    copies: 18,
    from: '2019-03-27',
    to: '2019-04-02',
    outcome: 'noted',
    rationale:
      'Noted. Section 3.3 already asks that a device keep doing its essential job when the Internet connection or the manufacturer’s cloud service is unavailable; the working group kept this benchmark as drafted.',
  },
  {
    lang: 'fr',
    key: 'p-4-2-1',
    group: 'civil_society',
    text: 'Je demande une étiquette de sécurité obligatoire, en français, sur tous les appareils connectés vendus au Canada.',
    copies: 15,
    from: '2019-03-20',
    to: '2019-03-26',
    outcome: 'partly_accepted',
    rationale:
      'Accepté en partie. Le texte final (4.2) prévoit une étiquette en français et en anglais, d’abord volontaire, qui devient obligatoire si moins de la moitié des appareils vendus la portent deux ans après son lancement.',
    changed: { key: 'p-4-2-1', version: 3 },
  },
];

/** Spam a moderator hides (reason: spam); it gets no disposition. */
export const SPAM: { lang: ReportLang; name: string; text: string; at: string }[] = [
  { lang: 'en', name: 'Best Deals Cameras', text: 'CHEAP SMART CAMERAS!!! 80% off today only, free shipping to all of Canada — visit our online store now', at: '2019-03-04' },
  { lang: 'en', name: 'Jenny Work', text: 'Earn $500 a day from home with no experience. Message me to find out how, limited places.', at: '2019-03-22' },
  { lang: 'fr', name: 'Crypto Gains', text: 'Gagnez des cryptomonnaies sans effort ! Inscrivez-vous aujourd’hui et doublez votre mise en une semaine.', at: '2019-04-01' },
];

/** The live process's open comment period, in days from the day the demo is loaded, and its first comments. */
export const LIVE_PERIOD = {
  opensAfterDays: -7,
  closesAfterDays: 21,
  instructions: {
    en: 'Comment on a paragraph with the link beside it, or on the guideline as a whole. Every comment will get a written response when the period closes.',
    fr: 'Commentez un paragraphe au moyen du lien placé à côté de chacun, ou la ligne directrice dans son ensemble. Chaque commentaire recevra une réponse écrite à la fermeture de la consultation.',
  },
  /** What the first commenters said, days after the period opened (in the commenter's language). */
  comments: [
    { afterDays: -6.5, en: 'The update date should be a date, not "five years": buyers cannot tell when the five years started.', fr: 'La date des mises à jour devrait être une date, pas « cinq ans » : l’acheteur ne sait pas quand les cinq ans ont commencé.' },
    { afterDays: -4.2, en: 'Please require a QR code on the label that links to the maker’s vulnerability reporting page.', fr: 'Exigez un code QR sur l’étiquette menant à la page de signalement des vulnérabilités du fabricant.' },
    { afterDays: -1.3, en: 'Small devices have no room for a box label; the web page and settings should be enough for them.', fr: 'Les petits appareils n’ont pas de place pour une étiquette sur la boîte ; la page Web et les réglages devraient suffire.' },
  ],
} as const;
