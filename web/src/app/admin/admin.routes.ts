import type { Routes } from '@angular/router';

import { pageTitle } from '../core/page-title';
import { OrganizationsPage } from './organizations-page';
import { UsersPage } from './users-page';

/** The administrators' section: lists load with the section, forms when first opened. */
export default [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  { path: 'organizations', component: OrganizationsPage, title: pageTitle('nav.organizations') },
  {
    path: 'organizations/new',
    loadComponent: () => import('./organization-edit-page').then((m) => m.OrganizationEditPage),
    title: pageTitle('admin.org.new'),
  },
  {
    path: 'organizations/:id',
    loadComponent: () => import('./organization-edit-page').then((m) => m.OrganizationEditPage),
    title: pageTitle('admin.org.edit'),
  },
  { path: 'users', component: UsersPage, title: pageTitle('nav.users') },
  {
    path: 'users/new',
    loadComponent: () => import('./user-edit-page').then((m) => m.UserEditPage),
    title: pageTitle('admin.user.new'),
  },
  {
    path: 'users/:id',
    loadComponent: () => import('./user-edit-page').then((m) => m.UserEditPage),
    title: pageTitle('admin.user.edit'),
  },
  {
    path: 'sla-policies',
    loadComponent: () => import('./sla-policies-page').then((m) => m.SlaPoliciesPage),
    title: pageTitle('nav.slaPolicies'),
  },
  {
    path: 'holidays',
    loadComponent: () => import('./holidays-page').then((m) => m.HolidaysPage),
    title: pageTitle('nav.holidays'),
  },
  {
    path: 'audit',
    loadComponent: () => import('./audit-page').then((m) => m.AuditPage),
    title: pageTitle('nav.audit'),
  },
  {
    path: 'webhooks',
    loadComponent: () => import('./webhooks-page').then((m) => m.WebhooksPage),
    title: pageTitle('nav.webhooks'),
  },
  {
    path: 'email',
    loadComponent: () => import('./inbound-mail-page').then((m) => m.InboundMailPage),
    title: pageTitle('nav.inboundMail'),
  },
] satisfies Routes;
