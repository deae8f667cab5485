import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { withTexts } from '../i18n/i18n';
import { InboxPage } from './inbox-page';

/** The staff section: the inbox, and the request page it shares with the members' section. */
export default [
  { path: '', component: InboxPage, title: pageTitle('nav.inbox') },
  {
    path: ':id',
    loadComponent: () =>
      withTexts(['requests'], () => import('../request-detail/request-detail-page')).then((m) => m.RequestDetailPage),
    title: pageTitle('request.pageTitle'),
  },
] satisfies Routes;
