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
  'login.forgotPassword': 'Forgot your password?',
  'accounts.title.welcome': 'Welcome to the portal',
  'accounts.title.reset': 'New password',

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
  'nav.organizationPeople': 'People of my organization',

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
  'comingSoon.myRequests':
    "This section is being built. Soon you will see your organization's requests here, with their status and the team's replies.",
  'comingSoon.newRequest':
    'This section is being built. Soon you will be able to send a new service request from here.',
  'comingSoon.inbox':
    'This section is being built. Soon you will see the requests assigned to you and those of your coverage here.',
  'comingSoon.reports':
    'This section is being built. Soon you will find the load, deadline and satisfaction reports here.',
  'comingSoon.organizations':
    'This section is being built. Soon you will be able to register and edit organizations here.',
  'comingSoon.users': 'This section is being built. Soon you will be able to invite and manage users here.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  'form.error.area': 'Choose one of the thematic areas.',
  'form.error.subject': 'Write a subject of {min} to {max} characters.',
  'form.error.description': 'The description can have at most {max} characters.',
  'form.error.priority': 'Choose a priority from the list.',
  'form.error.body': 'Write a message of at most 20,000 characters.',
  'form.error.reason': 'The reason can have at most 2,000 characters.',
  'form.error.score': 'Choose a rating from 1 to 5.',
  'form.error.comment': 'The comment can have at most 2,000 characters.',
  'form.error.assignee': 'This person cannot take the request now (inactive, not a case worker, or not available).',
  'requests.status.new': 'New',
  'requests.status.assigned': 'Assigned',
  'requests.status.in_progress': 'In progress',
  'requests.status.waiting_on_member': 'Waiting on the member',
  'requests.status.waitingOnYou': 'Waiting for your reply',
  'requests.status.resolved': 'Resolved',
  'requests.status.closed': 'Closed',
  'requests.status.withdrawn': 'Withdrawn',
  'requests.priority.low': 'Low',
  'requests.priority.normal': 'Normal',
  'requests.priority.high': 'High',
  'requests.priority.urgent': 'Urgent',
  'requests.notAssigned': 'Not yet assigned',
  'requests.error.network': 'Could not reach the portal. Check your connection and try again.',
  'requests.error.server': 'The portal could not answer right now. Try again in a few minutes.',
  'requests.error.rateLimited': 'Too many attempts in a short time. Wait a moment and try again.',
  'requests.error.sessionEnded': 'Your session has ended. Sign in again to continue.',
  'requests.error.notFound': 'This request does not exist or you cannot see it.',
  'requests.error.forbidden': 'You are not allowed to do this.',
  'requests.error.conflict': 'This could not be done because the request changed meanwhile. It has been reloaded.',
  'requests.error.validation': 'Some fields are missing or not valid.',
  'requests.error.transitionNotAllowed':
    'This action is no longer possible: the request changed meanwhile. It has been reloaded.',
  'requests.error.staleVersion':
    'Someone else changed this request meanwhile. It has been reloaded: check it and try again.',
  'requests.error.closed': 'This request is closed or withdrawn: it takes no more changes.',
  'requests.error.alreadyAssigned': 'The request is already assigned to this person.',
  'requests.error.alreadyEscalated': 'The request is already escalated to the director.',
  'requests.error.noDirector': 'The region has no active director to escalate to.',
  'requests.error.notResolved': 'A request can be rated once it is resolved.',
  'requests.error.alreadyRated': 'This request has already been rated.',
  'requests.error.keyReused':
    'This submission was already used for a different request. Check your organization’s requests before sending again.',
  'requests.error.fileType':
    'This type of file is not accepted. Send PDF, images (PNG, JPG, WebP), Word, Excel, OpenDocument text, plain text or CSV.',
  'requests.error.fileTooLarge': 'The file is too large: at most 10 MB.',
  'requests.error.tooManyFiles': 'A message can carry at most 5 files.',
  'request.pageTitle': 'Request',
  'request.dialog.close': 'Close',
  // --- end requests ---

  // --- problems the API reports (core/problem-messages.ts maps every code to a text) ---
  'problem.linkGone': 'This link was already used or has expired. Ask for a new one.',
  'problem.busy': 'Many sign-ins are being checked right now. Try again in a moment.',
  'problem.emailTaken': 'A person with this email address is already registered.',
  'problem.selfLockout': 'You cannot deactivate yourself or take away your own admin role.',
  'problem.nameTaken': 'An organization with this name is already registered in this country.',
  'problem.fairtradeIdTaken': 'Another organization has this Fairtrade ID.',
  'problem.holidayExists': 'This country already has a holiday on that date.',
  'problem.otherRegion': 'You can only see the reports of your own region.',
  'problem.emptyRange': 'The start date must be before the end date.',
  'problem.rangeTooLong': 'The trend covers at most ten years: narrow the dates.',
  // --- end problems ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // Route titles only; the pages' own texts load with them (core/staff-i18n).
  'admin.org.new': 'New organization',
  'admin.org.edit': 'Organization',
  'admin.user.new': 'Invite a person',
  'admin.user.edit': 'Person',
  // --- end inbox and administration ---

  // --- notifications (the bell in the header; the list's own texts load with it: notifications/i18n) ---
  'nav.notifications': 'Notifications',
  'notifications.bell.none': 'Notifications: none unread',
  'notifications.bell.one': '{count} unread notification',
  'notifications.bell.other': '{count} unread notifications',
  // --- end notifications ---
};
