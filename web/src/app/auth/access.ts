import type { Role } from '@portal/shared';

/** Which roles may open each section of the app. The API enforces the same on its side. */
export const SECTION_ROLES = {
  memberRequests: ['member'],
  // Every member may open it; the API lets only the organization's contact manage people,
  // and the page explains that to the others (GET /me does not say who is the contact).
  organizationPeople: ['member'],
  // The executive reads every request (read-only); admins triage the unassigned ones.
  inbox: ['representative', 'specialist', 'director', 'executive', 'admin'],
  reports: ['director', 'executive', 'admin'],
  administration: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;

export function mayOpen(role: Role, section: Section): boolean {
  return (SECTION_ROLES[section] as readonly Role[]).includes(role);
}

/** Where a role lands after signing in, and where it is sent from a section it may not open. */
export function homeUrlFor(_role: Role): string {
  return '/';
}
