import type { Priority, RequestStatus, RequestView } from './requests.js';
import type { ProblemDocument } from './problem.js';
import { OPEN_STATUSES } from './requests.js';

/** A deadline this close (or closer) is shown as near: a working day's warning. */
export const DEADLINE_NEAR_HOURS = 24;

export const DEADLINE_KINDS = ['first-response', 'resolution'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATES = ['ok', 'near', 'breached'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** The next SLA target of an open request: which one, when, and how close (at the API's clock). */
export interface NextDeadline {
  kind: DeadlineKind;
  dueAt: string;
  state: DeadlineState;
}

/**
 * A row of GET /requests: the request, plus what the inbox shows on one line. Additive: a
 * client that reads a RequestView reads it unchanged.
 */
export interface RequestListItem extends RequestView {
  /** Null when the request is finished (resolved, closed, withdrawn) or has no targets. */
  nextDeadline: NextDeadline | null;
  /**
   * When the member wrote last after staff had answered: the time of the newest public message
   * when a member of the organization wrote it and staff had replied before; otherwise null.
   */
  memberRepliedAt: string | null;
  /** In a member's list only: a staff reply the member has not opened yet. */
  unread?: boolean;
}

/**
 * The next deadline of a request: the first answer until there is one, then the resolution;
 * none once the request is finished. `now` is the API's clock.
 */
export function nextDeadlineOf(
  request: Pick<RequestView, 'status' | 'firstRespondedAt' | 'sla'>,
  now: Date,
): NextDeadline | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) return null;
  const firstPending = request.firstRespondedAt === null && request.sla.firstResponseDueAt !== null;
  const dueAt = firstPending ? request.sla.firstResponseDueAt : request.sla.resolutionDueAt;
  if (dueAt === null) return null;
  const left = Date.parse(dueAt) - now.getTime();
  const state: DeadlineState = left < 0 ? 'breached' : left <= DEADLINE_NEAR_HOURS * 3_600_000 ? 'near' : 'ok';
  return { kind: firstPending ? 'first-response' : 'resolution', dueAt, state };
}

/** The changes POST /requests/bulk makes, each the same as its one-case route's. */
export const BULK_ACTIONS = ['status', 'priority', 'assign'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many cases in one bulk call. */
export const BULK_MAX_ITEMS = 50;

export interface BulkItem {
  id: string;
  /** The version the caller saw (the list's `version`): a case changed since is refused (409), not overwritten. */
  version: number;
}

export interface BulkRequestsBody {
  action: BulkAction;
  items: BulkItem[];
  /** action "status": the status to move each case to (as POST /requests/{id}/transitions). */
  to?: RequestStatus;
  /** action "priority". */
  priority?: Priority;
  /** action "assign": the person (oneself: a claim), as POST /requests/{id}/assign. */
  assigneeId?: string;
  /** Why (status and assign): on each case's timeline. */
  reason?: string;
}

/** One case's outcome: changed (with the request as it now is) or refused (with why). */
export type BulkItemResult =
  { id: string; ok: true; request: RequestView } | { id: string; ok: false; problem: ProblemDocument };

export interface BulkResult {
  results: BulkItemResult[];
  changed: number;
  refused: number;
}

/** The staff inbox's views (its tabs): the URL's `tab`. */
export const INBOX_TABS = ['mine', 'coverage', 'unassigned', 'breached'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** The inbox's URL parameters that narrow its list (beyond the view and the sort). */
export const INBOX_FILTER_PARAMS = [
  'status',
  'area',
  'country',
  'region',
  'escalated',
  'q',
  'organization',
  'assignee',
  'from',
  'to',
] as const;

/** The inbox's URL parameters a saved view keeps (the page is not kept). */
export const SAVED_VIEW_PARAMS = ['tab', ...INBOX_FILTER_PARAMS, 'sort'] as const;
export type SavedViewParam = (typeof SAVED_VIEW_PARAMS)[number];

export const SAVED_VIEW_LIMITS = { perPerson: 20, nameMin: 1, nameMax: 60, valueMax: 200 } as const;

/** A named inbox view of one person: its filters and sort, as the inbox's URL parameters. */
export interface SavedView {
  id: string;
  name: string;
  params: Partial<Record<SavedViewParam, string>>;
  createdAt: string;
}

export interface SaveViewBody {
  name: string;
  params: Partial<Record<SavedViewParam, string>>;
}
