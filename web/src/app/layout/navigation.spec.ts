import { ROLES, type Role } from '@portal/shared';

import { navigationFor } from './navigation';

const pathsFor = (role: Role) => navigationFor(role).map((item) => item.path);

describe('the navigation of each role', () => {
  it('offers a member its organization’s requests, a new request and its organization’s people, and nothing of staff', () => {
    expect(pathsFor('member')).toEqual(['/', '/requests', '/requests/new', '/organization/people']);
  });

  it.each<Role>(['representative', 'specialist'])('offers a %s the inbox and the canned answers', (role) => {
    expect(pathsFor(role)).toEqual(['/', '/inbox', '/canned-answers']);
  });

  it('offers a director the inbox, the reports and the canned answers', () => {
    expect(pathsFor('director')).toEqual(['/', '/inbox', '/reports', '/canned-answers']);
  });

  it('offers the executive the inbox (read-only) and the reports', () => {
    expect(pathsFor('executive')).toEqual(['/', '/inbox', '/reports']);
  });

  it('offers an admin the inbox, the reports, canned answers, organizations, users, SLA policies, holidays and the email received', () => {
    expect(pathsFor('admin')).toEqual([
      '/',
      '/inbox',
      '/reports',
      '/canned-answers',
      '/admin/organizations',
      '/admin/users',
      '/admin/sla-policies',
      '/admin/holidays',
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
