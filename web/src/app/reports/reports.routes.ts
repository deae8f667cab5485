import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { ReportsPage } from './reports-page';

/** The directors' and executive's section. */
export default [{ path: '', component: ReportsPage, title: pageTitle('nav.reports') }] satisfies Routes;
