import { type CaseAction, mayActOnCase, type RequestView, type UserView } from '@portal/shared';

/**
 * Whether the signed-in person may take an action on a request: the case-permission table
 * (shared/src/case-permissions.ts) as the API applies it, so pages offer only what will work.
 */
export function mayActOnRequest(user: UserView, request: RequestView, action: CaseAction): boolean {
  return mayActOnCase(
    {
      id: user.id,
      role: user.role,
      region: user.region,
      organizationId: user.organization?.id ?? null,
      coverage: user.coverage,
    },
    {
      assigneeId: request.assignee?.id ?? null,
      region: request.region,
      organizationId: request.organization.id,
      country: request.country,
      area: request.area,
    },
    action,
  );
}
