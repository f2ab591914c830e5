/** The call for input the model process ran, and the three reports it accepted. */
export const DEMO_CALL = {
  titleEn: 'Input reports for the outcomes report',
  titleFr: 'Rapports de contribution au rapport final',
  descriptionEn: 'Groups and communities outside the working groups are invited to send input reports. Accepted reports are published here and considered by the working groups.',
  descriptionFr: 'Les groupes et les collectivités qui ne font pas partie des groupes de travail sont invités à soumettre des rapports de contribution. Les rapports acceptés sont publiés ici et examinés par les groupes de travail.',
  opensAt: '2018-11-01T05:00:00Z',
  closesAt: '2019-02-15T04:59:59Z',
  reports: [
    {
      title: 'Youth report: growing up with connected devices',
      lang: 'en' as const,
      organisation: 'Youth Digital Rights Network (fictional)',
      at: '2019-01-20T18:00:00Z',
      text: '# Youth report\n\nWe asked 300 young people how they set up connected devices. Most never change a default password; few know a device can stop receiving updates.\n\n## Recommendations\n\n1. Labels that say how long updates last.\n2. Setup that forces a new password.\n3. Lessons in schools.',
    },
    {
      title: 'Consultation en français : la sécurité des objets connectés au quotidien',
      lang: 'fr' as const,
      organisation: 'Union des consommateurs numériques (fictive)',
      at: '2019-01-28T15:00:00Z',
      text: '# Consultation en français\n\nQuatre ateliers tenus au Québec et au Nouveau-Brunswick.\n\n## Ce que nous avons entendu\n\n- Les guides d’installation sont souvent en anglais seulement.\n- Les gens veulent savoir où vont leurs données.\n\n## Recommandations\n\n1. Toute l’information de sécurité en français.\n2. Une étiquette simple et bilingue.',
    },
    {
      title: 'Indigenous connectivity summit: security where networks are few',
      lang: 'en' as const,
      organisation: 'Northern Connectivity Circle (fictional)',
      at: '2019-02-05T17:00:00Z',
      text: '# Indigenous connectivity summit input\n\nCommunities with one satellite link cannot afford a compromised device using the bandwidth.\n\n## Recommendations\n\n1. Devices that work safely offline.\n2. Guidance written with communities, in their languages.\n3. Network operators notify communities of compromised devices.',
    },
  ],
};
