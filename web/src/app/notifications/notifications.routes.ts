import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { NotificationsPage } from './notifications-page';

/** Every signed-in person's notifications (the bell's panel shows the latest few). */
export default [{ path: '', component: NotificationsPage, title: pageTitle('nav.notifications') }] satisfies Routes;
