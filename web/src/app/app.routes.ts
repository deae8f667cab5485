import { inject } from '@angular/core';
import type { Routes } from '@angular/router';

import { requestLinkInto, requireSection, requireSignedIn, requireSignedOut } from './auth/auth-guards';
import { LoginPage } from './auth/login-page';
import { pageTitle } from './core/page-title';
import { HomePage } from './home/home-page';
import { I18n, withTexts } from './i18n/i18n';
import { Shell } from './layout/shell';

/**
 * The sign-in page and the home page are in the first download (a slow connection should
 * not wait for a second one); each role's sections load on demand, and `canMatch` keeps
 * the code of a section from reaching roles that may not open it. A section's texts, in the
 * person's language only, download beside its code (`withTexts`).
 */
export const routes: Routes = [
  { path: 'login', canMatch: [requireSignedOut], component: LoginPage, title: pageTitle('login.title') },
  // Opened from the links of the account emails, signed in or not (a shared phone may still
  // hold someone else's session: the pages say so). Each loads on demand.
  {
    path: 'accept-invitation',
    loadComponent: () =>
      withTexts(['accounts'], () => import('./accounts/accept-invitation-page')).then((m) => m.AcceptInvitationPage),
    title: pageTitle('accounts.title.welcome'),
  },
  {
    path: 'forgot-password',
    loadComponent: () =>
      withTexts(['accounts'], () => import('./accounts/forgot-password-page')).then((m) => m.ForgotPasswordPage),
    title: pageTitle('login.forgotPassword'),
  },
  {
    path: 'reset-password',
    loadComponent: () =>
      withTexts(['accounts'], () => import('./accounts/reset-password-page')).then((m) => m.ResetPasswordPage),
    title: pageTitle('accounts.title.reset'),
  },
  // Opened from the score links of the resolution email, without signing in.
  {
    path: 'rate',
    loadComponent: () =>
      withTexts(['satisfaction'], () => import('./satisfaction/satisfaction-page')).then((m) => m.SatisfactionPage),
    title: pageTitle('satisfaction.title'),
  },
  // The knowledge base, signed in or not: an article's address holds its language, to share.
  { path: 'kb', pathMatch: 'full', redirectTo: () => `/kb/${inject(I18n).language()}` },
  {
    path: 'kb/:lang',
    loadComponent: () =>
      withTexts(['kb', 'requests'], () => import('./knowledge-base/kb-search-page')).then((m) => m.KbSearchPage),
    title: pageTitle('nav.knowledgeBase'),
  },
  {
    path: 'kb/:lang/:slug',
    loadComponent: () =>
      withTexts(['kb', 'requests'], () => import('./knowledge-base/kb-article-page')).then((m) => m.KbArticlePage),
    title: pageTitle('nav.knowledgeBase'),
  },
  {
    path: '',
    canMatch: [requireSignedIn],
    component: Shell,
    children: [
      { path: '', pathMatch: 'full', component: HomePage, title: pageTitle('nav.home') },
      // A request's link from the other side (a member's /requests/… shared with staff, or
      // the reverse) opens the same request in the section the person has.
      { path: 'requests/:id', canMatch: [requestLinkInto('inbox', 'inbox')], children: [] },
      { path: 'inbox/:id', canMatch: [requestLinkInto('memberRequests', 'requests')], children: [] },
      {
        path: 'requests',
        canMatch: [requireSection('memberRequests')],
        loadChildren: () => withTexts(['requests'], () => import('./requests/requests.routes')),
      },
      {
        path: 'organization/people',
        canMatch: [requireSection('organizationPeople')],
        loadComponent: () => withTexts(['accounts'], () => import('./accounts/people-page')).then((m) => m.PeoplePage),
        title: pageTitle('nav.organizationPeople'),
      },
      {
        path: 'inbox',
        canMatch: [requireSection('inbox')],
        loadChildren: () => withTexts(['staff'], () => import('./inbox/inbox.routes')),
      },
      {
        path: 'reports',
        canMatch: [requireSection('reports')],
        loadChildren: () => withTexts(['staff', 'reports', 'quality'], () => import('./reports/reports.routes')),
      },
      {
        path: 'canned-answers',
        canMatch: [requireSection('cannedAnswers')],
        loadComponent: () =>
          withTexts(['staff'], () => import('./canned-answers/canned-answers-page')).then((m) => m.CannedAnswersPage),
        title: pageTitle('nav.cannedAnswers'),
      },
      {
        path: 'kb-editor',
        canMatch: [requireSection('knowledgeBaseEditor')],
        loadComponent: () =>
          withTexts(['staff', 'kb', 'requests'], () => import('./knowledge-base/kb-editor-page')).then(
            (m) => m.KbEditorPage,
          ),
        title: pageTitle('nav.knowledgeBaseEditor'),
      },
      // Everyone signed in: name, language, emails and password.
      {
        path: 'profile',
        loadComponent: () =>
          withTexts(['accounts'], () => import('./accounts/profile-page')).then((m) => m.ProfilePage),
        title: pageTitle('nav.profile'),
      },
      {
        path: 'notifications',
        loadChildren: () => withTexts(['notifications'], () => import('./notifications/notifications.routes')),
      },
      {
        path: 'admin',
        canMatch: [requireSection('administration')],
        loadChildren: () => withTexts(['staff'], () => import('./admin/admin.routes')),
      },
      { path: '**', redirectTo: '' },
    ],
  },
  { path: '**', redirectTo: 'login' },
];
