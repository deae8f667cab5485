import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { NewRequestPage } from './new-request-page';
import { RequestListPage } from './request-list-page';

/** The member's section, loaded only for members. */
export default [
  { path: '', component: RequestListPage, title: pageTitle('nav.myRequests') },
  { path: 'new', component: NewRequestPage, title: pageTitle('nav.newRequest') },
] satisfies Routes;
