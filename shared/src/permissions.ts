import { CASE_ACTIONS, CASE_PERMISSIONS, type CaseAction } from './case-permissions.js';
import { ROLES, type Role } from './roles.js';

/**
 * The permission model (docs/domain.md, "Permissions"): the one place that says what each
 * role may do. The API checks every route and every rule about roles through `can()`; the
 * web app reads the same table to show or hide what a person may not do. A role is never
 * compared with a name anywhere else (tests/architecture/role-literals.spec.ts).
 *
 * Three tables, each a Record over every role, so a new role is a compile error until it is
 * decided in each:
 * - ROLE_PERMISSIONS: the named permissions below;
 * - CASE_PERMISSIONS (./case-permissions.ts): which action on whose case; a route that takes
 *   a case action asks for `case.<action>`, which a role has when it may take the action on
 *   some case — the case itself is then checked with authorizeCaseAction in the API;
 * - REQUEST_VISIBILITY: which requests the role sees, decided in SQL
 *   (api/src/requests/request-scope.ts).
 */
export const GENERAL_PERMISSIONS = [
  'profile.manage', // read and change one's own profile (GET, PATCH /me)
  'notifications.read', // one's own notifications
  'notifications.settings', // choose per event about cases: in the app and by email, in the app only, or off
  'reference.read', // regions, countries, areas, directorates
  'requests.read', // list and open the requests one sees (REQUEST_VISIBILITY), download their attachments
  'requests.file', // file a request for one's organization, and follow it in "my requests"
  'requests.staff-view', // the staff side of a request: internal notes, the routing reason, staff's lists
  'requests.work', // work cases: a candidate for routing, assignment and reassignment
  'requests.bulk', // one change on several cases at once (POST /requests/bulk; each case still checked as alone)
  'absence.manage', // mark oneself away, with a replacement who takes one's new cases (/me/absence)
  'canned-answers.read', // the canned answers, and those of a request rendered for its member (the reply box)
  'canned-answers.manage', // write the canned answers of every area
  'canned-answers.manage-own-areas', // write the canned answers of the areas one's coverage names (a specialist's)
  'kb.manage', // write, publish and archive the knowledge base's articles of every area (issue 21)
  'kb.manage-own-areas', // write, publish and archive the articles of the areas one's coverage names (a specialist's)
  'kb.suggest', // suggest an edit of an article one may not write, and see drafts in the editors' list
  'kb.draft-from-case', // turn a resolved request's answer into a draft article, the member's details removed
  'kb.suggestions', // articles suggested while filing a request, and "this answered my question"
  'organizations.read',
  'organizations.manage',
  'sla.read', // SLA policies, holidays, the routing preview
  'sla.manage',
  'reports.read', // the load and trend reports, of one's own region unless reports.all-regions
  'reports.all-regions',
  'users.manage', // the people of the network: create, change, deactivate; invite anyone
  'inbound-mail.read', // what the portal made of each mail its mailbox received, the refused ones first (admins)
  'people.invite', // send invitations (an organization's contact: members of its organization only)
  'organization.people', // an organization's contact manages its people
  'personal-data.export-own', // download everything the portal holds about oneself (GET /me/data-export)
  'personal-data.manage', // another person's data: download it for them, erase them (docs/domain.md, "Personal data")
  'audit.read', // the audit trail: read, filter, export (GET /audit-log)
  'two-factor.reset', // turn off a person's two-factor sign-in (a lost device); audited, the person told by email
  'webhooks.manage', // register webhook endpoints, read their delivery log, redeliver
] as const;
export type GeneralPermission = (typeof GENERAL_PERMISSIONS)[number];

/** A case action, as a permission: the role may take it on some case. */
export type CasePermission = `case.${CaseAction}`;
export type Permission = GeneralPermission | CasePermission;

export const PERMISSIONS: readonly Permission[] = [
  ...GENERAL_PERMISSIONS,
  ...CASE_ACTIONS.map((action): CasePermission => `case.${action}`),
];

const EVERYONE = [
  'profile.manage',
  'notifications.read',
  'reference.read',
  'requests.read',
  'personal-data.export-own',
] as const;
const STAFF = [
  ...EVERYONE,
  'requests.staff-view',
  'notifications.settings',
  'organizations.read',
  'sla.read',
  'kb.suggest',
] as const;

