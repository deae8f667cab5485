import type { RequestStatus, RoutingTier } from './requests.js';
import type { Role } from './roles.js';
import type { CoverageEntry } from './users.js';

/**
 * Who may act on a case (docs/domain.md, "Case permissions"), the case part of the permission
 * model (./permissions.ts, where a route asks for `case.<action>`): one table, enforced by the API for every
 * action on a request through one function, and read by the web app to offer only what is
 * allowed. Visibility comes first and is not in it: a request the caller may not see is a 404
 * (api/src/requests/request-scope.ts); this table decides among those it sees.
 */
export const CASE_ACTIONS = [
  'reply', // a public message
  'internal-note', // a message only staff see
  'status', // a status change other than resolving (start, wait on the member, resume; a member's withdraw, confirm, reopen)
  'resolve',
  'priority',
  'area',
  'reassign', // give the case to someone else
  'claim', // take the case oneself
  'escalate', // hand it to the region's director, flagged
  'rate', // the member's satisfaction score
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Whose case it is, seen from the caller:
 * - `organization`: filed by the caller's organization (members);
 * - `assignee`: assigned to the caller;
 * - `region`: in the region the caller directs (directors);
 * - `unassigned-in-coverage`: nobody holds it and one of the caller's coverage entries matches
 *   it at some routing tier (staff claiming a case of their coverage);
 * - `any`: any case the caller sees.
 */
export type CaseRelation = 'organization' | 'assignee' | 'region' | 'unassigned-in-coverage' | 'any';

const WORKS_OWN_CASES = {
  reply: ['any'],
  'internal-note': ['any'],
  status: ['assignee'],
  resolve: ['assignee'],
  priority: ['assignee'],
  area: ['assignee'],
  reassign: ['assignee'],
  claim: ['unassigned-in-coverage'],
  escalate: ['assignee'],
} as const satisfies Partial<Record<CaseAction, readonly CaseRelation[]>>;

/**
 * Role × action → the cases on which it is allowed; an action a role lacks is refused on
 * every case. Staff comment (reply, internal note) on any case they see; only the assignee,
 * the director of the case's region and admins change it. The lifecycle
 * (shared/src/lifecycle.ts) still decides which status changes exist from where, and a
 * director who is the case's assignee outside its region acts as its assignee.
 */
export const CASE_PERMISSIONS: Readonly<Record<Role, Readonly<Partial<Record<CaseAction, readonly CaseRelation[]>>>>> =
  {
    member: { reply: ['organization'], status: ['organization'], rate: ['organization'] },
    representative: WORKS_OWN_CASES,
    specialist: WORKS_OWN_CASES,
    director: {
      reply: ['any'],
      'internal-note': ['any'],
      status: ['assignee', 'region'],
      resolve: ['assignee', 'region'],
      priority: ['assignee', 'region'],
      area: ['assignee', 'region'],
      reassign: ['assignee', 'region'],
      claim: ['region'],
    },
    // The executive directorate reads everything and changes nothing.
    executive: {},
    admin: {
      reply: ['any'],
      'internal-note': ['any'],
      status: ['any'],
      resolve: ['any'],
      priority: ['any'],
      area: ['any'],
      reassign: ['any'],
      claim: ['any'],
    },
  };

/** The caller, as far as the table needs it. */
export interface CaseActor {
  id: string;
  role: Role;
  /** A director's region. */
  region: string | null;
  /** A member's organization. */
  organizationId: string | null;
  /** Staff's coverage entries, where the action depends on them (a claim); absent: none known. */
  coverage?: readonly CoverageEntry[];
}

/** The case, as far as the table needs it. */
export interface CaseFacts {
  assigneeId: string | null;
  region: string;
  organizationId: string;
  /** The case's country and area, for a coverage match (absent: no coverage relation). */
  country?: string;
  area?: string;
}

/** Every relation the case has to the caller (`any` always: the caller sees it). */
export function caseRelations(actor: CaseActor, facts: CaseFacts): CaseRelation[] {
  const relations: CaseRelation[] = ['any'];
  if (actor.role === 'member' && actor.organizationId !== null && actor.organizationId === facts.organizationId)
    relations.push('organization');
  if (actor.role !== 'member' && facts.assigneeId !== null && facts.assigneeId === actor.id) relations.push('assignee');
  if (actor.role === 'director' && actor.region !== null && actor.region === facts.region) relations.push('region');
  if (facts.assigneeId === null && facts.country !== undefined && facts.area !== undefined) {
    const target = { country: facts.country, region: facts.region, area: facts.area };
    if ((actor.coverage ?? []).some((entry) => coverageTier(entry, target) !== null))
      relations.push('unassigned-in-coverage');
  }
  return relations;
}

/**
 * The routing tier at which a coverage entry matches a case (docs/domain.md, "Routing"), or
 * null when it does not: 1 country and area, 2 country, 3 region and area, 4 region, 5 area.
 */
export function coverageTier(
  entry: CoverageEntry,
  target: { country: string; region: string; area: string },
): RoutingTier | null {
  const area = entry.area ?? null;
  if (entry.country !== undefined && entry.country !== null) {
    if (entry.country !== target.country) return null;
    return area === null ? 2 : area === target.area ? 1 : null;
  }
  if (entry.region !== undefined && entry.region !== null) {
    if (entry.region !== target.region) return null;
    return area === null ? 4 : area === target.area ? 3 : null;
  }
  return area === target.area ? 5 : null;
}

/** Whether the caller may take this action on a case it sees. */
export function mayActOnCase(actor: CaseActor, facts: CaseFacts, action: CaseAction): boolean {
  const allowedOn = CASE_PERMISSIONS[actor.role]?.[action] ?? [];
  return caseRelations(actor, facts).some((relation) => allowedOn.includes(relation));
}

/** A status change is `resolve` when it resolves, `status` otherwise. */
export function transitionAction(to: RequestStatus): CaseAction {
  return to === 'resolved' ? 'resolve' : 'status';
}

/**
 * Who may give a case to whom: an admin to any staff member who works cases; anyone else
 * only to someone who may work in the case's region — that region's director, an admin, or
 * a representative or specialist with a coverage entry in that region (a country of it, the
 * region itself, or an area anywhere). The coverage is given with each entry's region
 * (a country's region for a country entry; null for an entry of an area alone).
 */
export interface AssignableStaff {
  role: Role;
  region: string | null;
  coverageRegions: (string | null)[];
}

export function mayWorkInRegion(person: AssignableStaff, region: string): boolean {
  switch (person.role) {
    case 'admin':
      return true;
    case 'director':
      return person.region === region;
    case 'representative':
    case 'specialist':
      return person.coverageRegions.some((entryRegion) => entryRegion === null || entryRegion === region);
    default:
      return false;
  }
}

export function mayAssignTo(assigner: CaseActor, assignee: AssignableStaff, caseRegion: string): boolean {
  return assigner.role === 'admin' || mayWorkInRegion(assignee, caseRegion);
}
