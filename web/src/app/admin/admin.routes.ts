import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { OrganizationsPage } from './organizations-page';
import { UsersPage } from './users-page';

/** The administrators' section. */
export default [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  { path: 'organizations', component: OrganizationsPage, title: pageTitle('nav.organizations') },
  { path: 'users', component: UsersPage, title: pageTitle('nav.users') },
] satisfies Routes;
