import type { Role } from '@portal/shared';

import { mayOpen, type Section } from '../auth/access';
import type { TranslationKey } from '../i18n/dictionary';

export interface NavigationItem {
  readonly path: string;
  readonly label: TranslationKey;
  /** Who sees the link; null: everyone signed in. */
  readonly section: Section | null;
  /** Highlight only on this exact URL (a parent path would otherwise match its children). */
  readonly exact: boolean;
}

const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: 'nav.home', section: null, exact: true },
  { path: '/requests', label: 'nav.myRequests', section: 'memberRequests', exact: true },
  { path: '/requests/new', label: 'nav.newRequest', section: 'memberRequests', exact: true },
  { path: '/organization/people', label: 'nav.organizationPeople', section: 'organizationPeople', exact: true },
  { path: '/inbox', label: 'nav.inbox', section: 'inbox', exact: false },
  { path: '/reports', label: 'nav.reports', section: 'reports', exact: false },
  { path: '/kb', label: 'nav.knowledgeBase', section: null, exact: false },
  { path: '/kb-editor', label: 'nav.knowledgeBaseEditor', section: 'knowledgeBaseEditor', exact: true },
  { path: '/canned-answers', label: 'nav.cannedAnswers', section: 'cannedAnswers', exact: true },
  { path: '/admin/organizations', label: 'nav.organizations', section: 'administration', exact: false },
  { path: '/admin/users', label: 'nav.users', section: 'administration', exact: false },
  { path: '/admin/sla-policies', label: 'nav.slaPolicies', section: 'administration', exact: false },
  { path: '/admin/holidays', label: 'nav.holidays', section: 'administration', exact: false },
  { path: '/admin/audit', label: 'nav.audit', section: 'audit', exact: false },
  { path: '/admin/webhooks', label: 'nav.webhooks', section: 'administration', exact: false },
  { path: '/admin/email', label: 'nav.inboundMail', section: 'administration', exact: false },
];

/** The links a role sees, in menu order. */
export function navigationFor(role: Role): readonly NavigationItem[] {
  return NAVIGATION.filter((item) => item.section === null || mayOpen(role, item.section));
}
