import {
  type AssignableStaff,
  can,
  CASE_PERMISSIONS,
  type CaseAction,
  type CaseActor,
  type CaseFacts,
  type CaseRelation,
  type CoverageEntry,
  mayActOnCase,
  mayAssignTo,
  ROLES,
  type Role,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { RequestForbiddenException } from './requests.exceptions';

/** The columns of a request row the case-permission table looks at. */
export interface CaseRow {
  assignee_id: string | null;
  region_code: string;
  organization_id: string;
  country_code?: string;
  area_code?: string;
}

/** The caller for the table; its coverage where the action depends on it (a claim). */
export function caseActor(caller: AuthUser, coverage?: readonly CoverageEntry[]): CaseActor {
  return {
    id: caller.id,
    role: caller.role,
    region: caller.regionCode,
    organizationId: caller.organizationId,
    ...(coverage ? { coverage } : {}),
  };
}

export function caseFacts(row: CaseRow): CaseFacts {
  return {
    assigneeId: row.assignee_id,
    region: row.region_code,
    organizationId: row.organization_id,
    ...(row.country_code !== undefined ? { country: row.country_code } : {}),
    ...(row.area_code !== undefined ? { area: row.area_code } : {}),
  };
}

/**
 * The one check of every action on a case (shared/src/case-permissions.ts): called by each
 * command of RequestsService and by uploads, after the request was found visible and locked,
 * before anything is written. Refused: 403 `requests.forbidden`, saying who may.
 */
export function authorizeCaseAction(
  caller: AuthUser,
  row: CaseRow,
  action: CaseAction,
  coverage?: readonly CoverageEntry[],
): void {
  if (!mayActOnCase(caseActor(caller, coverage), caseFacts(row), action)) {
    throw new RequestForbiddenException(`Only ${whoMay(action)} may ${VERBS[action]}.`, { action });
  }
}

/** Non-admins give a case only to someone who may work in its region. */
export function authorizeAssignee(caller: AuthUser, row: CaseRow, assignee: AssignableStaff): void {
  if (!mayAssignTo(caseActor(caller), assignee, row.region_code)) {
    throw new RequestForbiddenException(
      `The request is of region ${row.region_code}: it can go only to someone who may work there (its director, an admin, or staff whose coverage includes it).`,
      { action: 'reassign' },
    );
  }
}

const VERBS: Record<CaseAction, string> = {
  reply: 'reply on this request',
  'internal-note': 'write internal notes on this request',
  status: 'change the status of this request',
  resolve: 'resolve this request',
  priority: 'change the priority of this request',
  area: 'change the area of this request',
  reassign: 'give this request to someone else',
  claim: 'take this request',
  escalate: 'escalate this request',
  rate: 'rate this request',
};

function phrase(role: Role, relation: CaseRelation): string {
  if (relation === 'organization') return 'a member of its organization';
  if (relation === 'assignee') return 'its assignee';
  if (relation === 'region') return 'the director of its region';
  if (relation === 'unassigned-in-coverage') return 'staff whose coverage matches it while it is unassigned';
  // Those who see every case and may manage people: the admins.
  return can(role, 'users.manage') ? 'an admin' : 'staff who see it';
}

/** "its assignee, the director of its region or an admin", read from the table. */
function whoMay(action: CaseAction): string {
  const phrases = [
    ...new Set(
      ROLES.flatMap((role) => (CASE_PERMISSIONS[role][action] ?? []).map((relation) => phrase(role, relation))),
    ),
  ];
  return phrases.length <= 1 ? (phrases[0] ?? 'nobody') : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}
