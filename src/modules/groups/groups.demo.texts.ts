/** The demo process's working groups and their announcements, in English and French (our own words). */
export const GROUPS = [
  {
    slug: 'network-resilience',
    nameEn: 'Network resilience',
    nameFr: 'Résilience des réseaux',
    charterEn: `## Purpose

Recommend how networks — home, enterprise and carrier — can contain insecure devices: segmentation, traffic profiles (MUD, RFC 8520), and notifying owners of compromised devices.

## Deliverables

1. A section of the outcomes report on network-level protections.
2. Guidance for Internet service providers on notifying customers.

## Ways of working

Open calls every two weeks; decisions by rough consensus, recorded in the minutes.`,
    charterFr: `## Objet

Recommander comment les réseaux — domestiques, d’entreprise et des opérateurs — peuvent contenir les appareils vulnérables : segmentation, profils de trafic (MUD, RFC 8520) et avis aux propriétaires d’appareils compromis.

## Livrables

1. Une section du rapport sur les protections au niveau du réseau.
2. Des conseils aux fournisseurs d’accès Internet sur l’avis à la clientèle.

## Façon de travailler

Appels ouverts toutes les deux semaines; décisions par consensus approximatif, consignées au procès-verbal.`,
  },
  {
    slug: 'device-labelling',
    nameEn: 'Device labelling',
    nameFr: 'Étiquetage des appareils',
    charterEn: `## Purpose

Propose a consumer label that tells buyers how long a device will receive security updates, whether it has unique credentials, and how to report a flaw.

## Deliverables

1. Label content and criteria, tied to the security baseline.
2. A registry design so that a label can be checked online (QR code).`,
    charterFr: `## Objet

Proposer une étiquette qui indique aux acheteurs pendant combien de temps un appareil recevra des mises à jour de sécurité, s’il a des identifiants uniques et comment signaler une faille.

## Livrables

1. Le contenu et les critères de l’étiquette, liés au niveau de référence de sécurité.
2. La conception d’un registre permettant de vérifier une étiquette en ligne (code QR).`,
  },
  {
    slug: 'consumer-education',
    nameEn: 'Consumer education',
    nameFr: 'Sensibilisation des consommateurs',
    charterEn: `## Purpose

Help people choose, set up and keep connected devices secure, in plain language, in English and French, and for people with little connectivity.

## Deliverables

1. A consumer guide.
2. Recommendations for retailers at the point of sale.`,
    charterFr: `## Objet

Aider les gens à choisir, à configurer et à garder leurs appareils connectés sécuritaires, en langage clair, en français et en anglais, et pour les personnes peu connectées.

## Livrables

1. Un guide du consommateur.
2. Des recommandations aux détaillants au point de vente.`,
  },
] as const;

export const ANNOUNCEMENTS: Record<string, { title: string; body: string; lang: 'en' | 'fr' }[]> = {
  'network-resilience': [
    { title: 'Draft text on ISP notifications', body: 'The draft section on notifying customers of compromised devices is ready for review before our next call.', lang: 'en' },
  ],
  'device-labelling': [
    { title: 'Label mock-ups', body: 'Three label mock-ups are attached to the minutes of our last meeting. Please bring comments.', lang: 'en' },
    { title: 'Maquettes en français', body: 'Les maquettes d’étiquettes en français sont prêtes pour relecture.', lang: 'fr' },
  ],
  'consumer-education': [{ title: 'Youth input report received', body: 'Thank you to the youth network for its input report; we will discuss it on our next call.', lang: 'en' }],
};
