/**
 * The twelve recommendations of section 4 of the demo's outcomes report, each tied to the
 * paragraph it comes from. Fictional, like every organisation in the demo. French uses
 * no-break spaces where French typography wants them.
 */

/** Which working group a recommendation came from (slugs of the demo's groups). */
export type DemoGroup = 'network-resilience' | 'device-labelling' | 'consumer-education';

/** One recommendation: its number, the report paragraph it comes from (text key), and its words. */
export interface DemoRecommendation {
  number: string;
  /** The key of the paragraph in the final version (see documents/documents.demo.texts.ts). */
  from: string;
  group: DemoGroup;
  priority: 'high' | 'medium' | 'low';
  /** Stakeholder groups that should act (keys), and named organisations (names). */
  addressees: string[];
  organisations?: string[];
  en: [title: string, text: string];
  fr: [title: string, text: string];
}

export const RECOMMENDATIONS: DemoRecommendation[] = [
  {
    number: '4.1.1',
    from: 'p-4-1-1~2',
    group: 'network-resilience',
    priority: 'high',
    addressees: ['private_sector'],
    organisations: ['Northern Telecom Carriers (fictional)'],
    en: ['Tell customers when their device attacks', 'Internet service providers should notify customers when a device on their network is seen taking part in an attack, and explain in plain language how to fix or disconnect it.'],
    fr: ['Prévenir les clients dont l’appareil attaque', 'Les fournisseurs d’accès Internet devraient avertir leurs clients lorsqu’un appareil de leur réseau participe à une attaque, et leur expliquer simplement comment le corriger ou le déconnecter.'],
  },
  {
    number: '4.1.2',
    from: 'p-4-1-1~2',
    group: 'network-resilience',
    priority: 'high',
    addressees: ['private_sector', 'government'],
    en: ['No inspection of content for notices', 'Notices should rely on the traffic data already collected to run the network, and should never lead to inspection of the content of customers’ communications.'],
    fr: ['Aucune inspection du contenu pour les avis', 'Les avis devraient s’appuyer sur les données de trafic déjà recueillies pour exploiter le réseau, sans jamais mener à l’inspection du contenu des communications des clients.'],
  },
  {
    number: '4.1.3',
    from: 'p-4-1-2',
    group: 'network-resilience',
    priority: 'medium',
    addressees: ['private_sector', 'technical'],
    organisations: ['Home Router Working Party (fictional)'],
    en: ['Routers that keep devices apart', 'Home routers sold or supplied by providers should separate connected devices from computers and phones, and use each device’s traffic description to limit what it can reach.'],
    fr: ['Des routeurs qui séparent les appareils', 'Les routeurs domestiques vendus ou fournis par les fournisseurs devraient séparer les appareils connectés des ordinateurs et des téléphones, et utiliser la description du trafic de chaque appareil pour limiter ce qu’il peut joindre.'],
  },
  {
    number: '4.2.1',
    from: 'p-4-2-1~3',
    group: 'device-labelling',
    priority: 'high',
    addressees: ['private_sector', 'civil_society'],
    en: ['A bilingual security label', 'A security label, in English and French, should be developed for consumer devices, stating the end date of the support period, whether the device has unique credentials, and how to report a flaw.'],
    fr: ['Une étiquette de sécurité bilingue', 'Une étiquette de sécurité, en français et en anglais, devrait être élaborée pour les appareils grand public et indiquer la date de fin de la période de soutien, si l’appareil a des identifiants uniques et comment signaler une faille.'],
  },
  {
    number: '4.2.2',
    from: 'p-4-2-1~3',
    group: 'device-labelling',
    priority: 'medium',
    addressees: ['government'],
    en: ['Make the label mandatory if few devices carry it', 'If, two years after its launch, fewer than half of the devices sold carry the label, governments should make the label, or an equivalent disclosure, mandatory.'],
    fr: ['Rendre l’étiquette obligatoire si peu d’appareils la portent', 'Si, deux ans après son lancement, moins de la moitié des appareils vendus portent l’étiquette, les gouvernements devraient rendre obligatoire l’étiquette ou une divulgation équivalente.'],
  },
  {
    number: '4.2.3',
    from: 'p-4-2-2',
    group: 'device-labelling',
    priority: 'medium',
    addressees: ['technical', 'private_sector'],
    en: ['A public registry behind every label', 'Each label should carry a short link or QR code to a public registry where its claims can be checked and where a support period that has ended is shown as such.'],
    fr: ['Un registre public derrière chaque étiquette', 'Chaque étiquette devrait porter un lien court ou un code QR menant à un registre public où ses affirmations peuvent être vérifiées et où une période de soutien terminée est indiquée comme telle.'],
  },
  {
    number: '4.3.1',
    from: 'p-4-3-1',
    group: 'consumer-education',
    priority: 'high',
    addressees: ['civil_society', 'government'],
    en: ['A plain-language guide', 'A plain-language guide, in English and French, should explain how to choose a device, set it up securely, keep it updated and retire it.'],
    fr: ['Un guide en langage clair', 'Un guide en langage clair, en français et en anglais, devrait expliquer comment choisir un appareil, le configurer de façon sûre, le tenir à jour et s’en défaire.'],
  },
  {
    number: '4.3.2',
    from: 'p-4-3-2',
    group: 'consumer-education',
    priority: 'medium',
    addressees: ['private_sector'],
    organisations: ['Canadian Electronics Retailers Council (fictional)'],
    en: ['Retail staff who can explain the label', 'Retailers should train their staff to explain the label and the support period at the point of sale, and show the support period in their online listings.'],
    fr: ['Un personnel de vente qui sait expliquer l’étiquette', 'Les détaillants devraient former leur personnel à expliquer l’étiquette et la période de soutien au point de vente, et indiquer la période de soutien dans leurs fiches en ligne.'],
  },
  {
    number: '4.3.3',
    from: 'p-4-3-3',
    group: 'consumer-education',
    priority: 'medium',
    addressees: ['civil_society', 'academia'],
    en: ['Reach people often left out', 'Outreach should reach seniors, newcomers, people in rural and northern communities with limited connectivity, and young people who set up devices for their families.'],
    fr: ['Joindre les personnes souvent oubliées', 'La sensibilisation devrait joindre les aînés, les nouveaux arrivants, les collectivités rurales et nordiques peu connectées, et les jeunes qui installent les appareils de leur famille.'],
  },
  {
    number: '4.3.4',
    from: 'p-4-3-4',
    group: 'consumer-education',
    priority: 'low',
    addressees: ['civil_society'],
    en: ['Accessible formats', 'The guide and the label should be available in large print, on web pages that work with screen readers, as audio and as plain-language summaries, tested with the people who will use them.'],
    fr: ['Des formats accessibles', 'Le guide et l’étiquette devraient exister en gros caractères, en pages Web compatibles avec les lecteurs d’écran, en audio et en résumés en langage clair, testés avec les personnes qui les utiliseront.'],
  },
  {
    number: '4.4.1',
    from: 'p-4-4-1',
    group: 'network-resilience',
    priority: 'high',
    addressees: ['government'],
    en: ['Buy secure devices', 'Governments and public bodies should require the benchmarks of section 3 when they buy connected devices.'],
    fr: ['Acheter des appareils sûrs', 'Les gouvernements et les organismes publics devraient exiger les repères de la section 3 lorsqu’ils achètent des appareils connectés.'],
  },
  {
    number: '4.4.2',
    from: 'p-4-4-1',
    group: 'network-resilience',
    priority: 'low',
    addressees: ['government'],
    en: ['Publish the purchasing requirement', 'Governments should publish their purchasing requirement so that manufacturers see a market for secure products.'],
    fr: ['Publier l’exigence d’achat', 'Les gouvernements devraient publier leur exigence d’achat afin que les fabricants voient un marché pour les produits sûrs.'],
  },
];
