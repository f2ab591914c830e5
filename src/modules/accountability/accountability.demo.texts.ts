/**
 * The actions the demo's action committee set on the recommendations, the pledges
 * organisations made and the progress they reported, 2019–2021. Fictional, like every
 * organisation in the demo. French uses no-break spaces where French typography wants them.
 */

/** A progress report in the demo: when, status, words, and evidence. */
export interface DemoProgress {
  at: string;
  status: 'not_started' | 'on_track' | 'at_risk' | 'late' | 'done' | 'dropped';
  body: string;
  reason?: string;
  lang: 'en' | 'fr';
  evidence?: string[];
}

/** An action the committee set, with its owner and what its owner reported. */
export interface DemoAction {
  recommendation: string;
  owner: string;
  created: string;
  due: string;
  en: [title: string, measure: string];
  fr: [title: string, measure: string];
  progress: DemoProgress[];
}

export const ACTIONS: DemoAction[] = [
  {
    recommendation: '4.1.1',
    owner: 'Northern Telecom Carriers (fictional)',
    created: '2019-07-08T10:00:00-04:00',
    due: '2020-03-31',
    en: ['Notify customers of infected devices', 'Customers of the three largest networks receive a plain-language notice within 48 hours of detection.'],
    fr: ['Avertir les clients d’appareils infectés', 'Les clients des trois plus grands réseaux reçoivent un avis en langage clair dans les 48 heures suivant la détection.'],
    progress: [
      { at: '2019-11-15T16:00:00-05:00', status: 'on_track', body: 'Notice text tested with 40 customers; pilot on one network.', lang: 'en' },
      { at: '2020-03-20T16:00:00-04:00', status: 'done', body: 'Notices live on all three networks; 1,240 customers notified in the first month.', lang: 'en', evidence: ['https://ntc.example/security/notices'] },
    ],
  },
  {
    recommendation: '4.1.3',
    owner: 'Home Router Working Party (fictional)',
    created: '2019-07-08T10:30:00-04:00',
    due: '2020-09-30',
    en: ['A reference configuration for home routers', 'A published reference configuration that puts connected devices on their own network segment by default.'],
    fr: ['Une configuration de référence pour les routeurs', 'Une configuration de référence publiée qui place par défaut les appareils connectés sur leur propre segment de réseau.'],
    progress: [
      { at: '2020-02-10T12:00:00-05:00', status: 'on_track', body: 'Draft configuration reviewed by two router makers.', lang: 'en' },
      { at: '2020-08-28T12:00:00-04:00', status: 'at_risk', body: 'One vendor has not confirmed support.', reason: 'Firmware work delayed by supply problems in 2020.', lang: 'en' },
      { at: '2020-12-04T12:00:00-05:00', status: 'late', body: 'Configuration published; firmware support still missing on one line of routers.', reason: 'The last vendor ships its update in 2021.', lang: 'en', evidence: ['https://router-party.example/reference'] },
    ],
  },
  {
    recommendation: '4.2.1',
    owner: 'Consumer Protection Alliance (fictional)',
    created: '2019-07-15T10:00:00-04:00',
    due: '2020-06-30',
    en: ['Draft the label and test it with consumers', 'A bilingual label design tested with at least 200 consumers in both languages.'],
    fr: ['Concevoir l’étiquette et la tester auprès des consommateurs', 'Un modèle d’étiquette bilingue testé auprès d’au moins 200 consommateurs dans les deux langues.'],
    progress: [
      { at: '2019-12-02T15:00:00-05:00', status: 'on_track', body: 'Three designs drafted; testing planned for February.', lang: 'en' },
      { at: '2020-06-25T15:00:00-04:00', status: 'done', body: 'Design chosen after tests with 236 consumers (118 in French).', lang: 'en', evidence: ['https://consumer-alliance.example/label-tests'] },
    ],
  },
  {
    recommendation: '4.2.1',
    owner: 'Acme Connected Devices (fictional)',
    created: '2019-07-15T11:00:00-04:00',
    due: '2021-01-31',
    en: ['Put the label on the first products', 'The label appears on the packaging of at least three product lines.'],
    fr: ['Apposer l’étiquette sur les premiers produits', 'L’étiquette figure sur l’emballage d’au moins trois gammes de produits.'],
    progress: [
      { at: '2020-09-15T10:00:00-04:00', status: 'on_track', body: 'Packaging for two lines updated.', lang: 'en' },
    ],
  },
  {
    recommendation: '4.2.3',
    owner: 'Canadian Domain Registry Authority (fictional)',
    created: '2019-08-01T10:00:00-04:00',
    due: '2020-12-31',
    en: ['Run the public label registry', 'A public registry answers every label’s QR code and shows ended support periods.'],
    fr: ['Exploiter le registre public des étiquettes', 'Un registre public répond au code QR de chaque étiquette et affiche les périodes de soutien terminées.'],
    progress: [
      { at: '2020-05-01T10:00:00-04:00', status: 'on_track', body: 'Registry prototype online for testing.', lang: 'en' },
      { at: '2020-12-15T10:00:00-05:00', status: 'done', body: 'Registry open to the public with 42 labelled products.', lang: 'en', evidence: ['https://cdra.example/label-registry'] },
    ],
  },
  {
    recommendation: '4.3.1',
    owner: 'Union des consommateurs numériques (fictive)',
    created: '2019-07-22T10:00:00-04:00',
    due: '2020-04-30',
    en: ['Write and publish the consumer guide', 'The guide is published in English and French and downloaded at least 5,000 times.'],
    fr: ['Rédiger et publier le guide du consommateur', 'Le guide est publié en français et en anglais et téléchargé au moins 5\u00a0000 fois.'],
    progress: [
      { at: '2019-12-10T10:00:00-05:00', status: 'on_track', body: 'Le texte est rédigé et relu par le groupe de travail.', lang: 'fr' },
      { at: '2020-04-28T10:00:00-04:00', status: 'done', body: 'Guide publié\u00a0; 7\u00a0300 téléchargements en trois mois.', lang: 'fr', evidence: ['https://ucn.example/guide-objets-connectes'] },
    ],
  },
  {
    recommendation: '4.3.2',
    owner: 'Canadian Electronics Retailers Council (fictional)',
    created: '2019-07-22T11:00:00-04:00',
    due: '2020-11-30',
    en: ['Train retail staff', 'Staff of member stores complete a short course on the label and the support period.'],
    fr: ['Former le personnel de vente', 'Le personnel des magasins membres suit une courte formation sur l’étiquette et la période de soutien.'],
    progress: [
      { at: '2020-04-01T10:00:00-04:00', status: 'at_risk', body: 'Course ready; stores closed.', reason: 'In-store training suspended while stores were closed.', lang: 'en' },
    ],
  },
  {
    recommendation: '4.3.3',
    owner: 'Seniors Online Association (fictional)',
    created: '2019-08-05T10:00:00-04:00',
    due: '2021-06-30',
    en: ['Workshops for seniors and newcomers', 'Forty workshops held in at least five provinces and two territories.'],
    fr: ['Ateliers pour les aînés et les nouveaux arrivants', 'Quarante ateliers tenus dans au moins cinq provinces et deux territoires.'],
    progress: [
      { at: '2020-06-10T10:00:00-04:00', status: 'on_track', body: 'Workshops moved online; 14 held so far.', lang: 'en' },
      { at: '2021-06-28T10:00:00-04:00', status: 'done', body: '43 workshops held, 9 of them in the North.', lang: 'en', evidence: ['https://seniors-online.example/workshops-report'] },
    ],
  },
  {
    recommendation: '4.4.1',
    owner: 'Department of Digital Innovation (fictional)',
    created: '2019-08-12T10:00:00-04:00',
    due: '2020-12-31',
    en: ['Add the benchmarks to purchasing rules', 'Federal purchasing rules for connected devices cite the benchmarks of section 3.'],
    fr: ['Intégrer les repères aux règles d’achat', 'Les règles fédérales d’achat d’appareils connectés citent les repères de la section 3.'],
    progress: [
      { at: '2020-03-02T10:00:00-05:00', status: 'not_started', body: 'Waiting for the next revision cycle of the purchasing rules.', lang: 'en' },
    ],
  },
  {
    recommendation: '4.1.2',
    owner: 'Office of the Privacy Advocate (fictional)',
    created: '2019-08-12T11:00:00-04:00',
    due: '2020-02-28',
    en: ['Guidance on notices without content inspection', 'Published guidance on what traffic data providers may use for notices.'],
    fr: ['Lignes directrices sur les avis sans inspection du contenu', 'Des lignes directrices publiées sur les données de trafic que les fournisseurs peuvent utiliser pour les avis.'],
    progress: [
      { at: '2020-02-20T10:00:00-05:00', status: 'done', body: 'Guidance published after consultation.', lang: 'en', evidence: ['https://privacy-advocate.example/guidance/iot-notices'] },
    ],
  },
  {
    recommendation: '4.3.4',
    owner: 'Youth Digital Rights Network (fictional)',
    created: '2019-09-02T10:00:00-04:00',
    due: '2020-10-31',
    en: ['Accessible versions of the guide', 'Large-print, audio and screen-reader versions of the guide, each tested with users.'],
    fr: ['Versions accessibles du guide', 'Des versions en gros caractères, audio et pour lecteurs d’écran, chacune testée avec des utilisateurs.'],
    progress: [
      { at: '2020-10-20T10:00:00-04:00', status: 'dropped', body: 'Handed over to the guide’s publisher, who will produce the versions.', reason: 'The publisher of the guide took on the work with its own budget.', lang: 'en' },
    ],
  },
];

