import type { AccountsDictionary } from './accounts-dictionaries';

/** The account pages' own texts in French. */
export const accountsFr: AccountsDictionary = {
  'accounts.signIn': 'Se connecter',
  'accounts.backToSignIn': 'Retour à la connexion',
  'accounts.error.network': 'Impossible de joindre le portail. Vérifiez votre connexion internet et réessayez.',
  'accounts.error.server': 'Le portail n’a pas pu répondre pour le moment. Réessayez dans quelques minutes.',
  'accounts.error.rateLimited': 'Trop de tentatives en peu de temps. Attendez une minute et réessayez.',
  'accounts.error.sessionEnded': 'Votre session est terminée. Reconnectez-vous pour continuer.',
  'accounts.error.invalid': 'Le portail n’a pas accepté ces informations. Vérifiez-les et réessayez.',

  'password.label': 'Nouveau mot de passe',
  'password.repeat': 'Répétez le mot de passe',
  'password.show': 'Afficher les mots de passe',
  'password.rules': 'Votre mot de passe doit :',
  'password.rule.length': 'compter au moins {min} caractères (une courte phrase est facile à retenir)',
  'password.rule.common': 'ne pas être l’un des mots de passe les plus courants',
  'password.rule.email': 'ne pas être votre adresse e-mail',
  'password.error.required': 'Choisissez un mot de passe.',
  'password.error.tooShort': 'Le mot de passe doit compter au moins {min} caractères.',
  'password.error.tooLong': 'Le mot de passe peut compter au plus {max} caractères.',
  'password.error.common': 'C’est l’un des mots de passe les plus courants : choisissez-en un autre.',
  'password.error.email': 'Le mot de passe ne peut pas être votre adresse e-mail.',
  'password.error.other': 'Le portail n’a pas accepté ce mot de passe : choisissez-en un autre.',
  'password.error.repeatRequired': 'Saisissez à nouveau le mot de passe.',
  'password.error.mismatch': 'Les deux mots de passe ne sont pas identiques.',

  'accept.heading': 'Bienvenue sur le portail',
  'accept.intro':
    'Vous avez été invité à utiliser le Portail de services du réseau. Pour commencer, choisissez votre mot de passe et votre langue.',
  'accept.language': 'Langue',
  'accept.languageHint': 'Celle du portail et des e-mails que nous vous enverrons.',
  'accept.submit': 'Enregistrer et entrer',
  'accept.submitting': 'Enregistrement…',
  'accept.signedInAs':
    'La session de {name} est ouverte sur cet appareil. En enregistrant, cette session se termine et vous entrez avec votre nouveau compte.',
  'accept.gone':
    'Ce lien a déjà été utilisé ou a expiré (il est valable 7 jours). Demandez une nouvelle invitation à la personne qui vous a invité.',
  'accept.goneSignIn': 'Si vous avez déjà choisi votre mot de passe, vous pouvez vous connecter.',
  'accept.noToken':
    'Ce lien est incomplet : le code de l’invitation manque. Ouvrez-le de nouveau depuis l’e-mail d’invitation, ou copiez l’adresse complète.',

  'forgot.heading': 'Mot de passe oublié ?',
  'forgot.intro':
    'Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.email': 'Adresse e-mail',
  'forgot.submit': 'Envoyer le lien',
  'forgot.submitting': 'Envoi…',
  'forgot.done.heading': 'Consultez vos e-mails',
  'forgot.done':
    'Si un compte existe pour l’adresse {email}, nous avons envoyé un lien pour choisir un nouveau mot de passe. Le lien fonctionne pendant 30 minutes, une seule fois.',
  'forgot.done.hint':
    'Rien reçu ? Regardez dans le dossier des indésirables et attendez quelques minutes avant d’en demander un autre.',
  'forgot.otherAddress': 'Essayer une autre adresse',

  'reset.heading': 'Choisissez un nouveau mot de passe',
  'reset.intro': 'Le nouveau mot de passe remplace l’ancien.',
  'reset.submit': 'Enregistrer le mot de passe',
  'reset.submitting': 'Enregistrement…',
  'reset.done.heading': 'Votre mot de passe a changé',
  'reset.done':
    'Vous pouvez maintenant vous connecter avec votre nouveau mot de passe. Par sécurité, nous avons fermé votre session sur tous les appareils où elle était ouverte.',
  'reset.gone': 'Ce lien a déjà été utilisé ou a expiré (il est valable 30 minutes). Demandez-en un nouveau.',
  'reset.requestNew': 'Demander un nouveau lien',
  'reset.noToken':
    'Ce lien est incomplet : son code manque. Ouvrez-le de nouveau depuis l’e-mail, ou demandez-en un nouveau.',

  'people.intro':
    'Les personnes de {organization} qui utilisent le portail. En tant que contact de l’organisation, vous invitez vos collègues et désactivez les comptes qui ne servent plus.',
  'people.loading': 'Chargement des personnes de votre organisation…',
  'people.retry': 'Réessayer',
  'people.list': 'Personnes',
  'people.you': 'Vous',
  'people.contact': 'Contact',
  'people.active': 'Actif',
  'people.deactivated': 'Désactivé',
  'people.pending': 'Invitation en attente',
  'people.deactivate': 'Désactiver',
  'people.deactivateWho': 'Désactiver {name}',
  'people.resend': 'Renvoyer l’invitation',
  'people.resendWho': 'Renvoyer l’invitation à {name}',
  'people.resent': 'Nous avons envoyé une nouvelle invitation à {email}. Elle est valable jusqu’au {date}.',
  'people.confirm.heading': 'Désactiver {name} ?',
  'people.confirm.text':
    '{name} ne pourra plus se connecter au portail. Ses demandes et ses messages sont conservés. Pour réactiver le compte, écrivez à l’administration du portail.',
  'people.confirm.yes': 'Oui, désactiver',
  'people.confirm.no': 'Annuler',
  'people.deactivatedDone': 'Le compte de {name} a été désactivé.',
  'people.notContact.heading': 'Le contact de votre organisation gère ses personnes',
  'people.notContact.text':
    'Chaque organisation a une personne de contact dans le portail. Elle invite ses collègues et désactive les comptes qui ne servent plus. Si quelqu’un de votre organisation doit utiliser le portail, demandez-le à cette personne.',
  'people.notContact.unknown': 'Vous ne savez pas qui c’est ? Demandez-le au réseau dans une demande.',
  'people.notContact.newRequest': 'Écrire une demande',

  'invite.heading': 'Inviter un collègue',
  'invite.intro': 'Nous enverrons un e-mail avec un lien pour choisir un mot de passe. Le lien est valable 7 jours.',
  'invite.name': 'Prénom et nom',
  'invite.email': 'Adresse e-mail',
  'invite.language': 'Langue de l’e-mail et du portail',
  'invite.submit': 'Envoyer l’invitation',
  'invite.submitting': 'Envoi…',
  'invite.done': 'Invitation envoyée à {email}. Le lien est valable 7 jours, jusqu’au {date}.',
  'invite.error.nameRequired': 'Saisissez le nom de la personne.',
  'invite.error.nameTooLong': 'Le nom peut compter au plus {max} caractères.',
  'invite.error.emailRequired': 'Saisissez l’adresse e-mail de la personne.',
  'invite.error.emailInvalid': 'Saisissez une adresse e-mail valide, par exemple nom@cooperative.org.',
  'invite.error.emailTaken': 'Cette adresse a déjà un compte dans le portail.',
};