/** Role → its permissions. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly GeneralPermission[]>> = {
  member: [...EVERYONE, 'requests.file', 'people.invite', 'organization.people', 'kb.suggestions'],
  representative: [
    ...STAFF,
    'requests.work',
    'requests.bulk',
    'absence.manage',
    'canned-answers.read',
    'kb.draft-from-case',
  ],
  specialist: [
    ...STAFF,
    'requests.work',
    'requests.bulk',
    'absence.manage',
    'canned-answers.read',
    'canned-answers.manage-own-areas',
    'kb.manage-own-areas',
    'kb.draft-from-case',
  ],
  director: [
    ...STAFF,
    'requests.work',
    'requests.bulk',
    'absence.manage',
    'reports.read',
    'canned-answers.read',
    'kb.draft-from-case',
  ],
  // The executive directorate reads everything and changes nothing.
  executive: [...STAFF, 'reports.read', 'reports.all-regions'],
  admin: [
    ...STAFF,
    'requests.work',
    'requests.bulk',
    'absence.manage',
    'canned-answers.read',
    'canned-answers.manage',
    'kb.manage',
    'kb.draft-from-case',
    'reports.read',
    'reports.all-regions',
    'organizations.manage',
    'sla.manage',
    'users.manage',
    'people.invite',
    'personal-data.manage',
    'audit.read',
    'two-factor.reset',
    'webhooks.manage',
    'inbound-mail.read',
  ],
};

/**
 * Which requests a role sees (and, with them, their messages and attachments):
 * - `organization`: those its organization filed;
 * - `country-coverage`: those assigned to the person, or of a country its coverage names
 *   (whatever the area), or matching an entry without a country;
 * - `coverage`: those assigned to the person, or matching one of its coverage entries;
 * - `region`: those of the region the person directs, or assigned to it;
 * - `everything`.
 */
export type RequestVisibility = 'organization' | 'country-coverage' | 'coverage' | 'region' | 'everything';

export const REQUEST_VISIBILITY: Readonly<Record<Role, RequestVisibility>> = {
  member: 'organization',
  representative: 'country-coverage',
  specialist: 'coverage',
  director: 'region',
  executive: 'everything',
  admin: 'everything',
};

function isCasePermission(permission: Permission): permission is CasePermission {
  return permission.startsWith('case.');
}

/** Whether the role has the permission (a case permission: on some case). Unknown: no. */
export function can(role: Role, permission: Permission): boolean {
  if (isCasePermission(permission)) {
    const action = permission.slice('case.'.length) as CaseAction;
    return (CASE_PERMISSIONS[role]?.[action] ?? []).length > 0;
  }
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/** Whether the role has one of the permissions. */
export function canAny(role: Role, permissions: readonly Permission[]): boolean {
  return permissions.some((permission) => can(role, permission));
}

/** The roles with one of the permissions, in the order of ROLES (for SQL parameters and the API document). */
export function rolesWith(...permissions: Permission[]): Role[] {
  return ROLES.filter((role) => canAny(role, permissions));
}

/** The roles that see requests this way. */
export function rolesSeeing(visibility: RequestVisibility): Role[] {
  return ROLES.filter((role) => REQUEST_VISIBILITY[role] === visibility);
}

/** A person of this role belongs to a member organization (and may be its contact). */
export function belongsToOrganization(role: Role): boolean {
  return REQUEST_VISIBILITY[role] === 'organization';
}

/** A person of this role directs a region: it must have one, and escalations and breaches of it go to it. */
export function directsRegion(role: Role): boolean {
  return REQUEST_VISIBILITY[role] === 'region';
}

/** The role of an organization's people: the one its contact invites, and a new account's default. */
export const ORGANIZATION_ROLE: Role = rolesSeeing('organization')[0];

/** Everyone but the producer organizations' members: the network's staff. */
export const STAFF_ROLES: readonly Role[] = rolesWith('requests.staff-view');

/** Staff who work cases (triage, reply, change status); the executive only reads. */
export const CASE_WORKER_ROLES: readonly Role[] = rolesWith('requests.work');

export function isStaff(role: Role): boolean {
  return can(role, 'requests.staff-view');
}