/** A pledge: which organisation, on which recommendation, what it promised and when. */
export interface DemoPledge {
  recommendation: string;
  organisation: string;
  at: string;
  due?: string;
  lang: 'en' | 'fr';
  text: string;
  progress: DemoProgress[];
}

export const PLEDGES: DemoPledge[] = [
  {
    recommendation: '4.2.1',
    organisation: 'Acme Connected Devices (fictional)',
    at: '2019-06-18T11:00:00-04:00',
    due: '2020-06-30',
    lang: 'en',
    text: 'We will ship no device with a default password after June 2020.',
    progress: [{ at: '2020-07-02T10:00:00-04:00', status: 'done', body: 'Every device shipped since 30 June 2020 has a unique password.', lang: 'en', evidence: ['https://acme-devices.example/security/passwords'] }],
  },
  {
    recommendation: '4.2.1',
    organisation: 'Maison Intelligente inc. (fictive)',
    at: '2019-06-18T11:30:00-04:00',
    due: '2020-12-31',
    lang: 'fr',
    text: 'Nous afficherons la date de fin du soutien sur l’emballage de tous nos produits d’ici la fin de 2020.',
    progress: [{ at: '2021-01-15T10:00:00-05:00', status: 'late', body: 'Deux gammes sur trois affichent la date.', reason: 'Les emballages de la troisième gamme seront réimprimés en 2021.', lang: 'fr' }],
  },
  {
    recommendation: '4.1.1',
    organisation: 'Northern Telecom Carriers (fictional)',
    at: '2019-06-20T10:00:00-04:00',
    lang: 'en',
    text: 'We will tell every customer whose device joins an attack, in their language, within two days.',
    progress: [],
  },
  {
    recommendation: '4.3.1',
    organisation: 'Maple Chapter of the Internet Society (fictional)',
    at: '2019-06-25T10:00:00-04:00',
    due: '2019-12-31',
    lang: 'en',
    text: 'We will host the consumer guide and keep it up to date for three years.',
    progress: [{ at: '2019-12-18T10:00:00-05:00', status: 'on_track', body: 'Hosting ready; waiting for the guide.', lang: 'en' }],
  },
  {
    recommendation: '4.4.1',
    organisation: 'City of Fredericton Smart City Office (fictional)',
    at: '2019-07-03T10:00:00-04:00',
    due: '2020-06-30',
    lang: 'en',
    text: 'Our next purchase of street sensors will require the benchmarks of section 3.',
    progress: [],
  },
];
