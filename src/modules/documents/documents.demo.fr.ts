/**
 * Le rapport du processus modèle, en français : même structure et mêmes clés que le texte
 * anglais (documents.demo.en.ts). Les espaces avant : ; ? ! et à l'intérieur des « » sont écrites
 * ici comme des espaces ordinaires ; frenchTypography() (platform/demo/kit.ts) les rend
 * insécables au moment de produire le Markdown, pour que la source reste lisible.
 */
export const REPORT_FR: Record<string, string> = {
  title: '# Améliorer la sécurité de l’Internet des objets : rapport provisoire sur les résultats',
  'title~3': '# Améliorer la sécurité de l’Internet des objets : rapport sur les résultats',
  status:
    '*Version provisoire soumise à la consultation publique, 20 février 2019.* Vos commentaires sont les bienvenus du 25 février au 5 avril 2019. Chaque commentaire recevra une réponse écrite dans le rapport sur le traitement des commentaires, publié avec le texte final.',
  'status~2':
    '*Version provisoire révisée, 30 avril 2019.* Cette version tient compte des commentaires reçus du 25 février au 5 avril 2019 ; le rapport sur le traitement des commentaires explique chaque modification.',
  'status~3':
    '*Rapport final, 10 juin 2019*, adopté par le comité de surveillance après la réunion finale à Ottawa. Le rapport sur le traitement des commentaires présente la réponse donnée à chaque commentaire du public.',

  'h-1': '## 1 Introduction',
  'p-1-1':
    'Les appareils connectés ne sont plus des nouveautés : ils font désormais partie de l’infrastructure. Thermostats, serrures, moniteurs pour bébés, téléviseurs et routeurs domestiques se trouvent aujourd’hui sur les mêmes réseaux que les ordinateurs et les téléphones qui servent aux opérations bancaires et aux soins de santé. Bon nombre de ces appareils sont livrés avec des réglages par défaut peu sûrs, reçoivent peu ou pas de mises à jour de sécurité et ne permettent pas aux acheteurs de savoir pendant combien de temps ils seront pris en charge. Une fois compromis, ils sont enrôlés dans des attaques qui ralentissent ou interrompent des services bien au-delà du domicile où ils sont installés.',
  'p-1-1~3':
    'Les appareils connectés ne sont plus des nouveautés : ils font désormais partie de l’infrastructure. Thermostats, serrures, moniteurs pour bébés, téléviseurs et routeurs domestiques partagent aujourd’hui le réseau des ordinateurs et des téléphones qui servent aux opérations bancaires et aux soins de santé. Bon nombre de ces appareils sont livrés avec des réglages par défaut peu sûrs, reçoivent peu ou pas de mises à jour de sécurité et ne permettent pas aux acheteurs de savoir pendant combien de temps ils seront pris en charge. Une fois compromis, ils sont enrôlés dans des attaques qui perturbent des services bien au-delà du domicile où ils sont installés.',
  'p-1-2':
    'En juin 2018, le gouvernement, la société civile, la communauté technique, le milieu universitaire et l’industrie se sont réunis dans un processus multipartite ouvert pour s’entendre sur ce qu’est une bonne sécurité pour ces appareils. Trois groupes de travail — résilience des réseaux, étiquetage des appareils et sensibilisation des consommateurs — se sont réunis toutes les deux semaines d’octobre 2018 à janvier 2019. Le présent rapport rassemble les points sur lesquels ils se sont entendus.',
  'p-1-3':
    'Le rapport porte sur les appareils grand public vendus au Canada : les produits achetés par les ménages et les petites entreprises et reliés à Internet directement ou par un réseau domestique. Il ne traite ni des systèmes de contrôle industriels, ni des instruments médicaux, ni des véhicules, qui relèvent de leurs propres organismes de réglementation et de leurs propres normes.',
  'p-1-4':
    'Les repères de la section 3 décrivent les pratiques qu’un appareil sûr et son fabricant devraient respecter ; ils n’ont pas force de loi. Les recommandations de la section 4 précisent qui devrait agir pour que ces pratiques deviennent la norme. Le conditionnel « devrait » marque un repère ou une recommandation ; « peut » marque une pratique jugée utile, sans qu’on ait convenu de l’exiger de tous.',

  'h-2': '## 2 Définitions',
  'p-2-0': 'Dans le présent rapport :',
  'li-2-1':
    '- **Appareil connecté** (ou objet connecté) : produit physique qui exécute un logiciel et échange des données sur un réseau, à l’exclusion des ordinateurs, des tablettes et des téléphones polyvalents.',
  'li-2-2': '- **Fabricant** : organisation qui met un appareil connecté sur le marché sous son nom ou sa marque, qu’elle le fabrique elle-même ou non.',
  'li-2-3': '- **Mise à jour de sécurité** : modification du logiciel d’un appareil qui corrige une vulnérabilité, fournie par le fabricant ou en son nom.',
  'li-2-4': '- **Période de soutien** : période pendant laquelle le fabricant s’engage à fournir des mises à jour de sécurité pour un appareil.',
  'li-2-4~2':
    '- **Période de soutien** : période pendant laquelle le fabricant s’engage à fournir des mises à jour de sécurité pour un appareil, exprimée par une date de fin plutôt que par une durée.',
  'li-2-5':
    '- **Identifiant unique** : mot de passe, clé ou certificat propre à chaque appareil, qu’on ne peut déduire d’aucune information publique comme un numéro de série ou une adresse réseau.',
  'li-2-6':
    '- **Politique de divulgation des vulnérabilités** : énoncé public indiquant comment quiconque peut signaler une faille de sécurité à un fabricant, ce que celui-ci fera du signalement et dans quels délais.',

  'h-3': '## 3 Repères pour tout le cycle de vie d’un appareil',
  'p-3-0':
    'La sécurité n’est pas une fonction qu’on ajoute à la fin. Elle dépend de décisions prises à chaque étape de la vie d’un appareil : sa conception, sa fabrication, ses communications et son utilisation, puis la fin de son soutien. Le tableau résume les repères ; les sous-sections les expliquent.',
  'table-3': `| Étape | Repère | Qui agit |
| --- | --- | --- |
| Conception | Aucun mot de passe par défaut universel ; une politique de divulgation des vulnérabilités publiée | Fabricant |
| Fabrication | Identifiants uniques installés sur chaque appareil ; démarrage vérifié | Fabricant, fournisseurs |
| Communications | Connexions chiffrées ; trafic attendu déclaré | Fabricant, exploitants de réseaux |
| Gestion | Mises à jour de sécurité automatiques ; période de soutien indiquée à la vente | Fabricant, détaillants |
| Fin de vie | Une réinitialisation qui efface les données personnelles ; un préavis avant la fin du soutien | Fabricant, propriétaire |`,
  'table-3~2': `| Étape | Repère | Qui agit |
| --- | --- | --- |
| Conception | Aucun mot de passe par défaut universel, pour aucun compte | Fabricant |
| Fabrication | Identifiants uniques installés sur chaque appareil ; démarrage vérifié | Fabricant, fournisseurs |
| Communications | Connexions chiffrées ; trafic attendu déclaré | Fabricant, exploitants de réseaux |
| Gestion | Mises à jour de sécurité automatiques ; date de fin du soutien indiquée à la vente ; une politique de divulgation des vulnérabilités publiée | Fabricant, détaillants |
| Fin de vie | Un préavis de six mois avant la fin du soutien ; une réinitialisation qui efface les données personnelles | Fabricant, propriétaire |`,

  'h-3-1': '### 3.1 Conception',
  'p-3-1-1':
    'Les fabricants devraient concevoir leurs appareils en tenant compte des menaces : qui pourrait attaquer l’appareil, par quelles interfaces, et quel tort en découlerait. La conception devrait désactiver les services dont l’appareil n’a pas besoin et garder le logiciel assez simple pour qu’on puisse l’examiner et le mettre à jour.',
  'p-3-1-2':
    'Aucun appareil ne devrait être livré avec un mot de passe par défaut universel. Chaque appareil devrait avoir un identifiant unique, ou le propriétaire devrait être tenu d’en choisir un avant que l’appareil se connecte à Internet.',
  'p-3-1-2~2':
    'Aucun appareil ne devrait être livré avec un mot de passe par défaut universel. Chaque appareil devrait avoir un identifiant unique, ou le propriétaire devrait être tenu d’en choisir un avant que l’appareil se connecte à Internet. Cette règle vaut pour tous les comptes de l’appareil, y compris les comptes d’entretien et de débogage, et non seulement pour celui que voit le propriétaire.',
  'p-3-1-3':
    'Les appareils ne devraient recueillir que les données personnelles nécessaires à leur fonctionnement, dire clairement ce qu’ils recueillent et où ces données sont envoyées, et permettre au propriétaire de désactiver toute collecte non essentielle.',
  'p-3-1-4':
    'Chaque fabricant devrait publier une politique de divulgation des vulnérabilités comprenant une adresse de contact qui fonctionne, l’engagement de ne pas poursuivre les personnes qui signalent une faille de bonne foi et un délai cible pour corriger ce qui est signalé.',

  'h-3-2': '### 3.2 Fabrication et chaîne d’approvisionnement',
  'p-3-2-1':
    'Les appareils ne devraient démarrer que des logiciels signés par le fabricant (démarrage vérifié), de sorte qu’une mise à jour compromise ou un appareil trafiqué ne puisse exécuter du code que le fabricant n’a pas approuvé.',
  'p-3-2-2':
    'Les identifiants uniques devraient être générés et installés sur chaque appareil à l’usine, d’une manière qui les garde secrets tout au long de la chaîne d’approvisionnement et n’en laisse aucune copie là où le fabricant ne peut pas la protéger.',
  'p-3-2-3':
    'Les fabricants devraient tenir une nomenclature logicielle pour chaque appareil — la liste des composants logiciels qu’il contient, avec leurs versions — afin de savoir sans délai lesquels de leurs produits sont touchés lorsqu’une faille est découverte dans un composant courant.',

  'h-3-3': '### 3.3 Communications et réseau',
  'p-3-3-1':
    'Les appareils devraient chiffrer leurs connexions au moyen de protocoles actuels et éprouvés, vérifier l’identité des serveurs avec lesquels ils communiquent et ne laisser ouvert aucun port réseau dont leur fonction n’a pas besoin.',
  'p-3-3-2':
    'Les appareils devraient déclarer le trafic qu’ils sont censés envoyer et recevoir, par exemple au moyen d’une description d’usage du fabricant (MUD, RFC 8520), afin que les réseaux domestiques et d’entreprise puissent repérer et bloquer ce qui s’en écarte.',
  'p-3-3-3':
    'Un appareil devrait continuer de remplir sa fonction essentielle — une serrure doit verrouiller, un thermostat doit chauffer — lorsque la connexion Internet ou le service infonuagique du fabricant n’est pas disponible.',

  'h-3-4': '### 3.4 Gestion, mises à jour et fin de vie',
  'p-3-4-1':
    'Les mises à jour de sécurité devraient s’installer automatiquement par défaut, être signées par le fabricant et vérifiées par l’appareil avant d’être appliquées. Une mise à jour ne devrait pas retirer des fonctions que le propriétaire a payées.',
  'p-3-4-1~2':
    'Les mises à jour de sécurité devraient s’installer automatiquement par défaut, être signées par le fabricant et vérifiées par l’appareil avant d’être appliquées. Le propriétaire peut reporter une mise à jour pour une courte période, par exemple pour éviter un redémarrage pendant qu’il se sert de l’appareil, mais ne devrait pas pouvoir désactiver les mises à jour sans un avertissement clair. Une mise à jour ne devrait pas retirer des fonctions que le propriétaire a payées.',
  'p-3-4-2':
    'La période de soutien devrait être indiquée avant l’achat — sur l’emballage, dans la fiche du détaillant et sur le site du fabricant — et ne devrait pas être raccourcie une fois l’appareil vendu.',
  'p-3-4-3':
    'À la fin du soutien, le fabricant devrait l’annoncer à l’avance, et le propriétaire devrait pouvoir réinitialiser l’appareil afin qu’il ne contienne plus aucune donnée personnelle ni aucun lien avec ses comptes.',
  'p-3-4-3~2':
    'Le fabricant devrait annoncer la fin du soutien au moins six mois à l’avance. Comme les appareils sont aussi revendus, donnés et loués, le propriétaire devrait pouvoir, à la fin du soutien comme à chaque changement de mains, réinitialiser l’appareil afin qu’il ne contienne plus aucune donnée personnelle ni aucun lien avec les comptes de l’ancien propriétaire ; le nouveau propriétaire devrait pouvoir savoir pendant combien de temps l’appareil sera encore pris en charge.',
  'p-3-4-4':
    'Les appareils sont revendus, donnés et loués. La réinitialisation devrait permettre de les céder proprement à un nouveau propriétaire, qui devrait pouvoir savoir pendant combien de temps ils seront encore pris en charge.',

  'h-4': '## 4 Recommandations',
  'p-4-0':
    'Les repères n’auront d’effet que si les acheteurs peuvent les voir et si les réseaux tiennent le coup lorsqu’ils ne sont pas respectés. Le processus formule les recommandations suivantes.',
  'h-4-1': '### 4.1 Résilience des réseaux',
  'p-4-1-1':
    'Les fournisseurs de services Internet devraient aviser leurs clients lorsqu’un appareil de leur réseau participe à une attaque, et leur expliquer en langage clair comment le corriger ou le débrancher.',
  'p-4-1-1~2':
    'Les fournisseurs de services Internet devraient aviser leurs clients lorsqu’un appareil de leur réseau participe à une attaque, et leur expliquer en langage clair comment le corriger ou le débrancher. Ces avis devraient s’appuyer sur les données de trafic déjà recueillies pour exploiter le réseau, sans jamais mener à l’inspection du contenu des communications des clients.',
  'p-4-1-2':
    'Les routeurs domestiques vendus ou fournis par les fournisseurs de services devraient permettre de séparer les appareils connectés des ordinateurs et des téléphones, et utiliser les descriptions de trafic de la section 3.3 pour limiter ce que chaque appareil peut joindre.',
  'h-4-2': '### 4.2 Étiquetage',
  'p-4-2-1':
    'Une étiquette de sécurité volontaire devrait être élaborée pour les appareils grand public ; elle indiquerait la période de soutien, si l’appareil a des identifiants uniques et comment signaler une faille. Les fabricants qui l’affichent devraient respecter les repères de la section 3.',
  'p-4-2-1~2':
    'Une étiquette de sécurité volontaire, en français et en anglais, devrait être élaborée pour les appareils grand public ; elle indiquerait la date de fin de la période de soutien, si l’appareil a des identifiants uniques et comment signaler une faille. Les fabricants qui l’affichent devraient respecter les repères de la section 3.',
  'p-4-2-1~3':
    'Une étiquette de sécurité, en français et en anglais, devrait être élaborée pour les appareils grand public ; elle indiquerait la date de fin de la période de soutien, si l’appareil a des identifiants uniques et comment signaler une faille. L’étiquette serait d’abord volontaire ; si, deux ans après son lancement, moins de la moitié des appareils vendus la portent, les gouvernements devraient rendre obligatoire l’étiquette ou une divulgation équivalente. Les fabricants qui l’affichent devraient respecter les repères de la section 3.',
  'p-4-2-2':
    'Chaque étiquette devrait porter un lien court ou un code QR menant à un registre public où l’on peut vérifier ses affirmations et où une période de soutien échue est clairement signalée.',
  'h-4-3': '### 4.3 Sensibilisation des consommateurs',
  'p-4-3-1':
    'Un guide en langage clair, en français et en anglais, devrait expliquer comment choisir un appareil, le configurer de façon sécuritaire, le tenir à jour et s’en départir.',
  'p-4-3-2':
    'Les détaillants devraient former leur personnel pour qu’il puisse expliquer l’étiquette et la période de soutien au point de vente, et afficher la période de soutien dans leurs fiches de produits en ligne.',
  'p-4-3-3':
    'Les activités de sensibilisation devraient joindre les personnes souvent laissées pour compte : les aînés, les nouveaux arrivants, les habitants des collectivités rurales et nordiques mal desservies, et les jeunes qui installent les appareils pour leur famille.',
  'p-4-3-4':
    'Le guide et l’étiquette devraient être offerts en formats accessibles — gros caractères, pages Web compatibles avec les lecteurs d’écran, version audio et résumés en langage clair — et mis à l’essai auprès des personnes qui s’en serviront.',
  'h-4-4': '### 4.4 Marchés publics',
  'p-4-4-1':
    'Les gouvernements et les organismes publics devraient exiger le respect des repères de la section 3 lorsqu’ils achètent des appareils connectés, et rendre cette exigence publique afin que les fabricants voient qu’il existe un marché pour des produits sûrs.',

  'h-5': '## 5 Prochaines étapes',
  'p-5-1':
    'La présente version provisoire est soumise à la consultation publique jusqu’au 5 avril 2019. Les groupes de travail examineront chaque commentaire, et la réunion finale, à Ottawa en avril 2019, tranchera les questions qui restent.',
  'p-5-1~2':
    'Les groupes de travail ont examiné chaque commentaire reçu du 25 février au 5 avril 2019 ; le rapport sur le traitement des commentaires donne la réponse à chacun. La réunion finale, tenue à Ottawa le 18 avril 2019, a tranché les questions qui restaient.',
  'p-5-1~3':
    'Les groupes de travail ont examiné chaque commentaire reçu du 25 février au 5 avril 2019 ; le rapport sur le traitement des commentaires donne la réponse à chacun. La réunion finale, tenue à Ottawa le 18 avril 2019, a tranché les questions qui restaient, et le comité de surveillance a adopté le présent rapport le 10 juin 2019.',
  'p-5-2':
    'Un comité d’action formé de représentants de tous les groupes d’intervenants assurera le suivi des recommandations, rendra compte des progrès deux fois par année et lancera les projets d’étiquette et de guide.',
  'p-5-3': 'Les repères devraient être révisés deux ans après leur publication, pour tenir compte des nouvelles menaces et des normes adoptées entre-temps.',
  'p-5-3~2':
    'Les repères devraient être révisés deux ans après leur publication, pour tenir compte des nouvelles menaces et des normes adoptées entre-temps. La révision devrait réexaminer la question des nomenclatures logicielles, que plusieurs commentaires ont demandé de reporter jusqu’à ce que les outils et les pratiques aient mûri.',
};

/** Le slug du document et les messages de ses versions, en français. */
export const REPORT_META_FR = {
  slug: 'rapport-provisoire',
  messages: {
    1: 'Version provisoire soumise à la consultation publique, telle qu’approuvée par les groupes de travail à la troisième séance plénière.',
    2: 'Révisée à la suite de la consultation publique : la période de soutien s’exprime par une date de fin (§ 2) ; le repère sur les mots de passe par défaut vise tous les comptes (§ 3.1) ; la nomenclature logicielle passe d’un repère (§ 3.2) à la révision dans deux ans (§ 5) ; la politique de divulgation passe à la gestion (§ 3.4) ; fin du soutien et revente réunies, avec un préavis de six mois (§ 3.4) ; report possible des mises à jour (§ 3.4) ; une garantie de confidentialité pour les avis des fournisseurs (§ 4.1) ; une étiquette bilingue indiquant une date de fin (§ 4.2) ; un nouveau paragraphe sur les formats accessibles (§ 4.3).',
    3: 'Texte final adopté par le comité de surveillance : l’étiquette devient obligatoire si moins de la moitié des appareils vendus la portent après deux ans (§ 4.2) ; mise à jour de l’état du document, de l’introduction et des prochaines étapes.',
  },
} as const;
