/**
 * Who a signed-in person is to the portal (docs/domain.md, "Roles"). What each role may do is
 * in ./permissions.ts, the one place that decides it.
 */
export const ROLES = ['member', 'representative', 'specialist', 'director', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];
