import type { PhraseBank } from './types';

export const FR: PhraseBank = {
  language: 'fr',
  products: {
    coffee: { name: 'café', pest: 'rouille orangée' },
    quinoa: { name: 'quinoa', pest: 'mildiou' },
    cocoa: { name: 'cacao', pest: 'moniliose' },
    honey: { name: 'miel', pest: 'varroa' },
    bananas: { name: 'bananes', pest: 'cercosporiose noire' },
    flowers: { name: 'fleurs', pest: 'thrips' },
  },
  months: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  greeting: (name) => `Bonjour ${name},`,
  signature: (name) => `Cordialement,\n${name}`,
  topics: {
    'standards-compliance': [
      {
        subject: "Préparation de l'audit de certification de {month}",
        description:
          "L'audit de certification est prévu en {month}. Nous sommes inquiets pour les registres de traçabilité entre la collecte et l'usine, surtout à {place}. Pouvez-vous revoir avec nous la liste de contrôle du Standard avant la visite ?",
        reply:
          "Merci d'écrire à l'avance. Revoyons ensemble la liste de contrôle : je vous propose un appel jeudi pour passer en revue la traçabilité et le registre des livraisons par membre.",
        ask: "Pour préparer l'appel, pouvez-vous nous envoyer le dernier rapport d'audit interne et le registre de collecte de {place} des trois derniers mois ?",
        answer:
          "Voici le rapport d'audit interne et le registre de collecte. Il manque les bons de deux membres qui sont encore aux champs ; nous les enverrons cette semaine.",
        followUp:
          "J'ai revu les registres : le circuit du {product} est bien documenté, mais il manque des signatures de réception sur quelques bons. Une fois corrigé, le point de traçabilité devrait être conforme.",
        resolution:
          "Les points de contrôle pour l'audit sont prêts : traçabilité, registres par membre et plan d'amélioration du dernier audit. Je vous laisse un guide résumé de ce que l'auditeur demande d'habitude. Bonne visite !",
        memberFile: 'rapport-audit-interne.pdf',
        staffFile: 'guide-preparation-audit.pdf',
      },
      {
        subject: 'Non-conformité à {place} : un herbicide de la liste des matières dangereuses',
        description:
          "Lors du dernier audit, on nous a signalé une non-conformité parce que certains membres de {place} utilisent encore un herbicide de la liste rouge. Nous avons 60 jours pour présenter le plan d'actions correctives et nous ne savons pas quelles alternatives proposer.",
        reply:
          "Je comprends l'urgence du délai. La non-conformité se lève avec un plan qui montre le retrait du produit, la formation des membres et des alternatives de désherbage ; je vous partage un modèle utilisé par d'autres coopératives.",
        ask: 'Pouvez-vous confirmer combien de membres sont concernés et quel produit exactement ils utilisent ? Nous adapterons le plan à votre cas.',
        answer:
          "Il s'agit de 21 membres de {place}, qui utilisent du paraquat pour nettoyer les allées. Le conseil d'administration est d'accord pour le retirer.",
        followUp:
          'Avec ces données le plan est faisable : désherbage manuel ou à la débroussailleuse, couverture végétale et une journée de formation. Je suggère d’acheter deux débroussailleuses avec la prime.',
        resolution:
          "Le plan d'actions correctives est complet : retrait du paraquat, formation au désherbage et suivi par membre. Vous pouvez l'envoyer à l'organisme de certification dans les délais.",
        memberFile: 'proces-verbal-conseil.pdf',
        staffFile: 'plan-actions-correctives.pdf',
      },
    ],
    'market-access': [
      {
        subject: 'Recherche d’acheteurs pour la prochaine récolte de {product}',
        description:
          "Nous attendons une récolte plus importante que l'an dernier et nos acheteurs actuels ne peuvent pas prendre tout le volume aux conditions du commerce équitable. Pouvez-vous nous aider à contacter des importateurs intéressés par le {product} ?",
        reply:
          "Avec plaisir. Nous avons une liste d'importateurs qui cherchent du {product} certifié en ce moment ; avant de leur présenter la coopérative, j'ai besoin de quelques informations.",
        ask: "Pouvez-vous nous envoyer la fiche de l'organisation avec les volumes disponibles, les qualités, les certifications et le prix du dernier contrat ?",
        answer:
          'Voici la fiche avec les volumes, le profil de qualité et les certifications. Le dernier contrat a été conclu au prix minimum équitable plus le différentiel biologique.',
        followUp:
          "J'ai partagé votre fiche avec trois importateurs en Europe et un aux États-Unis ; deux ont demandé des échantillons. Je vous transmets leurs contacts pour organiser l'envoi.",
        resolution:
          'Vous êtes en contact direct avec les deux importateurs intéressés, et je vous ai laissé une note sur la négociation du prix minimum, de la prime et du préfinancement dans le contrat. Tenez-nous au courant pour les échantillons.',
        memberFile: 'fiche-organisation.pdf',
        staffFile: 'importateurs-interesses.pdf',
      },
      {
        subject: 'Préfinancement du contrat de {product} de cette campagne',
        description:
          "L'acheteur nous propose un contrat pour cette campagne, mais nous avons besoin d'une avance pour payer la collecte aux membres. Que dit le Standard sur le préfinancement et comment le demander ?",
        reply:
          "Le Standard pour les négociants oblige l'acheteur à proposer jusqu'à 60 % de la valeur du contrat en préfinancement si l'organisation le demande. Regardons le contrat pour voir comment le demander.",
        ask: "Pouvez-vous m'envoyer le projet de contrat et le calendrier de livraisons que propose l'acheteur ?",
        answer:
          "Voici le projet. Les livraisons se feraient en trois lots et le premier paiement n'arriverait que 45 jours après l'embarquement.",
        followUp:
          'Le projet ne mentionne ni le préfinancement ni la prime. Je propose une clause pour demander 60 % à la signature et le paiement de la prime à part ; elle est dans le document joint.',
        resolution:
          "L'acheteur a accepté le préfinancement de 60 % et le paiement de la prime sur facture séparée. Nous considérons la question réglée ; s'il y a un souci avec les livraisons, écrivez-nous dans cette même demande.",
        memberFile: 'projet-contrat.pdf',
        staffFile: 'clauses-prefinancement.pdf',
      },
    ],
    'sustainable-production': [
      {
        subject: 'Progression de la {pest} à {place}',
        description:
          'Depuis un mois, la {pest} progresse fortement à {place}. Certains membres parlent de perdre un tiers de la récolte. Nous demandons un appui technique pour un plan de lutte.',
        reply:
          "Je suis désolé de la situation. Face à une telle progression, il faut agir vite avec un plan de lutte intégrée : prévention, fertilisation et contrôle biologique là où c'est possible. Organisons la visite d'un technicien.",
        ask: 'Pouvez-vous nous envoyer des photos des dégâts et le nombre de membres touchés à {place} ?',
        answer:
          'Voici les photos. Il y a 44 membres touchés à {place} ; dans les parcelles les plus hautes, les dégâts sont moindres.',
        followUp:
          'Le technicien a vu les photos et confirme le diagnostic. Il propose un plan en deux étapes et une journée de terrain avec les agents de vulgarisation.',
        resolution:
          'Le plan de lutte contre la {pest} est convenu : journée de terrain, mesures par étapes financées en partie par la prime et suivi dans trois mois. Vous trouverez le guide technique en pièce jointe.',
        memberFile: 'photos-degats-parcelles.png',
        staffFile: 'guide-lutte-integree.pdf',
      },
      {
        subject: "Plan d'utilisation de la Prime du commerce équitable pour l'assemblée de {month}",
        description:
          "L'assemblée générale se réunit en {month} pour approuver le plan d'utilisation de la prime. Le conseil veut proposer le renouvellement des plantations et un fonds de crédit, mais nous ne savons pas si cela respecte le Standard.",
        reply:
          "C'est le bon moment pour le revoir. Le Standard demande que le plan repose sur une évaluation des besoins, qu'il soit approuvé par l'assemblée et que son exécution fasse l'objet d'un compte rendu. Les deux projets sont éligibles.",
        ask: "Pouvez-vous nous transmettre le projet de plan avec le budget par projet et le rapport d'utilisation de la prime de l'an dernier ?",
        answer:
          "Voici le projet et le rapport de l'an dernier. Nous proposons 40 % de la prime pour le renouvellement, 35 % pour le fonds de crédit et le reste pour les frais de certification.",
        followUp:
          "Le projet est bon. Je vous suggère d'ajouter des indicateurs simples pour chaque projet (hectares renouvelés, membres ayant reçu un crédit) pour le rapport de l'an prochain.",
        resolution:
          "Le plan d'utilisation de la prime est prêt pour l'assemblée, avec le budget, les indicateurs et un modèle de procès-verbal pour le vote. Bonne assemblée !",
        memberFile: 'prime-par-projet.png',
        staffFile: 'modele-proces-verbal.pdf',
      },
    ],
    'climate-resilience': [
      {
        weather: 'storm',
        subject: 'Dégâts après la tempête à {place}',
        description:
          "La tempête de la semaine dernière a abattu des arbres d'ombrage, coupé la route et endommagé le centre de collecte de {place}. Nous avons besoin de conseils pour demander une aide d'urgence et réorganiser la collecte.",
        reply:
          "Nous sommes vraiment désolés pour ces dégâts. Nous activons le protocole d'urgence : d'abord le relevé des dégâts, puis la demande au fonds d'urgence et le contact avec vos acheteurs.",
        ask: 'Pouvez-vous nous envoyer le relevé des dégâts avec des photos et la liste des familles touchées ?',
        answer:
          'Voici les photos et la liste : 26 familles touchées, le toit du centre de collecte endommagé et la route principale coupée pendant trois jours.',
        followUp:
          "Le fonds d'urgence a approuvé une première aide pour le toit. J'ai aussi prévenu vos acheteurs que les expéditions pourraient avoir deux semaines de retard.",
        resolution:
          "L'aide d'urgence pour réparer le centre de collecte est approuvée et les acheteurs ont accepté le nouveau calendrier de livraisons. Pour la prochaine saison cyclonique, je vous laisse un plan de contingence.",
        memberFile: 'photos-degats-tempete.png',
        staffFile: 'plan-contingence-cyclones.pdf',
      },
      {
        weather: 'dry',
        subject: 'Sécheresse prolongée à {place}',
        description:
          "Cela fait six semaines qu'il ne pleut pas à {place} et les membres s'inquiètent pour la floraison. Existe-t-il un appui pour l'irrigation ou la récupération d'eau de pluie ?",
        reply:
          "Merci de nous prévenir. Il y a deux pistes : des mesures immédiates (paillage, petites retenues d'eau) et un projet d'adaptation à présenter à un fonds climatique. Commençons par le diagnostic.",
        ask: "Pouvez-vous remplir la fiche de diagnostic climatique avec les sources d'eau, les zones les plus exposées et les pertes de la dernière campagne ?",
        answer:
          "Voici la fiche de diagnostic. Les zones les plus exposées sont dans le bas de {place}, sans source d'eau à proximité.",
        followUp:
          "À partir du diagnostic, j'ai préparé une proposition de citernes familiales et de couverture du sol. Un appel du fonds de résilience est ouvert jusqu'au mois prochain.",
        resolution:
          "La proposition d'adaptation a été déposée au fonds de résilience climatique, avec le diagnostic et le budget. En attendant, voici les recommandations pour la saison sèche.",
        memberFile: 'diagnostic-climatique.pdf',
        staffFile: 'recommandations-saison-seche.pdf',
      },
    ],
    'human-rights': [
      {
        subject: 'Évaluation des risques de travail des enfants pendant la récolte à {place}',
        description:
          "Pendant la récolte, beaucoup de familles de {place} emmènent leurs enfants aux champs. Nous voulons faire l'évaluation des risques en matière de droits humains que demande le Standard, mais nous ne savons pas par où commencer.",
        reply:
          "C'est une démarche très importante. L'évaluation commence par identifier où se trouvent les risques (tâches, périodes, communautés) et se fait avec la participation des jeunes et des familles. Nous vous accompagnons.",
        ask: 'Pouvez-vous nous dire combien de familles participent à la récolte et si vous avez déjà un comité ou une personne responsable ?',
        answer:
          "Il y a environ 280 familles. Nous n'avons pas encore de comité ; la secrétaire du conseil s'est proposée pour coordonner.",
        followUp:
          "Je vous propose de former un comité de quatre personnes et d'organiser un premier atelier avec les familles. Je vous partage l'outil d'évaluation et l'exemple d'une autre coopérative.",
        resolution:
          "Le comité est formé et vous avez l'outil d'évaluation et le calendrier des ateliers. Nous reverrons ensemble les résultats de la première cartographie des risques.",
        memberFile: 'liste-familles-recolte.pdf',
        staffFile: 'outil-evaluation-risques.pdf',
      },
    ],
    'social-inclusion': [
      {
        subject: "Plus de jeunes et de femmes au conseil d'administration : assemblée de {month}",
        description:
          "À l'assemblée de {month}, nous élisons le conseil et nous voulons plus de jeunes et de femmes. Avez-vous des expériences d'autres organisations ou un règlement type ?",
        reply:
          'Excellente initiative ! Plusieurs organisations du réseau ont modifié leurs statuts pour réserver des sièges ou ont créé des comités de jeunes et de femmes représentés au conseil. Je vous présente les options.',
        ask: 'Pouvez-vous nous envoyer les statuts en vigueur, pour voir ce qui peut changer sans assemblée extraordinaire ?',
        answer:
          "Voici les statuts. Aujourd'hui, sur neuf membres du conseil, une seule est une femme et aucun n'a moins de 35 ans.",
        followUp:
          "Les statuts permettent de créer des comités par décision de l'assemblée ordinaire. Je propose un comité des jeunes et un comité des femmes, chacun avec un siège au conseil.",
        resolution:
          "La proposition pour l'assemblée est prête : deux nouveaux comités avec un siège chacun au conseil et une formation au leadership financée par la prime. Voici le règlement type.",
        memberFile: 'statuts-en-vigueur.pdf',
        staffFile: 'reglement-type-comites.pdf',
      },
    ],
    'fair-trade-visibility': [
      {
        subject: "Histoire d'impact de {place} pour la Quinzaine du commerce équitable",
        description:
          'Nous voulons raconter comment nous utilisons la prime à {place} pour la campagne de la Quinzaine du commerce équitable. Quel format vous faut-il et comment envoyer les photos avec les autorisations ?',
        reply:
          "Merci ! Les histoires des organisations sont ce qui intéresse le plus les consommateurs. Il nous faut un texte court, trois ou quatre photos et l'autorisation signée des personnes qui y figurent.",
        ask: 'Pouvez-vous nous envoyer le texte, les photos et les autorisations ? Nous préparerons la publication.',
        answer:
          "Voici l'histoire de la pépinière financée par la prime, les chiffres de l'investissement et les autorisations signées.",
        followUp:
          "L'histoire est très réussie. Nous l'avons un peu raccourcie pour les réseaux sociaux ; voici le brouillon pour votre accord.",
        resolution:
          "L'histoire est publiée dans la campagne de la Quinzaine et partagée avec les acheteurs. Merci beaucoup de montrer ce que fait la prime à {place}.",
        memberFile: 'prime-investie.png',
        staffFile: 'brouillon-histoire.pdf',
      },
    ],
  },
  resumed:
    'Nous reprenons le dossier. Nous revoyons avec vous le point resté en suspens et vous répondons cette semaine.',
  resolvedAgain: 'Le point en suspens est réglé. Si le problème revient, écrivez-nous dans cette même demande.',
  thanks: [
    'Merci beaucoup, nous en parlons au conseil et nous vous confirmons.',
    'Merci pour la réponse rapide. Nous restons en contact.',
    'Parfait, nous ferons ainsi. Merci.',
  ],
  reopen: [
    "La solution n'a pas fonctionné : le problème est revenu.",
    "L'acheteur n'a toujours pas confirmé ; il faut poursuivre.",
    'Un point est resté en suspens.',
  ],
  withdraw: [
    "Nous l'avons réglé directement avec l'acheteur.",
    "Nous allons d'abord en discuter en assemblée.",
    'Envoyée par erreur ; nous la présenterons de nouveau avec plus de détails.',
  ],
  waiting: ['Nous attendons les documents demandés.', 'Nous attendons votre confirmation.'],
  comments: {
    good: [
      'Très bon accompagnement, des réponses rapides et claires.',
      "Le guide nous a beaucoup servi pour l'assemblée. Merci !",
      'Excellent suivi du début à la fin.',
    ],
    fair: [
      "C'est réglé, mais cela a pris plus de temps que prévu.",
      'Les informations étaient utiles, mais une visite sur le terrain nous a manqué.',
    ],
    poor: [
      'Nous avons dû relancer plusieurs fois pour avoir une réponse.',
      'La réponse est arrivée trop tard pour nous.',
    ],
  },
  notes: [
    "J'ai appelé le gérant de la coopérative : il confirme et demande une réponse avant la fin du mois.",
    'Attention : cette organisation a eu un cas semblable il y a deux ans ; voir comment il a été clos.',
    "J'ai consulté l'équipe certification ; l'exigence s'applique comme nous la comprenons.",
  ],
  escalation: [
    "Une décision de la direction régionale est nécessaire pour le fonds d'urgence.",
    "Conflit avec la gérance de l'organisation : il faut l'intervention de la direction.",
  ],
  reassignment: [
    "Répartition de la charge de travail dans l'équipe.",
    "Suivi par la personne qui connaît le mieux l'organisation.",
  ],
  document: { prepared: 'Préparé par', date: 'Date', page: 'Page 1 sur 1' },
};
