/**
 * The demo process's meetings (2018–April 2019), with their agendas and the minutes written
 * for them. Times are local to the meeting's zone.
 */
export interface DemoMeeting {
  group: string | null;
  titleEn: string;
  titleFr: string;
  format: 'in_person' | 'virtual' | 'hybrid';
  venue?: string;
  address?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Each item: its title in English and in French (ordinary spaces: the seeder applies French spacing), presenter, minutes. */
  agenda: [string, string, string, number][];
}

const VIRTUAL = (group: string, n: number, date: string, en: string, fr: string): DemoMeeting => ({
  group,
  titleEn: `${en} — call ${n}`,
  titleFr: `${fr} — appel ${n}`,
  format: 'virtual',
  startsAt: `${date}T13:00`,
  endsAt: `${date}T14:30`,
  timeZone: 'America/Toronto',
  agenda: [
    ['Welcome and review of the last minutes', 'Accueil et revue du dernier compte rendu', 'Chairs', 10],
    ['Discussion of the draft text', 'Discussion de l’ébauche', 'All', 60],
    ['Next steps', 'Prochaines étapes', 'Chairs', 20],
  ],
});

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    group: null,
    titleEn: 'Kick-off meeting',
    titleFr: 'Réunion de lancement',
    format: 'hybrid',
    venue: 'Ottawa Convention Centre (fictional)',
    address: '55 Colonel By Drive, Ottawa ON',
    startsAt: '2018-06-20T09:00',
    endsAt: '2018-06-20T16:30',
    timeZone: 'America/Toronto',
    agenda: [
      ['Why a multistakeholder process on IoT security', 'Pourquoi un processus multipartite sur la sécurité de l’IdO', 'Oversight committee', 45],
      ['Proposed working groups and how to join them', 'Les groupes de travail proposés et comment s’y joindre', 'Conveners', 60],
      ['Open discussion', 'Discussion ouverte', 'All', 120],
    ],
  },
  {
    group: null,
    titleEn: 'Second plenary',
    titleFr: 'Deuxième séance plénière',
    format: 'hybrid',
    venue: 'Université du Littoral numérique (fictive), salle 2-100',
    address: '1000 rue de la Gauchetière, Montréal QC',
    startsAt: '2018-10-15T09:00',
    endsAt: '2018-10-15T16:00',
    timeZone: 'America/Toronto',
    agenda: [
      ['Reports from the working groups', 'Comptes rendus des groupes de travail', 'Chairs', 90],
      ['Definitions and benchmarks: first draft', 'Définitions et repères : première ébauche', 'Network resilience', 60],
    ],
  },
  {
    group: 'device-labelling',
    titleEn: 'Labelling workshop',
    titleFr: 'Atelier sur l’étiquetage',
    format: 'in_person',
    venue: 'Innovation hub (fictional)',
    address: '200 Front Street W, Toronto ON',
    startsAt: '2018-11-22T10:00',
    endsAt: '2018-11-22T15:00',
    timeZone: 'America/Toronto',
    agenda: [
      ['What buyers need to know on the box', 'Ce que l’acheteur doit trouver sur la boîte', 'Consumer Protection Alliance', 60],
      ['Label criteria tied to the baseline', 'Critères de l’étiquette liés au socle de sécurité', 'Chairs', 90],
    ],
  },
  {
    group: 'network-resilience',
    titleEn: 'Home network protections workshop',
    titleFr: 'Atelier sur la protection des réseaux domestiques',
    format: 'in_person',
    venue: 'Pacific School of Engineering (fictional)',
    address: '2329 West Mall, Vancouver BC',
    startsAt: '2018-12-05T09:30',
    endsAt: '2018-12-05T15:30',
    timeZone: 'America/Vancouver',
    agenda: [
      ['MUD profiles in practice', 'Les profils MUD en pratique', 'Home Router Working Party', 60],
      ['Notifying customers of compromised devices', 'Avertir les clients d’appareils compromis', 'Northern Telecom Carriers', 60],
    ],
  },
  {
    group: null,
    titleEn: 'Third plenary: drafting',
    titleFr: 'Troisième séance plénière : rédaction',
    format: 'hybrid',
    venue: 'Ottawa Convention Centre (fictional)',
    address: '55 Colonel By Drive, Ottawa ON',
    startsAt: '2019-01-29T09:00',
    endsAt: '2019-01-29T16:00',
    timeZone: 'America/Toronto',
    agenda: [['Assembling the draft outcomes report', 'Assemblage de l’ébauche du rapport sur les résultats', 'Conveners', 240]],
  },
  {
    group: null,
    titleEn: 'Final meeting',
    titleFr: 'Réunion finale',
    format: 'hybrid',
    venue: 'Ottawa Convention Centre (fictional)',
    address: '55 Colonel By Drive, Ottawa ON',
    startsAt: '2019-04-18T09:00',
    endsAt: '2019-04-18T17:00',
    timeZone: 'America/Toronto',
    agenda: [
      ['What the public comment period told us', 'Ce que nous a appris la consultation publique', 'Oversight committee', 60],
      ['Final report and consensus', 'Rapport final et consensus', 'Chairs', 150],
      ['Launching the action committee', 'Lancement du comité d’action', 'Conveners', 60],
    ],
  },
  VIRTUAL('network-resilience', 1, '2018-10-04', 'Network resilience', 'Résilience des réseaux'),
  VIRTUAL('network-resilience', 2, '2018-11-01', 'Network resilience', 'Résilience des réseaux'),
  VIRTUAL('network-resilience', 3, '2019-01-10', 'Network resilience', 'Résilience des réseaux'),
  VIRTUAL('network-resilience', 4, '2019-03-07', 'Network resilience', 'Résilience des réseaux'),
  VIRTUAL('device-labelling', 1, '2018-10-11', 'Device labelling', 'Étiquetage des appareils'),
  VIRTUAL('device-labelling', 2, '2018-11-08', 'Device labelling', 'Étiquetage des appareils'),
  VIRTUAL('device-labelling', 3, '2019-01-17', 'Device labelling', 'Étiquetage des appareils'),
  VIRTUAL('device-labelling', 4, '2019-03-14', 'Device labelling', 'Étiquetage des appareils'),
  VIRTUAL('consumer-education', 1, '2018-10-18', 'Consumer education', 'Sensibilisation des consommateurs'),
  VIRTUAL('consumer-education', 2, '2018-11-15', 'Consumer education', 'Sensibilisation des consommateurs'),
  VIRTUAL('consumer-education', 3, '2019-01-24', 'Consumer education', 'Sensibilisation des consommateurs'),
  VIRTUAL('consumer-education', 4, '2019-03-21', 'Consumer education', 'Sensibilisation des consommateurs'),
];

