import { CASE_PERMISSIONS } from './case-permissions.js';
import {
  can,
  CASE_WORKER_ROLES,
  GENERAL_PERMISSIONS,
  isStaff,
  ORGANIZATION_ROLE,
  PERMISSIONS,
  REQUEST_VISIBILITY,
  rolesSeeing,
  rolesWith,
  ROLE_PERMISSIONS,
  STAFF_ROLES,
} from './permissions.js';
import { ROLES, type Role } from './roles.js';

describe('the permission table', () => {
  it('gives the sections and routes the roles they had', () => {
    expect(rolesWith('requests.file')).toEqual(['member']);
    expect(rolesWith('people.invite')).toEqual(['member', 'admin']);
    expect(rolesWith('organization.people')).toEqual(['member']);
    expect(rolesWith('reports.read')).toEqual(['director', 'executive', 'admin']);
    expect(rolesWith('reports.all-regions')).toEqual(['executive', 'admin']);
    for (const permission of [
      'users.manage',
      'organizations.manage',
      'sla.manage',
      'audit.read',
      'personal-data.manage',
    ] as const)
      expect(rolesWith(permission)).toEqual(['admin']);
    for (const permission of ['requests.staff-view', 'organizations.read', 'sla.read'] as const)
      expect(rolesWith(permission)).toEqual(['representative', 'specialist', 'director', 'executive', 'admin']);
    for (const permission of [
      'profile.manage',
      'notifications.read',
      'reference.read',
      'requests.read',
      'personal-data.export-own',
    ] as const)
      expect(rolesWith(permission)).toEqual([...ROLES]);
  });

  it('keeps the staff and case-worker role lists', () => {
    expect(STAFF_ROLES).toEqual(['representative', 'specialist', 'director', 'executive', 'admin']);
    expect(CASE_WORKER_ROLES).toEqual(['representative', 'specialist', 'director', 'admin']);
    expect(ROLES.filter(isStaff)).toEqual(STAFF_ROLES);
  });

  it('gives cases only to roles that may change the status of a case given to them', () => {
    const worksOwnCases = (role: Role) =>
      (CASE_PERMISSIONS[role].status ?? []).some((relation) => relation === 'assignee' || relation === 'any');
    expect(rolesWith('requests.work')).toEqual(ROLES.filter(worksOwnCases));
  });

  it('reads case permissions from the case table: a role has case.<action> when it may take it on some case', () => {
    expect(rolesWith('case.escalate')).toEqual(['representative', 'specialist']);
    expect(rolesWith('case.claim')).toEqual(['representative', 'specialist', 'director', 'admin']);
    expect(can('executive', 'case.reply')).toBe(false);
    expect(PERMISSIONS).toContain('case.internal-note');
  });

  it('has one organization role, the one that files requests', () => {
    expect(rolesSeeing('organization')).toEqual([ORGANIZATION_ROLE]);
    expect(rolesWith('requests.file')).toEqual([ORGANIZATION_ROLE]);
    expect(rolesSeeing('region')).toEqual(['director']);
    expect(REQUEST_VISIBILITY.executive).toBe('everything');
  });

  it('names only known permissions, and refuses what it does not know', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(GENERAL_PERMISSIONS).toContain(p);
    expect(can('nobody' as Role, 'requests.read')).toBe(false);
    expect(can('admin', 'case.unknown' as never)).toBe(false);
    expect(can('admin', 'unknown' as never)).toBe(false);
  });
});
