/** The consensus call on the final report: its question and the one objection, answered. */
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
  rationaleEn:
    'Members of all six stakeholder groups support the report or can live with it. One objection, from the private sector, on recommendation 4.2.2, was answered; it does not show that the recommendation cannot work. Rough consensus.',
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
