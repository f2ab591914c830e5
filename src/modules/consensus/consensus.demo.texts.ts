/**
 * The consensus call on the final report: its question and the one objection, answered. The
 * chair's texts (the rationale and the answer) are written in English and translated into French
 * (ordinary spaces: the seeder applies French spacing).
 */
export const CONSENSUS = {
  opened: '2019-05-01T09:00:00-04:00',
  deadline: '2019-05-31T17:00:00-04:00',
  decided: '2019-06-03T11:00:00-04:00',
  questionEn: 'Can you support version 2 of the outcomes report, with its twelve recommendations, as the process’s final report?',
  questionFr: 'Pouvez-vous appuyer la version 2 du rapport sur les résultats, avec ses douze recommandations, comme rapport final du processus\u00a0?',
  optionEn: 'Version 2 as written',
  optionFr: 'La version 2 telle que rédigée',
  objection:
    'Recommendation 4.2.2 would make the label mandatory on a fixed date, whatever the reasons for a slow uptake. A voluntary label should be given time to work.',
  answer:
    'The two-year trigger only applies if fewer than half of the devices sold carry the label; the action committee will report uptake twice a year, and any mandatory scheme would still be designed by governments with a public consultation.',
  answerFr:
    'La clause des deux ans ne s’applique que si moins de la moitié des appareils vendus portent l’étiquette ; le comité d’action fera état de l’adoption de l’étiquette deux fois par an, et tout régime obligatoire serait de toute façon conçu par les gouvernements, après une consultation publique.',
  rationaleEn:
    'Members of all six stakeholder groups support the report or can live with it. One objection, from the private sector, on recommendation 4.2.2, was answered; it does not show that the recommendation cannot work. Rough consensus.',
  rationaleFr:
    'Des membres des six groupes d’intervenants appuient le rapport ou peuvent s’en accommoder. Une objection du secteur privé, portant sur la recommandation 4.2.2, a reçu une réponse ; elle ne démontre pas que la recommandation soit irréalisable. Consensus approximatif.',
  changedMind: 'I now support it after the answers given at the final meeting.',
};

/** The live process's consensus call on the draft guideline, in days from the day the demo is loaded. */
export const LIVE_CONSENSUS = {
  openedAfterDays: -3,
  deadlineAfterDays: 14,
  questionEn: 'Can you support sections 2 and 3 of the draft guideline (what the label shows and where) as the basis for the final text?',
  questionFr: 'Pouvez-vous appuyer les sections 2 et 3 de l’ébauche (ce que montre l’étiquette et où) comme base du texte final ?',
  optionEn: 'Sections 2 and 3 as drafted',
  optionFr: 'Les sections 2 et 3 telles que rédigées',
} as const;
