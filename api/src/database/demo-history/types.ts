import type { Language, Priority, RequestStatus, Role, ThematicArea, TimelineEventType } from '@portal/shared';
import type { NotificationKind } from '../../notifications/templates';
import type { CandidateCoverage, RoutingFacts } from '../../requests/routing/routing-engine';

/** Who works cases, as the generator needs to know them (read from the database). */
export interface StaffPerson {
  id: string;
  name: string;
  role: Role;
  /** A director's region. */
  region: string | null;
  available: boolean;
  language: Language;
  /** The region of each coverage entry (its own, its country's, or null for an area anywhere). */
  coverageRegions: (string | null)[];
}

export interface MemberPerson {
  id: string;
  name: string;
  language: Language;
  contact: boolean;
}

export interface DemoOrganization {
  id: string;
  /** The key of the organization in shared/data/demo.json (its seasons). */
  key: string;
  name: string;
  country: string;
  kind: 'small-producer' | 'workers';
  products: string[];
  members: MemberPerson[];
}

export interface CountryInfo {
  code: string;
  region: string;
  timeZone: string;
}

/** Everything the history is made from: a seed, a moment and the demo data as the database holds it. */
export interface HistoryInput {
  seed: number;
  /** The moment the history ends (ms since the epoch): the portal's first start. */
  now: number;
  /** How far back it goes. */
  months: number;
  countries: ReadonlyMap<string, CountryInfo>;
  /** English names, as routing writes its reasons. */
  names: {
    countries: ReadonlyMap<string, string>;
    regions: ReadonlyMap<string, string>;
    areas: ReadonlyMap<string, string>;
  };
  organizations: readonly DemoOrganization[];
  staff: readonly StaffPerson[];
  /** Coverage entries of active staff (routing's candidates). */
  coverage: readonly CandidateCoverage[];
  /** SLA policy by `area|priority`, in business hours. */
  policies: ReadonlyMap<string, { firstResponseHours: number; resolutionHours: number }>;
  /** Holidays by country (YYYY-MM-DD). */
  holidays: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Times are milliseconds since the epoch. */
export interface RequestRow {
  id: string;
  createdAt: number;
  subject: string;
  description: string;
  status: RequestStatus;
  priority: Priority;
  area: ThematicArea;
  organizationId: string;
  country: string;
  region: string;
  assigneeId: string | null;
  assignedAt: number | null;
  createdBy: string;
  updatedAt: number;
  firstRespondedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  escalated: boolean;
  routingTier: number | null;
  routingReason: string;
  routingCoverage: { country: string | null; region: string | null; area: string | null } | null;
  /** The decision's fields, phrased for each reader (routing-explanation.ts). */
  routingFacts: RoutingFacts | null;
  firstResponseDueAt: number;
  resolutionDueAt: number;
  breached: boolean;
  satisfactionScore: number | null;
  satisfactionComment: string | null;
  version: number;
  slaPausedAt: number | null;
  slaPausedMinutes: number;
  /** What the search documents are made of: public messages, internal notes. */
  publicText: string;
  internalText: string;
}

export interface MessageRow {
  id: string;
  requestId: string;
  authorId: string;
  body: string;
  internal: boolean;
  createdAt: number;
}

export interface EventRow {
  id: string;
  requestId: string;
  actorId: string | null;
  type: TimelineEventType;
  from: string | null;
  to: string | null;
  reason: string | null;
  createdAt: number;
}

export interface AttachmentRow {
  id: string;
  requestId: string;
  messageId: string | null;
  uploadedBy: string;
  fileName: string;
  contentType: string;
  sha256: string;
  storageKey: string;
  createdAt: number;
  content: Buffer;
}

export interface NotificationRow {
  recipientId: string;
  kind: NotificationKind;
  requestId: string;
  eventKey: string;
  /** The template's parameters but the reference, which the writer adds when it numbers the request. */
  params: Record<string, string>;
  createdAt: number;
  readAt: number | null;
}

export interface HistoryCase {
  request: RequestRow;
  messages: MessageRow[];
  events: EventRow[];
  attachments: AttachmentRow[];
  notifications: NotificationRow[];
}

export interface DemoHistory {
  cases: HistoryCase[];
  /** The last time each staff member was given a request (users.last_assigned_at). */
  lastAssigned: ReadonlyMap<string, number>;
}
