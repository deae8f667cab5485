import { can, type Permission, type Role } from '@portal/shared';

/**
 * The permission that opens each section of the app (shared/src/permissions.ts); the API
 * asks for the same on the section's routes.
 */
export const SECTION_PERMISSIONS = {
  memberRequests: 'requests.file',
  // Every member may open it; the API lets only the organization's contact manage people,
  // and the page explains that to the others (GET /me does not say who is the contact).
  organizationPeople: 'organization.people',
  // The executive reads every request (read-only); admins triage the unassigned ones.
  inbox: 'requests.staff-view',
  reports: 'reports.read',
  // Staff who work cases read them; the page lets admins and each area's specialists write.
  cannedAnswers: 'canned-answers.read',
  // Every staff member: admins and the area's specialists write articles, the others suggest edits.
  knowledgeBaseEditor: 'kb.suggest',
  administration: 'users.manage',
  // Inside the administration's routes; its own permission so the menu follows the table.
  audit: 'audit.read',
} as const satisfies Record<string, Permission>;

export type Section = keyof typeof SECTION_PERMISSIONS;

export function mayOpen(role: Role, section: Section): boolean {
  return can(role, SECTION_PERMISSIONS[section]);
}

/** Where a role lands after signing in, and where it is sent from a section it may not open. */
export function homeUrlFor(_role: Role): string {
  return '/';
}
