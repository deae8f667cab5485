import type { RegionCode, ThematicArea } from './reference.js';
import type { Role } from './roles.js';
import type { CoverageEntry, OrganizationRef } from './users.js';

export const REQUEST_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_member',
  'resolved',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses that count as a staff member's open load, for routing and reports. */
export const OPEN_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_member',
] as const satisfies readonly RequestStatus[];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REQUEST_SORT_FIELDS = ['createdAt', 'updatedAt', 'priority', 'dueAt'] as const;
export type RequestSortField = (typeof REQUEST_SORT_FIELDS)[number];

/** The routing tier that chose the assignee (docs/domain.md, "Routing"). */
export const ROUTING_TIERS = {
  1: 'country and area',
  2: 'country, any area',
  3: 'region and area',
  4: 'region, any area',
  5: 'area, any place',
} as const;
export type RoutingTier = keyof typeof ROUTING_TIERS;

export interface PersonRef {
  id: string;
  name: string;
}

/**
 * Why routing chose whom it chose, as a code the reader's language phrases: the tier's place
 * and area ("country-area" … "area"), nobody covering it ("triage"), or a case someone has
 * since handed to another person ("reassigned").
 */
export const ROUTING_REASON_CODES = [
  'country-area',
  'country',
  'region-area',
  'region',
  'area',
  'triage',
  'reassigned',
] as const;
export type RoutingReasonCode = (typeof ROUTING_REASON_CODES)[number];

/** Routing's decision on a request, in the reader's language (docs/domain.md, "Routing"). */
export interface RoutingView {
  tier: RoutingTier | null;
  /** The coverage entry that matched: a country or a region (or neither: anywhere), an area or any. */
  coverage: { country: string | null; region: string | null; area: string | null } | null;
  /** Whom routing gave the request to (an away person's replacement, if so); null in triage. */
  assignee: (PersonRef & { role: Role | null }) | null;
  reasonCode: RoutingReasonCode;
  /**
   * The decision in a sentence of the reader's language. Staff read the chosen person's open
   * cases at that moment; members never read colleagues' workloads.
   */
  reason: string;
}

/** A service request as the API returns it. */
export interface RequestView {
  id: string;
  /** SR-<year>-<6-digit sequence>, e.g. SR-2026-000042. */
  reference: string;
  subject: string;
  description: string;
  status: RequestStatus;
  priority: Priority;
  area: ThematicArea;
  organization: OrganizationRef;
  country: string;
  region: RegionCode;
  assignee: PersonRef | null;
  routing: RoutingView;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  escalated: boolean;
  /**
   * `warning`: 75 % of the business time of the deadline now running (the first response
   * until there is one, then the resolution) is used; its assignee was warned.
   */
  sla: { firstResponseDueAt: string | null; resolutionDueAt: string | null; breached: boolean; warning: boolean };
  satisfaction: { score: number; comment: string | null } | null;
  version: number;
}

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  messageId: string | null;
  createdAt: string;
}

export interface MessageView {
  id: string;
  body: string;
  internal: boolean;
  author: PersonRef & { role: string };
  createdAt: string;
  attachments: AttachmentView[];
}

export const TIMELINE_EVENT_TYPES = [
  'created',
  'routed',
  'assigned',
  'status_changed',
  'escalated',
  'priority_changed',
  'area_changed',
  'rated',
  // The SLA sweep's: `to` names the deadline (SLA_DEADLINES); no actor.
  'sla_warning',
  'sla_breached',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** A request's two SLA deadlines, as the SLA events and notifications name them. */
export const SLA_DEADLINES = ['first_response', 'resolution'] as const;
export type SlaDeadline = (typeof SLA_DEADLINES)[number];

/** The share of a deadline's business time after which the assignee is warned. */
export const SLA_WARNING_SHARE = 0.75;

/** Events of the staff's work on the deadlines, left out of a member's timeline. */
export const STAFF_ONLY_EVENT_TYPES = ['sla_warning', 'sla_breached'] as const satisfies readonly TimelineEventType[];

export interface TimelineEvent {
  id: string;
  event: TimelineEventType;
  actor: PersonRef | null;
  from: string | null;
  to: string | null;
  reason: string | null;
  createdAt: string;
}

export type TimelineEntry = ({ type: 'message' } & MessageView) | ({ type: 'event' } & TimelineEvent);

export interface RequestDetailView extends RequestView {
  timeline: TimelineEntry[];
  /** Files attached to the request itself (not to a message). */
  attachments: AttachmentView[];
  /** The transitions the caller may make now, from the lifecycle table. */
  allowedTransitions: RequestStatus[];
}

export interface CreateRequestBody {
  area: ThematicArea;
  subject: string;
  description: string;
  priority?: Priority;
}

export interface UpdateRequestBody {
  priority?: Priority;
  area?: ThematicArea;
  version: number;
}

export interface CreateMessageBody {
  body: string;
  internal?: boolean;
  /** The version the message was written on: a stale one is refused (409 requests.stale-version). */
  version?: number;
}

export interface TransitionBody {
  to: RequestStatus;
  reason?: string;
}

export interface AssignBody {
  assigneeId: string;
  /** Why, shown on the timeline: optional in the API; the web app asks for it when the case changes hands. */
  reason?: string;
}

/**
 * Someone the caller may give a request to (GET /requests/{id}/assignees): active, works
 * cases, has accepted its invitation, may work in the request's region (an admin gives to
 * anyone), and is not its assignee. Those whose coverage matches the request come first.
 */
export interface AssigneeCandidate {
  id: string;
  name: string;
  role: Role;
  /** Neither on leave (an admin's switch) nor away now (the person's own absence). */
  available: boolean;
  /** The end of the person's absence when it covers now; null: not away. */
  awayUntil: string | null;
  /** Requests assigned to the person and not finished (new, assigned, in progress, waiting). */
  openCases: number;
  /** The best routing tier at which the person's coverage matches the request; null: none does. */
  tier: RoutingTier | null;
  /** The person's coverage entries that match the request (empty: none does). */
  coverage: CoverageEntry[];
  /** The director of the request's region. */
  regionDirector: boolean;
}

export interface EscalateBody {
  reason: string;
}

export interface SatisfactionBody {
  score: number;
  comment?: string;
}

export interface RoutingPreview {
  tier: RoutingTier | null;
  assignee: PersonRef | null;
  reason: string;
}

/** Attachments: accepted types (checked from the content), size and count limits. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPerMessage: 5,
  types: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/webp',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text',
    'text/plain',
    'text/csv',
  ],
} as const;

export type AttachmentContentType = (typeof ATTACHMENT_LIMITS.types)[number];

/**
 * The name extensions each accepted type may carry (lower case; the first is the one given to
 * a name without any). A file whose name ends otherwise is refused, whatever its content: a
 * PDF named "factura.exe" or "invoice.hta" would be opened by the wrong program.
 */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentContentType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};
