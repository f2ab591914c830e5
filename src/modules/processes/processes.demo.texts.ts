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

/**
 * The share of the members each stakeholder group should have (the balance page shows how far
 * the process is from it); the other group has none.
 */
export const TARGET_SHARES: Record<string, number | null> = {
  government: 0.15,
  civil_society: 0.2,
  technical: 0.2,
  academia: 0.15,
  private_sector: 0.2,
  other: null,
};
