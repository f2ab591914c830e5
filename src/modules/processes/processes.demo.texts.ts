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

/**
 * The live process: a sequel on security labels whose dates are counted from the day the demo
 * is loaded, so a newcomer finds a comment period open, a meeting ahead and a consensus call
 * under way.
 */
export const LIVE_PROCESS_TEXT = {
  slug: 'iot-labels-live',
  titleEn: 'Security labels for connected devices (live demo)',
  titleFr: 'Étiquettes de sécurité des appareils connectés (démo en direct)',
  summaryEn: 'A follow-up to the 2018–2019 process, under way now: comment on the draft labelling guideline, register for the next meeting and state your position on the consensus call.',
  summaryFr:
    'Une suite du processus de 2018-2019, en cours : commentez l’ébauche de la ligne directrice sur l’étiquetage, inscrivez-vous à la prochaine réunion et prenez position dans l’appel au consensus.',
  descriptionEn: `Recommendation 4.2.1 of *Enhancing IoT Security* called for a bilingual security label on connected devices. This process drafts the guideline that says what the label shows.

Its dates follow the day this demonstration was loaded: everything here is open for you to try.`,
  descriptionFr: `La recommandation 4.2.1 d’*Améliorer la sécurité de l’Internet des objets* demandait une étiquette de sécurité bilingue sur les appareils connectés. Ce processus rédige la ligne directrice qui précise ce que montre l’étiquette.

Ses dates suivent le jour où cette démonstration a été chargée : tout y est ouvert pour que vous l’essayiez.`,
};

/** The live process's phases, in days from the day the demo is loaded: the public comment phase is on. */
export const LIVE_PHASES = [
  { kind: 'convening', nameEn: 'Convening', nameFr: 'Convocation', from: -60, to: -31 },
  { kind: 'drafting', nameEn: 'Drafting the guideline', nameFr: 'Rédaction de la ligne directrice', from: -30, to: -8 },
  { kind: 'public_comment', nameEn: 'Public comment', nameFr: 'Consultation publique', from: -7, to: 21 },
  { kind: 'finalisation', nameEn: 'Final guideline', nameFr: 'Ligne directrice finale', from: 22, to: 60 },
] as const;
