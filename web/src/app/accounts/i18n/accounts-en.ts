import type { AccountsDictionary } from './accounts-dictionaries';

/** The account pages' own texts in English. */
export const accountsEn: AccountsDictionary = {
  'accounts.signIn': 'Sign in',
  'accounts.backToSignIn': 'Back to sign in',
  'accounts.error.network': 'Could not reach the portal. Check your internet connection and try again.',
  'accounts.error.server': 'The portal could not answer right now. Try again in a few minutes.',
  'accounts.error.rateLimited': 'Too many attempts in a short time. Wait a minute and try again.',
  'accounts.error.sessionEnded': 'Your session has ended. Sign in again to continue.',
  'accounts.error.invalid': 'The portal did not accept these details. Check them and try again.',

  'password.label': 'New password',
  'password.repeat': 'Repeat the password',
  'password.show': 'Show the passwords',
  'password.rules': 'Your password must:',
  'password.rule.length': 'be at least {min} characters long (a short sentence is easy to remember)',
  'password.rule.common': 'not be one of the most common passwords',
  'password.rule.email': 'not be your email address',
  'password.error.required': 'Choose a password.',
  'password.error.tooShort': 'The password must be at least {min} characters long.',
  'password.error.tooLong': 'The password can be at most {max} characters long.',
  'password.error.common': 'This is one of the most common passwords: choose another.',
  'password.error.email': 'The password cannot be your email address.',
  'password.error.other': 'The portal did not accept this password: choose another.',
  'password.error.repeatRequired': 'Type the password again.',
  'password.error.mismatch': 'The two passwords are not the same.',

  'accept.heading': 'Welcome to the portal',
  'accept.intro':
    'You were invited to use the network’s Service portal. To begin, choose your password and your language.',
  'accept.language': 'Language',
  'accept.languageHint': 'Used by the portal and by the emails we send you.',
  'accept.submit': 'Save and sign in',
  'accept.submitting': 'Saving…',
  'accept.signedInAs':
    '{name} is signed in on this device. When you save, that session ends and you are signed in with your new account.',
  'accept.gone':
    'This link was already used or has expired (it is valid for 7 days). Ask the person who invited you for a new invitation.',
  'accept.goneSignIn': 'If you already chose your password, you can sign in.',
  'accept.noToken':
    'This link is incomplete: the invitation code is missing. Open it again from the invitation email, or copy the whole address.',

  'forgot.heading': 'Forgot your password?',
  'forgot.intro': 'Type the email address of your account. We will send you a link to choose a new password.',
  'forgot.email': 'Email',
  'forgot.submit': 'Send the link',
  'forgot.submitting': 'Sending…',
  'forgot.done.heading': 'Check your email',
  'forgot.done':
    'If an account exists for {email}, we sent a link to choose a new password. The link works for 30 minutes, and only once.',
  'forgot.done.hint':
    'Nothing arrived? Look in your spam folder, and wait a few minutes before asking for another one.',
  'forgot.otherAddress': 'Try another address',

  'reset.heading': 'Choose a new password',
  'reset.intro': 'The new password replaces the previous one.',
  'reset.submit': 'Save the password',
  'reset.submitting': 'Saving…',
  'reset.done.heading': 'Your password has changed',
  'reset.done':
    'You can now sign in with your new password. For your security, we ended your session on every device where it was open.',
  'reset.gone': 'This link was already used or has expired (it is valid for 30 minutes). Ask for a new one.',
  'reset.requestNew': 'Ask for a new link',
  'reset.noToken': 'This link is incomplete: its code is missing. Open it again from the email, or ask for a new one.',

  'people.intro':
    'The people of {organization} who use the portal. As the organization’s contact, you invite your colleagues and deactivate the accounts that are no longer used.',
  'people.loading': 'Loading the people of your organization…',
  'people.retry': 'Try again',
  'people.list': 'People',
  'people.you': 'You',
  'people.contact': 'Contact',
  'people.active': 'Active',
  'people.deactivated': 'Deactivated',
  'people.pending': 'Invitation pending',
  'people.deactivate': 'Deactivate',
  'people.deactivateWho': 'Deactivate {name}',
  'people.resend': 'Send the invitation again',
  'people.resendWho': 'Send the invitation to {name} again',
  'people.resent': 'We sent a new invitation to {email}. It is valid until {date}.',
  'people.confirm.heading': 'Deactivate {name}?',
  'people.confirm.text':
    '{name} will no longer be able to sign in to the portal. Their requests and messages are kept. To activate the account again, write to the portal’s administrators.',
  'people.confirm.yes': 'Yes, deactivate',
  'people.confirm.no': 'Cancel',
  'people.deactivatedDone': 'The account of {name} was deactivated.',
  'people.notContact.heading': 'Your organization’s contact manages its people',
  'people.notContact.text':
    'Each organization has a contact person in the portal. The contact invites colleagues and deactivates the accounts that are no longer used. If someone of your organization needs to use the portal, ask your contact.',
  'people.notContact.unknown': 'Not sure who it is? Ask the network in a request.',
  'people.notContact.newRequest': 'Write a request',

  'invite.heading': 'Invite a colleague',
  'invite.intro': 'We will send an email with a link to choose a password. The link is valid for 7 days.',
  'invite.name': 'First and last name',
  'invite.email': 'Email',
  'invite.language': 'Language of the email and the portal',
  'invite.submit': 'Send the invitation',
  'invite.submitting': 'Sending…',
  'invite.done': 'Invitation sent to {email}. The link is valid for 7 days, until {date}.',
  'invite.error.nameRequired': 'Type the person’s name.',
  'invite.error.nameTooLong': 'The name can be at most {max} characters long.',
  'invite.error.emailRequired': 'Type the person’s email address.',
  'invite.error.emailInvalid': 'Type a valid email address, for example name@cooperative.org.',
  'invite.error.emailTaken': 'This address already has an account in the portal.',
};
