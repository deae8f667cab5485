import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { NewRequestPage } from './new-request-page';
import { RequestListPage } from './request-list-page';

/** The member's section, loaded only for members. The request page is shared with staff and loads on its own. */
export default [
  { path: '', component: RequestListPage, title: pageTitle('nav.myRequests') },
  { path: 'new', component: NewRequestPage, title: pageTitle('nav.newRequest') },
  // The confirmation after filing, loaded only then.
  {
    path: ':id/sent',
    loadComponent: () => import('./request-confirmation-page').then((m) => m.RequestConfirmationPage),
    title: pageTitle('nav.requestSent'),
  },
  {
    path: ':id',
    loadComponent: () => import('../request-detail/request-detail-page').then((m) => m.RequestDetailPage),
    title: pageTitle('request.pageTitle'),
  },
] satisfies Routes;
