import { CASE_PERMISSIONS } from './case-permissions.js';
import type { RequestStatus } from './requests.js';
import type { Role } from './roles.js';

/** Who may make a transition: the request's member organization, or case-working staff. */
export type TransitionActor = 'member' | 'staff';

export interface Transition {
  from: RequestStatus;
  to: RequestStatus;
  by: TransitionActor;
  /** A reopen is allowed only until this many days after resolution. */
  withinDaysOfResolution?: number;
}

export const REOPEN_WINDOW_DAYS = 14;
export const AUTO_CLOSE_DAYS = 7;

/**
 * The request lifecycle (docs/domain.md, "Lifecycle"): the one table the API enforces and the web app reads to
 * show only the actions allowed. Routing and assignment move `new` to `assigned` through
 * their own endpoints, not through this table.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'withdrawn', by: 'member' },
  { from: 'assigned', to: 'withdrawn', by: 'member' },
  { from: 'assigned', to: 'in_progress', by: 'staff' },
  { from: 'in_progress', to: 'waiting_on_member', by: 'staff' },
  { from: 'waiting_on_member', to: 'in_progress', by: 'staff' },
  { from: 'in_progress', to: 'resolved', by: 'staff' },
  { from: 'waiting_on_member', to: 'resolved', by: 'staff' },
  { from: 'resolved', to: 'closed', by: 'member' },
  { from: 'resolved', to: 'in_progress', by: 'member', withinDaysOfResolution: REOPEN_WINDOW_DAYS },
  { from: 'closed', to: 'in_progress', by: 'member', withinDaysOfResolution: REOPEN_WINDOW_DAYS },
];

/**
 * Which side of the table a role takes, read from the case permissions: a role that changes
 * the status of its organization's cases acts as the member; any other that changes a
 * status on some case as staff; one that changes none (the executive directorate, which
 * reads everything and changes nothing) makes no transition.
 */
export function transitionActor(role: Role): TransitionActor | null {
  const status = CASE_PERMISSIONS[role].status ?? [];
  if (status.includes('organization')) return 'member';
  return status.length > 0 ? 'staff' : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The statuses the caller may move a request to now. */
export function allowedTransitions(
  status: RequestStatus,
  role: Role,
  context: { resolvedAt: Date | null; now: Date },
): RequestStatus[] {
  const actor = transitionActor(role);
  if (!actor) return [];
  return TRANSITIONS.filter((t) => t.from === status && t.by === actor)
    .filter(
      (t) =>
        t.withinDaysOfResolution === undefined ||
        (context.resolvedAt !== null &&
          context.now.getTime() - context.resolvedAt.getTime() <= t.withinDaysOfResolution * DAY_MS),
    )
    .map((t) => t.to);
}

/** A reopen: from resolved or closed back to work. */
export function isReopen(from: RequestStatus, to: RequestStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'in_progress';
}
