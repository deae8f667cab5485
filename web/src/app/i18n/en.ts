import type { Dictionary } from './dictionary';

export const en: Dictionary = {
  'app.name': 'Service portal',
  'app.network': 'Network of Fairtrade small producer and worker organizations of Latin America and the Caribbean',
  'app.skipToContent': 'Skip to main content',

  'language.label': 'Language',

  'login.title': 'Sign in',
  'login.intro': 'Sign in with the email address and password of your account.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.showPassword': 'Show password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.emailRequired': 'Enter your email address.',
  'login.emailInvalid': 'Enter a valid email address, for example name@cooperative.org.',
  'login.passwordRequired': 'Enter your password.',
  'login.error.invalidCredentials': 'The email address or password is not correct.',
  'login.error.tooManyAttempts': 'Too many failed attempts. Wait a few minutes and try again later.',
  'login.error.tooManyAttemptsMinutes': 'Too many failed attempts. Try again later (in about {minutes} min).',
  'login.error.network': 'Could not reach the portal. Check your internet connection and try again.',
  'login.error.server': 'The portal could not answer right now. Try again in a few minutes.',
  'login.sessionExpired': 'Your session has ended. Sign in again to continue.',

  'shell.mainNavigation': 'Main navigation',
  'shell.openMenu': 'Menu',
  'shell.signOut': 'Sign out',
  'shell.signedInAs': 'Signed in as',

  'nav.home': 'Home',
  'nav.myRequests': "My organization's requests",
  'nav.newRequest': 'New request',
  'nav.inbox': 'Inbox',
  'nav.reports': 'Reports',
  'nav.organizations': 'Organizations',
  'nav.users': 'Users',

  'home.greeting': 'Hello, {name}',
  'home.organization': 'Organization',
  'home.role': 'Role',
  'home.region': 'Region',
  'home.intro.member': "Here you can ask the network for support and follow your organization's requests.",
  'home.intro.caseWorker': 'Here you will handle the service requests of the organizations you cover.',
  'home.intro.executive': 'Here you can follow the requests and reports of the whole network.',
  'home.intro.admin': "Here you will manage organizations, users and the portal's settings.",
  'home.shortcuts': 'Shortcuts',

  'role.member': 'Organization member',
  'role.representative': 'Country representative',
  'role.specialist': 'Thematic specialist',
  'role.director': 'Regional director',
  'role.executive': 'Executive directorate',
  'role.admin': 'Portal administrator',

  'region.CAM': 'Central America and Mexico',
  'region.CAR': 'Caribbean',
  'region.AND': 'Andean region',
  'region.SUR': 'Southern Cone',

  'comingSoon.badge': 'Coming soon',
  'comingSoon.myRequests': "This section is being built. Soon you will see your organization's requests here, with their status and the team's replies.",
  'comingSoon.newRequest': 'This section is being built. Soon you will be able to send a new service request from here.',
  'comingSoon.inbox': 'This section is being built. Soon you will see the requests assigned to you and those of your coverage here.',
  'comingSoon.reports': 'This section is being built. Soon you will find the load, deadline and satisfaction reports here.',
  'comingSoon.organizations': 'This section is being built. Soon you will be able to register and edit organizations here.',
  'comingSoon.users': 'This section is being built. Soon you will be able to invite and manage users here.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  // --- end requests ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // --- end inbox and administration ---
};
