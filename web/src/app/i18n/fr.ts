import type { Dictionary } from './dictionary';

export const fr: Dictionary = {
  'app.name': 'Portail de services',
  'app.network':
    'Réseau des organisations de petits producteurs et de travailleurs du commerce équitable d’Amérique latine et des Caraïbes',
  'app.skipToContent': 'Aller au contenu principal',

  'language.label': 'Langue',

  'login.title': 'Se connecter',
  'login.intro': 'Connectez-vous avec l’adresse e-mail et le mot de passe de votre compte.',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.showPassword': 'Afficher le mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.emailRequired': 'Saisissez votre adresse e-mail.',
  'login.emailInvalid': 'Saisissez une adresse e-mail valide, par exemple nom@cooperative.org.',
  'login.passwordRequired': 'Saisissez votre mot de passe.',
  'login.error.invalidCredentials': 'L’adresse e-mail ou le mot de passe est incorrect.',
  'login.error.tooManyAttempts': 'Trop de tentatives échouées. Attendez quelques minutes et réessayez plus tard.',
  'login.error.tooManyAttemptsMinutes':
    'Trop de tentatives échouées. Réessayez plus tard (dans environ {minutes} min).',
  'login.error.network': 'Impossible de joindre le portail. Vérifiez votre connexion Internet et réessayez.',
  'login.error.server': 'Le portail n’a pas pu répondre pour le moment. Réessayez dans quelques minutes.',
  'login.sessionExpired': 'Votre session est terminée. Reconnectez-vous pour continuer.',
  'login.forgotPassword': 'Mot de passe oublié ?',
  'accounts.title.welcome': 'Bienvenue sur le portail',
  'accounts.title.reset': 'Nouveau mot de passe',

  'shell.mainNavigation': 'Navigation principale',
  'shell.openMenu': 'Menu',
  'shell.signOut': 'Se déconnecter',
  'shell.signedInAs': 'Connecté en tant que',

  'nav.home': 'Accueil',
  'nav.myRequests': 'Demandes de mon organisation',
  'nav.newRequest': 'Nouvelle demande',
  'nav.inbox': 'Boîte de réception',
  'nav.reports': 'Rapports',
  'nav.organizations': 'Organisations',
  'nav.users': 'Utilisateurs',
  'nav.organizationPeople': 'Personnes de mon organisation',

  'home.greeting': 'Bonjour, {name}',
  'home.organization': 'Organisation',
  'home.role': 'Rôle',
  'home.region': 'Région',
  'home.intro.member': 'Ici, vous pouvez demander l’appui du réseau et suivre les demandes de votre organisation.',
  'home.intro.caseWorker': 'Ici, vous traiterez les demandes de service des organisations de votre périmètre.',
  'home.intro.executive': 'Ici, vous pourrez suivre les demandes et les rapports de tout le réseau.',
  'home.intro.admin': 'Ici, vous gérerez les organisations, les utilisateurs et les paramètres du portail.',
  'home.shortcuts': 'Raccourcis',

  'role.member': 'Membre d’une organisation',
  'role.representative': 'Représentant pays',
  'role.specialist': 'Spécialiste thématique',
  'role.director': 'Direction régionale',
  'role.executive': 'Direction exécutive',
  'role.admin': 'Administration du portail',

  'region.CAM': 'Amérique centrale et Mexique',
  'region.CAR': 'Caraïbes',
  'region.AND': 'Région andine',
  'region.SUR': 'Cône Sud',

  'comingSoon.badge': 'Bientôt disponible',
  'comingSoon.myRequests':
    'Cette section est en préparation. Vous verrez bientôt ici les demandes de votre organisation, leur statut et les réponses de l’équipe.',
  'comingSoon.newRequest':
    'Cette section est en préparation. Vous pourrez bientôt envoyer d’ici une nouvelle demande de service.',
  'comingSoon.inbox':
    'Cette section est en préparation. Vous verrez bientôt ici les demandes qui vous sont attribuées et celles de votre périmètre.',
  'comingSoon.reports':
    'Cette section est en préparation. Vous trouverez bientôt ici les rapports de charge, de délais et de satisfaction.',
  'comingSoon.organizations':
    'Cette section est en préparation. Vous pourrez bientôt enregistrer et modifier ici les organisations.',
  'comingSoon.users': 'Cette section est en préparation. Vous pourrez bientôt inviter et gérer ici les utilisateurs.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  'form.error.area': 'Choisissez l’un des domaines thématiques.',
  'form.error.subject': 'Écrivez un objet de {min} à {max} caractères.',
  'form.error.description': 'La description peut avoir au plus {max} caractères.',
  'form.error.priority': 'Choisissez une priorité dans la liste.',
  'form.error.body': 'Écrivez un message de 20 000 caractères au plus.',
  'form.error.reason': 'Le motif peut avoir au plus 2 000 caractères.',
  'form.error.score': 'Choisissez une note de 1 à 5.',
  'form.error.comment': 'Le commentaire peut avoir au plus 2 000 caractères.',
  'form.error.assignee':
    'Cette personne ne peut pas recevoir la demande maintenant (inactive, ne traite pas de dossiers ou indisponible).',
  'requests.status.new': 'Nouvelle',
  'requests.status.assigned': 'Attribuée',
  'requests.status.in_progress': 'En cours',
  'requests.status.waiting_on_member': 'En attente de l’organisation',
  'requests.status.waitingOnYou': 'En attente de votre réponse',
  'requests.status.resolved': 'Résolue',
  'requests.status.closed': 'Clôturée',
  'requests.status.withdrawn': 'Retirée',
  'requests.priority.low': 'Basse',
  'requests.priority.normal': 'Normale',
  'requests.priority.high': 'Haute',
  'requests.priority.urgent': 'Urgente',
  'requests.notAssigned': 'Pas encore attribuée',
  'requests.error.network': 'Impossible de joindre le portail. Vérifiez votre connexion et réessayez.',
  'requests.error.server': 'Le portail n’a pas pu répondre pour le moment. Réessayez dans quelques minutes.',
  'requests.error.rateLimited': 'Trop de tentatives en peu de temps. Attendez un instant et réessayez.',
  'requests.error.sessionEnded': 'Votre session est terminée. Reconnectez-vous pour continuer.',
  'requests.error.notFound': 'Cette demande n’existe pas ou vous ne pouvez pas la voir.',
  'requests.error.forbidden': 'Vous n’êtes pas autorisé à faire cela.',
  'requests.error.conflict': 'Impossible : la demande a changé entre-temps. Elle a été rechargée.',
  'requests.error.validation': 'Des champs manquent ou ne sont pas valides.',
  'requests.error.transitionNotAllowed':
    'Cette action n’est plus possible : la demande a changé entre-temps. Elle a été rechargée.',
  'requests.error.staleVersion':
    'Quelqu’un d’autre a modifié cette demande entre-temps. Elle a été rechargée : vérifiez et réessayez.',
  'requests.error.closed': 'Cette demande est clôturée ou retirée : elle n’accepte plus de modifications.',
  'requests.error.alreadyAssigned': 'La demande est déjà attribuée à cette personne.',
  'requests.error.alreadyEscalated': 'La demande a déjà été remontée à la direction.',
  'requests.error.noDirector': 'La région n’a pas de direction active à qui la remonter.',
  'requests.error.notResolved': 'Une demande peut être notée une fois résolue.',
  'requests.error.alreadyRated': 'Cette demande a déjà été notée.',
  'requests.error.keyReused':
    'Cet envoi a déjà servi pour une autre demande. Vérifiez les demandes de votre organisation avant de renvoyer.',
  'requests.error.fileType':
    'Ce type de fichier n’est pas accepté. Envoyez des PDF, images (PNG, JPG, WebP), Word, Excel, texte OpenDocument, texte brut ou CSV.',
  'requests.error.fileTooLarge': 'Le fichier est trop volumineux : 10 Mo au maximum.',
  'requests.error.tooManyFiles': 'Un message peut porter 5 fichiers au maximum.',
  'request.pageTitle': 'Demande',
  'request.dialog.close': 'Fermer',
  // --- end requests ---

  // --- problems the API reports (core/problem-messages.ts maps every code to a text) ---
  'problem.linkGone': 'Ce lien a déjà été utilisé ou a expiré. Demandez-en un nouveau.',
  'problem.busy': 'De nombreuses connexions sont en cours de vérification. Réessayez dans un instant.',
  'problem.emailTaken': 'Une personne avec cette adresse e-mail est déjà enregistrée.',
  'problem.selfLockout': 'Vous ne pouvez ni vous désactiver ni retirer votre propre rôle d’administration.',
  'problem.nameTaken': 'Une organisation de ce nom est déjà enregistrée dans ce pays.',
  'problem.fairtradeIdTaken': 'Une autre organisation a cet ID Fairtrade.',
  'problem.holidayExists': 'Ce pays a déjà un jour férié à cette date.',
  'problem.otherRegion': 'Vous ne pouvez voir que les rapports de votre propre région.',
  'problem.emptyRange': 'La date de début doit précéder la date de fin.',
  'problem.rangeTooLong': 'L’évolution couvre au plus dix ans : resserrez les dates.',
  // --- end problems ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // Route titles only; the pages' own texts load with them (core/staff-i18n).
  'admin.org.new': 'Nouvelle organisation',
  'admin.org.edit': 'Organisation',
  'admin.user.new': 'Inviter une personne',
  'admin.user.edit': 'Personne',
  // --- end inbox and administration ---

  // --- notifications (the bell in the header; the list's own texts load with it: notifications/i18n) ---
  'nav.notifications': 'Notifications',
  'notifications.bell.none': 'Notifications : aucune non lue',
  'notifications.bell.one': '{count} notification non lue',
  'notifications.bell.other': '{count} notifications non lues',
  // --- end notifications ---
};