/** Minutes written for every past demo meeting, from its agenda. */
export function demoMinutes(m: DemoMeeting, attended: number): { en: string; fr: string } {
  const en = [`## Present`, ``, `${attended} participants (see the attendance by stakeholder group).`, ``, `## Discussion`, ``, ...m.agenda.map(([t]) => `- **${t}**: discussed; points of agreement recorded in the working draft.`), ``, `## Decisions`, ``, `- The chairs will circulate revised text before the next meeting.`].join('\n');
  const fr = [`## Présents`, ``, `${attended} participants (voir la présence par groupe d’intervenants).`, ``, `## Discussion`, ``, ...m.agenda.map(([, t]) => `- **${t}** : discuté ; les points d’accord sont consignés dans l’ébauche de travail.`), ``, `## Décisions`, ``, `- La présidence fera circuler un texte révisé avant la prochaine réunion.`].join('\n');
  return { en, fr };
}

/** The live process's next meeting, ten days after the demo is loaded (Toronto time), open to registration. */
export const LIVE_MEETING = {
  inDays: 10,
  start: '13:00',
  end: '15:00',
  titleEn: 'Public consultation meeting: the security label',
  titleFr: 'Réunion de consultation publique : l’étiquette de sécurité',
  agenda: [
    ['Welcome and purpose of the meeting', 'Accueil et objet de la réunion', 'Convener', 10],
    ['The draft guideline, section by section', 'L’ébauche de ligne directrice, section par section', 'Drafting team', 50],
    ['Open discussion: what should the label show?', 'Discussion ouverte : que doit montrer l’étiquette ?', '', 50],
    ['Next steps and the consensus call', 'Prochaines étapes et appel au consensus', 'Convener', 10],
  ] as [string, string, string, number][],
} as const;
