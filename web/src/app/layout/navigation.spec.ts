import { ROLES, type Role } from '@portal/shared';

import { navigationFor } from './navigation';

const pathsFor = (role: Role) => navigationFor(role).map((item) => item.path);

describe('the navigation of each role', () => {
  it('offers a member its organization’s requests, a new request, its organization’s people and the knowledge base, and nothing of staff', () => {
    expect(pathsFor('member')).toEqual(['/', '/requests', '/requests/new', '/organization/people', '/kb']);
  });

  it.each<Role>(['representative', 'specialist'])(
    'offers a %s the inbox, the knowledge base and its editor, and the canned answers',
    (role) => {
      expect(pathsFor(role)).toEqual(['/', '/inbox', '/kb', '/kb-editor', '/canned-answers']);
    },
  );

  it('offers a director the inbox, the reports and the canned answers', () => {
    expect(pathsFor('director')).toEqual(['/', '/inbox', '/reports', '/kb', '/kb-editor', '/canned-answers']);
  });

  it('offers the executive the inbox (read-only) and the reports', () => {
    expect(pathsFor('executive')).toEqual(['/', '/inbox', '/reports', '/kb', '/kb-editor']);
  });

  it('offers an admin the inbox, the reports, canned answers, organizations, users, SLA policies, holidays, the audit trail, webhooks and the email received', () => {
    expect(pathsFor('admin')).toEqual([
      '/',
      '/inbox',
      '/reports',
      '/kb',
      '/kb-editor',
      '/canned-answers',
      '/admin/organizations',
      '/admin/users',
      '/admin/sla-policies',
      '/admin/holidays',
      '/admin/audit',
      '/admin/webhooks',
      '/admin/email',
    ]);
  });

  it('offers the member pages to members only', () => {
    const withRequests = ROLES.filter((role) => pathsFor(role).includes('/requests'));
    expect(withRequests).toEqual(['member']);
  });

  it('offers the people of an organization to members only', () => {
    expect(ROLES.filter((role) => pathsFor(role).includes('/organization/people'))).toEqual(['member']);
  });
});
