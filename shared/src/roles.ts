/** Who a signed-in person is to the portal (docs/domain.md, "Roles"). */
export const ROLES = ['member', 'representative', 'specialist', 'director', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the network's staff: everyone but the producer organizations' members. */
export const STAFF_ROLES = [
  'representative',
  'specialist',
  'director',
  'executive',
  'admin',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Staff roles that work cases (triage, reply, change status); the executive only reads. */
export const CASE_WORKER_ROLES = [
  'representative',
  'specialist',
  'director',
  'admin',
] as const satisfies readonly Role[];

export function isStaff(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
