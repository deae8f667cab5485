import type { Dictionary } from './dictionary';

export const fr: Dictionary = {
  'app.name': 'Portail de services',
  'app.network': 'Réseau des organisations de petits producteurs et de travailleurs du commerce équitable d’Amérique latine et des Caraïbes',
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
  'login.error.tooManyAttemptsMinutes': 'Trop de tentatives échouées. Réessayez plus tard (dans environ {minutes} min).',
  'login.error.network': 'Impossible de joindre le portail. Vérifiez votre connexion Internet et réessayez.',
  'login.error.server': 'Le portail n’a pas pu répondre pour le moment. Réessayez dans quelques minutes.',
  'login.sessionExpired': 'Votre session est terminée. Reconnectez-vous pour continuer.',

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
  'comingSoon.myRequests': 'Cette section est en préparation. Vous verrez bientôt ici les demandes de votre organisation, leur statut et les réponses de l’équipe.',
  'comingSoon.newRequest': 'Cette section est en préparation. Vous pourrez bientôt envoyer d’ici une nouvelle demande de service.',
  'comingSoon.inbox': 'Cette section est en préparation. Vous verrez bientôt ici les demandes qui vous sont attribuées et celles de votre périmètre.',
  'comingSoon.reports': 'Cette section est en préparation. Vous trouverez bientôt ici les rapports de charge, de délais et de satisfaction.',
  'comingSoon.organizations': 'Cette section est en préparation. Vous pourrez bientôt enregistrer et modifier ici les organisations.',
  'comingSoon.users': 'Cette section est en préparation. Vous pourrez bientôt inviter et gérer ici les utilisateurs.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  // --- end requests ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // --- end inbox and administration ---
};
