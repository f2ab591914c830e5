/** The demo process's texts, in English and French (our own words, modelled on the 2018–19 process). */
export const PROCESS_TEXT = {
  slug: 'iot-security-2018',
  titleEn: 'Enhancing IoT Security',
  titleFr: 'Améliorer la sécurité de l’Internet des objets',
  summaryEn:
    'A Canadian multistakeholder process (2018–2019) to agree on shared definitions, benchmarks and recommendations for the security of connected devices over their whole lifespan.',
  summaryFr:
    'Un processus multipartite canadien (2018-2019) visant à s’entendre sur des définitions, des repères et des recommandations communs pour la sécurité des appareils connectés pendant tout leur cycle de vie.',
  descriptionEn: `Connected devices — cameras, thermostats, toys, routers — are sold by the million with default passwords, no updates and no way for buyers to tell a secure device from an insecure one. Compromised devices are then used to attack networks everyone depends on.

This process brings together **government, civil society, the technical community, academia and industry** to agree on:

- shared **definitions** and **benchmarks** for the security of connected devices;
- guidelines for security across a device's **whole lifespan**: development, manufacturing, communications and management;
- **recommendations** for network resilience, device labelling and consumer education.

All meetings are open and streamed; recordings and minutes are posted here. The draft outcomes report will be open for public comment before the final meeting in Ottawa.`,
  descriptionFr: `Des appareils connectés — caméras, thermostats, jouets, routeurs — se vendent par millions avec des mots de passe par défaut, sans mises à jour et sans que les acheteurs puissent distinguer un appareil sûr d’un appareil vulnérable. Les appareils compromis servent ensuite à attaquer des réseaux dont tout le monde dépend.

Ce processus réunit **le gouvernement, la société civile, la communauté technique, le milieu universitaire et l’industrie** pour s’entendre sur :

- des **définitions** et des **repères** communs pour la sécurité des appareils connectés;
- des lignes directrices couvrant **tout le cycle de vie** d’un appareil : conception, fabrication, communications et gestion;
- des **recommandations** sur la résilience des réseaux, l’étiquetage des appareils et la sensibilisation des consommateurs.

Toutes les réunions sont publiques et diffusées en direct; les enregistrements et les procès-verbaux sont publiés ici. L’ébauche du rapport sera soumise à une consultation publique avant la réunion finale à Ottawa.`,
};

export const PHASES = [
  { kind: 'convening', nameEn: 'Convening', nameFr: 'Convocation', startsOn: '2018-06-01', endsOn: '2018-09-30' },
  { kind: 'working_groups', nameEn: 'Working groups', nameFr: 'Groupes de travail', startsOn: '2018-10-01', endsOn: '2019-01-31' },
  { kind: 'drafting', nameEn: 'Drafting the outcomes report', nameFr: 'Rédaction du rapport', startsOn: '2019-01-15', endsOn: '2019-02-24' },
  { kind: 'public_comment', nameEn: 'Public comment', nameFr: 'Consultation publique', startsOn: '2019-02-25', endsOn: '2019-04-05' },
  { kind: 'finalisation', nameEn: 'Final meeting and report', nameFr: 'Réunion finale et rapport', startsOn: '2019-04-06', endsOn: '2019-04-30' },
  { kind: 'action', nameEn: 'Action committee', nameFr: 'Comité d’action', startsOn: '2019-05-01', endsOn: '2021-12-31' },
] as const;

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
