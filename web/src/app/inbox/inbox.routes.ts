import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { InboxPage } from './inbox-page';

/** The case workers' section. */
export default [{ path: '', component: InboxPage, title: pageTitle('nav.inbox') }] satisfies Routes;
