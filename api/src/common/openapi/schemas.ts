import type { SchemaObject } from '@nestjs/swagger';
import {
  ATTACHMENT_LIMITS,
  DEADLINE_KINDS,
  DEADLINE_STATES,
  EMAIL_NOTIFICATION_CHOICES,
  ARTICLE_STATUSES,
  INBOUND_MAIL_OUTCOMES,
  INBOUND_MAIL_REFUSALS,
  LANGUAGES,
  LOW_SCORE_COMMENTS_MAX,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  ORGANIZATION_KINDS,
  PRESENCE_STATES,
  PRIORITIES,
  PROBLEM_CODES,
  QUALITY_GROUPS,
  REGION_CODES,
  REPORT_CHANGE_FIGURES,
  REPORT_GROUPS,
  REQUEST_STATUSES,
  ROUTING_REASON_CODES,
  SAVED_VIEW_PARAMS,
  ROLES,
  SATISFACTION_REASONS,
  THEMATIC_AREAS,
  TIMELINE_EVENT_TYPES,
  TREND_INTERVALS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
} from '@portal/shared';
import { NOTIFICATION_KINDS } from '../../notifications/templates';

/**
 * The response bodies of the API as OpenAPI components: the shapes of `shared/src` (and the
 * few views the API keeps to itself), written once here because TypeScript interfaces leave
 * nothing at run time. Objects are closed (`additionalProperties: false`): the API e2e
 * suites validate every answer against them, so a field added to a view without its schema
 * fails there.
 */

const refTo = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;

const string: SchemaObject = { type: 'string' };
const nullableString: SchemaObject = { type: 'string', nullable: true };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const nullableDateTime: SchemaObject = { type: 'string', format: 'date-time', nullable: true };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const integer: SchemaObject = { type: 'integer' };
const count: SchemaObject = { type: 'integer', minimum: 0 };
const boolean: SchemaObject = { type: 'boolean' };
const enumOf = (values: readonly (string | number)[], nullable = false): SchemaObject => ({
  type: typeof values[0] === 'number' ? 'integer' : 'string',
  enum: nullable ? [...values, null] : [...values],
  ...(nullable ? { nullable: true } : {}),
});

const stringList: SchemaObject = { type: 'array', items: string };

/** A closed object: every property listed is present (a null where there is none), no other. */
function object(properties: Record<string, SchemaObject>, extra: Partial<SchemaObject> = {}): SchemaObject {
  return { type: 'object', required: Object.keys(properties), properties, additionalProperties: false, ...extra };
}

const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });

const personRef = object({ id: uuid, name: string });
const satisfaction = object({ score: { type: 'integer', minimum: 1, maximum: 5 }, comment: nullableString });
const organizationRef = object({ id: uuid, name: string, country: string });
const absenceView = nullable(
  object({ from: dateTime, until: dateTime, replacement: nullable(personRef), awayNow: boolean }),
);

const articleBase: Record<string, SchemaObject> = {
  id: uuid,
  slug: string,
  area: enumOf(THEMATIC_AREAS),
  country: nullableString,
  product: nullableString,
  status: enumOf(ARTICLE_STATUSES),
  membersOnly: boolean,
  author: nullable(personRef),
  reviewer: nullable(personRef),
  lastReviewedAt: nullableDateTime,
  updatedAt: dateTime,
};

const articleHit = object({
  id: uuid,
  slug: string,
  area: enumOf(THEMATIC_AREAS),
  language: enumOf(LANGUAGES),
  title: string,
  excerpt: string,
  membersOnly: boolean,
});

const userViewProperties: Record<string, SchemaObject> = {
  id: uuid,
  email: { type: 'string', format: 'email' },
  name: string,
  role: enumOf(ROLES),
  language: enumOf(LANGUAGES),
  organization: nullable(organizationRef),
  region: enumOf(REGION_CODES, true),
  coverage: { type: 'array', items: refTo('CoverageEntry') },
  available: boolean,
  contact: boolean,
  emailNotifications: enumOf(EMAIL_NOTIFICATION_CHOICES),
};

const requestViewProperties: Record<string, SchemaObject> = {
  id: uuid,
  reference: { type: 'string', pattern: '^SR-[0-9]{4}-[0-9]{6,}$' },
  subject: string,
  description: string,
  status: enumOf(REQUEST_STATUSES),
  priority: enumOf(PRIORITIES),
  area: enumOf(THEMATIC_AREAS),
  organization: organizationRef,
  country: string,
  region: enumOf(REGION_CODES),
  assignee: nullable(personRef),
  routing: object({
    tier: enumOf([1, 2, 3, 4, 5], true),
    coverage: nullable(object({ country: nullableString, region: nullableString, area: nullableString })),
    assignee: nullable(object({ id: uuid, name: string, role: enumOf(ROLES, true) })),
    reasonCode: enumOf(ROUTING_REASON_CODES),
    reason: { ...string, description: "The decision in the reader's language; only staff read open-case counts." },
  }),
  createdBy: personRef,
  createdAt: dateTime,
  updatedAt: dateTime,
  firstRespondedAt: nullableDateTime,
  resolvedAt: nullableDateTime,
  closedAt: nullableDateTime,
  escalated: boolean,
  sla: object({
    firstResponseDueAt: nullableDateTime,
    resolutionDueAt: nullableDateTime,
    breached: boolean,
    warning: boolean,
  }),
  satisfaction: nullable(satisfaction),
  version: { type: 'integer', minimum: 1 },
};

const attachmentView = object({
  id: uuid,
  name: string,
  size: count,
  contentType: enumOf(ATTACHMENT_LIMITS.types),
  messageId: { ...uuid, nullable: true },
  createdAt: dateTime,
});

const messageViewProperties: Record<string, SchemaObject> = {
  id: uuid,
  body: string,
  internal: boolean,
  author: object({ id: uuid, name: string, role: enumOf(ROLES) }),
  createdAt: dateTime,
  attachments: { type: 'array', items: refTo('AttachmentView') },
};

const timelineEventProperties: Record<string, SchemaObject> = {
  id: uuid,
  event: enumOf(TIMELINE_EVENT_TYPES),
  actor: nullable(personRef),
  from: nullableString,
  to: nullableString,
  reason: nullableString,
  createdAt: dateTime,
};

const loadFiguresProperties: Record<string, SchemaObject> = {
  total: count,
  byStatus: object(Object.fromEntries(REQUEST_STATUSES.map((status) => [status, count]))),
  open: count,
  breached: count,
  aging: object({ d0_2: count, d3_7: count, d8_30: count, d31_plus: count }),
  medianFirstResponseHours: { type: 'number', nullable: true },
  medianResolutionHours: { type: 'number', nullable: true },
  satisfactionAvg: { type: 'number', nullable: true },
  cameDue: {
    ...count,
    description:
      'Requests whose deadlines came due: resolved or closed (met, or breached before), or breached and not settled (open or withdrawn)',
  },
  slaCompliance: {
    type: 'number',
    nullable: true,
    minimum: 0,
    maximum: 1,
    description:
      'Of those that came due, the share that kept every deadline: (cameDue − breached) / cameDue; null when nothing came due',
  },
};

/**
 * A report's range: `from` inclusive, `to` exclusive (the day after a date sent as `to`), as
 * ISO 8601 times; past 9999-12-31 in ISO 8601's expanded form (`+010000-01-01T00:00:00.000Z`),
 * which is not an RFC 3339 date-time.
 */
const reportTime: SchemaObject = {
  type: 'string',
  pattern: '^[+-]?\\d{4,6}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$',
};

const rate: SchemaObject = { type: 'number', nullable: true, minimum: 0, maximum: 1 };
const hoursOrNone: SchemaObject = { type: 'number', nullable: true };

/** The quality report's figures (shared/src/quality.ts). */
const qualityFiguresProperties: Record<string, SchemaObject> = {
  total: count,
  resolved: count,
  ratings: count,
  responseRate: rate,
  scores: object({ '1': count, '2': count, '3': count, '4': count, '5': count }),
  averageScore: { type: 'number', nullable: true, minimum: 1, maximum: 5 },
  medianFirstResponseHours: hoursOrNone,
  firstResponses: count,
  firstResponsesOnTime: count,
  firstResponseOnTimeRate: rate,
  medianResolutionHours: hoursOrNone,
  resolutionsOnTime: count,
  resolutionOnTimeRate: rate,
  breached: count,
};

const tokenPairProperties: Record<string, SchemaObject> = {
  accessToken: string,
  refreshToken: string,
  expiresIn: integer,
  user: refTo('UserView'),
};

const webhookEndpointProperties: Record<string, SchemaObject> = {
  id: uuid,
  url: string,
  description: nullableString,
  events: { type: 'array', items: enumOf(WEBHOOK_EVENTS) },
  enabled: boolean,
  consecutiveFailures: count,
  disabledAt: nullableDateTime,
  disabledReason: enumOf(['failures', 'manual'], true),
  createdAt: dateTime,
};

/** The body of a webhook delivery (also in the document's x-webhooks, one per event). */
const webhookPayload: SchemaObject = object({
  type: enumOf(WEBHOOK_EVENTS),
  timestamp: dateTime,
  data: object({
    requestId: uuid,
    reference: string,
    status: enumOf(REQUEST_STATUSES),
    priority: enumOf(PRIORITIES),
    area: enumOf(THEMATIC_AREAS),
    country: string,
    organizationId: uuid,
    assigneeId: nullable(uuid),
    actorId: nullable(uuid),
    from: { ...nullableString, description: 'status_changed: the former status; rated: the former score, if any' },
    to: { ...nullableString, description: 'status_changed: the new status; rated: the score (1–5)' },
    messageId: { ...nullable(uuid), description: 'message_added: the message (its text is not sent)' },
  }),
});

const page = (items: SchemaObject): SchemaObject =>
  object({ items: { type: 'array', items }, total: count, page: { type: 'integer', minimum: 1 }, pageSize: integer });

/** The RFC 9457 problem document, with every member `common/problem-details.filter.ts` and the exceptions send. */
const problem: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: '`about:blank#<code>`, or `about:blank` without a code' },
    title: string,
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: string,
    instance: string,
    code: { type: 'string', enum: [...PROBLEM_CODES], description: 'Stable machine-readable code (docs/api.md)' },
    errors: {
      type: 'object',
      description: 'validation.failed and the reports’ range codes: messages by field path',
      additionalProperties: { type: 'array', items: string },
    },
    allowed: { type: 'array', items: enumOf(REQUEST_STATUSES), description: 'requests.transition-not-allowed' },
    currentVersion: { type: 'integer', description: 'requests.stale-version' },
    changedBy: {
      type: 'string',
      nullable: true,
      description: 'requests.stale-version: who made the latest change (null: not a person, e.g. a scheduled job)',
    },
    action: { type: 'string', description: 'requests.forbidden: the case action refused' },
    retryAfterSeconds: { type: 'integer', minimum: 0, description: 'auth.too-many-attempts, auth.busy' },
    extension: { type: 'string', description: 'attachments.name-refused' },
    contentType: { type: 'string', description: 'attachments.name-refused' },
    allowedExtensions: { type: 'array', items: string, description: 'attachments.name-refused' },
    correlationId: { type: 'string', description: 'A 500: the id of the server’s log line' },
  },
  additionalProperties: false,
};

export const COMPONENT_SCHEMAS = {
  Problem: problem,
  PersonRef: personRef,
  OrganizationRef: organizationRef,
  CoverageEntry: {
    type: 'object',
    properties: { country: string, region: enumOf(REGION_CODES), area: enumOf(THEMATIC_AREAS) },
    additionalProperties: false,
  },
  UserView: object(userViewProperties),
  AdminUserView: object({
    ...userViewProperties,
    active: boolean,
    invitationPending: boolean,
    erased: { ...boolean, description: 'Personal data erased: the account cannot be reactivated' },
    awayUntil: nullableDateTime,
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  AdminUserPage: page(refTo('AdminUserView')),
  MyAbsence: object({ absence: absenceView }),
  SetAbsenceAnswer: object({ absence: absenceView, handover: nullable(object({ moved: count, stayed: count })) }),
  ReplacementCandidate: object({ id: uuid, name: string, role: enumOf(ROLES) }),
  TokenPair: object(tokenPairProperties),
  SignInChallenge: object({
    twoFactor: { ...enumOf(['verify', 'enrol']), description: 'verify: give a code; enrol: set two-factor up first' },
    challengeToken: { ...string, description: 'For the code step (POST /auth/two-factor/…); not an access token' },
    expiresIn: integer,
  }),
  LoginAnswer: { oneOf: [refTo('TokenPair'), refTo('SignInChallenge')] },
  TwoFactorSession: object({
    ...tokenPairProperties,
    deviceToken: {
      ...nullableString,
      description: 'With rememberDevice: send it with the next sign-ins to skip the code step for 30 days',
    },
  }),
  TwoFactorEnrolledSession: object({ ...tokenPairProperties, recoveryCodes: stringList }),
  TwoFactorSetup: object({
    secret: { ...string, description: 'The key in base32, to type into the app' },
    otpauthUri: string,
    qrCode: { ...string, description: 'The QR code of otpauthUri, as an SVG data URL' },
  }),
  TwoFactorEnabled: object({ recoveryCodes: { ...stringList, description: 'Ten single-use codes, shown this once' } }),
  TwoFactorStatus: object({
    enabled: boolean,
    enabledAt: nullableDateTime,
    required: boolean,
    recoveryCodesLeft: count,
    devices: {
      type: 'array',
      items: object({ id: uuid, label: nullableString, createdAt: dateTime, expiresAt: dateTime }),
    },
  }),
  WebhookEndpointView: object(webhookEndpointProperties),
  WebhookEndpointCreated: object({
    ...webhookEndpointProperties,
    secret: { ...string, description: 'The signing secret (whsec_…), shown this once' },
  }),
  WebhookPayload: webhookPayload,
  WebhookDeliveryView: object({
    id: uuid,
    messageId: string,
    event: enumOf(WEBHOOK_EVENTS),
    status: enumOf(WEBHOOK_DELIVERY_STATUSES),
    attempts: count,
    lastStatusCode: nullable(integer),
    lastError: nullableString,
    nextAttemptAt: nullableDateTime,
    deliveredAt: nullableDateTime,
    createdAt: dateTime,
    payload: refTo('WebhookPayload'),
  }),
  WebhookDeliveryPage: page(refTo('WebhookDeliveryView')),
  InvitationAnswer: object({ id: uuid, email: { type: 'string', format: 'email' }, expiresAt: dateTime }),
  Satisfaction: satisfaction,
  SatisfactionLinkView: object({
    reference: string,
    score: { type: 'integer', minimum: 1, maximum: 5, nullable: true },
    comment: nullableString,
    reasons: { type: 'array', items: enumOf(SATISFACTION_REASONS) },
  }),
  RequestView: object(requestViewProperties),
  // `unread` only in a member's list (a staff reply since their last visit).
  RequestListItem: object(
    {
      ...requestViewProperties,
      nextDeadline: nullable(object({ kind: enumOf(DEADLINE_KINDS), dueAt: dateTime, state: enumOf(DEADLINE_STATES) })),
      memberRepliedAt: nullableDateTime,
      unread: { ...boolean, description: "In a member's list only: a staff reply the member has not opened yet." },
    },
    { required: [...Object.keys(requestViewProperties), 'nextDeadline', 'memberRepliedAt'] },
  ),
  RequestPage: object({
    items: { type: 'array', items: refTo('RequestListItem') },
    total: {
      ...count,
      description:
        'How many requests the list holds, when totalIsExact; else the counting limit, which it holds more of ' +
        '(LIST_EXACT_TOTAL_LIMIT, 1,000 by default; a search by words in the work in progress, or by ' +
        'common words: SEARCH_EXACT_TOTAL_LIMIT, 200). Show it as "1,000+".',
    },
    totalIsExact: { ...boolean, description: 'false when the list holds more requests than `total` says.' },
    page: { type: 'integer', minimum: 1 },
    pageSize: integer,
    nextCursor: nullableString,
  }),
  AttachmentView: attachmentView,
  MessageView: object(messageViewProperties),
  RequestDetailView: object({
    ...requestViewProperties,
    timeline: {
      type: 'array',
      items: {
        oneOf: [
          object({ type: enumOf(['message']), ...messageViewProperties }),
          object({ type: enumOf(['event']), ...timelineEventProperties }),
        ],
      },
    },
    attachments: { type: 'array', items: refTo('AttachmentView') },
    allowedTransitions: { type: 'array', items: enumOf(REQUEST_STATUSES) },
  }),
  AssigneeCandidate: object({
    id: uuid,
    name: string,
    role: enumOf(ROLES),
    available: boolean,
    awayUntil: nullableDateTime,
    openCases: count,
    tier: enumOf([1, 2, 3, 4, 5], true),
    coverage: { type: 'array', items: refTo('CoverageEntry') },
    regionDirector: boolean,
  }),
  RoutingPreview: object({ tier: enumOf([1, 2, 3, 4, 5], true), assignee: nullable(personRef), reason: string }),
  OrganizationView: object({
    id: uuid,
    name: string,
    country: string,
    region: enumOf(REGION_CODES),
    kind: enumOf(ORGANIZATION_KINDS),
    products: { type: 'array', items: string },
    fairtradeId: nullableString,
    active: boolean,
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  OrganizationPage: page(refTo('OrganizationView')),
  NotificationView: object({
    id: uuid,
    kind: enumOf(NOTIFICATION_KINDS),
    requestId: { ...uuid, nullable: true },
    reference: nullableString,
    title: string,
    body: string,
    createdAt: dateTime,
    readAt: nullableDateTime,
  }),
  NotificationPage: page(refTo('NotificationView')),
  NotificationGroup: object({
    requestId: { ...uuid, nullable: true },
    reference: nullableString,
    count: { type: 'integer', minimum: 1 },
    unread: count,
    latest: refTo('NotificationView'),
  }),
  NotificationGroupPage: page(refTo('NotificationGroup')),
  NotificationSettings: object({
    events: {
      type: 'array',
      items: object({ event: enumOf(NOTIFICATION_EVENTS), channel: enumOf(NOTIFICATION_CHANNELS) }),
    },
  }),
  CasePresence: object({
    others: {
      type: 'array',
      items: object({ id: uuid, name: string, state: enumOf(PRESENCE_STATES), seenAt: dateTime }),
    },
  }),
  RegionView: object({ code: enumOf(REGION_CODES), name: string }),
  CountryView: object({
    code: string,
    name: string,
    region: enumOf(REGION_CODES),
    timezone: string,
    languages: { type: 'array', items: string },
  }),
  ThematicAreaView: object({ code: enumOf(THEMATIC_AREAS), name: string }),
  FunctionalDirectorateView: object({ code: string, name: string }),
  LoadReport: object({
    groupBy: enumOf(REPORT_GROUPS),
    from: reportTime,
    to: reportTime,
    region: nullableString,
    rows: { type: 'array', items: object({ key: string, label: string, ...loadFiguresProperties }) },
    totals: object(loadFiguresProperties),
    previous: object({ from: reportTime, to: reportTime, totals: object(loadFiguresProperties) }),
    change: object({
      ...Object.fromEntries(
        REPORT_CHANGE_FIGURES.map((figure) => [
          figure,
          { type: 'number', nullable: true, description: "Change in % of the previous period's figure" },
        ]),
      ),
      slaCompliancePoints: {
        type: 'number',
        nullable: true,
        description: "This period's SLA compliance minus the previous one's, in percentage points",
      },
    }),
  }),
  QualityReport: object({
    groupBy: enumOf(QUALITY_GROUPS),
    from: reportTime,
    to: reportTime,
    region: nullableString,
    rows: { type: 'array', items: object({ key: string, label: string, ...qualityFiguresProperties }) },
    totals: object(qualityFiguresProperties),
    lowScoreComments: {
      type: 'array',
      maxItems: LOW_SCORE_COMMENTS_MAX,
      items: object({
        requestId: uuid,
        reference: string,
        subject: string,
        score: { type: 'integer', minimum: 1, maximum: 2 },
        comment: nullableString,
        reasons: { type: 'array', items: enumOf(SATISFACTION_REASONS) },
        region: enumOf(REGION_CODES),
        country: string,
        area: enumOf(THEMATIC_AREAS),
        organization: personRef,
        assignee: nullable(personRef),
        createdAt: dateTime,
        resolvedAt: nullableDateTime,
      }),
    },
    lowScores: count,
  }),
  TrendReport: object({
    interval: enumOf(TREND_INTERVALS),
    timeZone: { ...string, description: 'The IANA time zone whose weeks or months the points are' },
    from: reportTime,
    to: reportTime,
    region: nullableString,
    points: {
      type: 'array',
      items: object({
        period: { type: 'string', format: 'date', description: 'First day of the week (Monday) or month, in timeZone' },
        new: count,
        resolved: count,
      }),
    },
  }),
  SlaPolicyView: object({
    id: uuid,
    area: enumOf(THEMATIC_AREAS),
    priority: enumOf(PRIORITIES),
    firstResponseHours: integer,
    resolutionHours: integer,
  }),
  HolidayView: object({ id: uuid, country: string, date: { type: 'string', format: 'date' }, name: string }),
  HolidayImportView: object({
    country: string,
    year: integer,
    added: { type: 'array', items: refTo('HolidayView') },
    skipped: count,
  }),
  CannedAnswerView: object({
    id: uuid,
    area: enumOf(THEMATIC_AREAS),
    language: enumOf(LANGUAGES),
    title: string,
    body: string,
    updatedAt: dateTime,
    updatedBy: nullable(personRef),
    mayEdit: boolean,
  }),
  RequestCannedAnswers: object({
    memberLanguage: enumOf(LANGUAGES),
    items: {
      type: 'array',
      items: object({ id: uuid, title: string, body: string, language: enumOf(LANGUAGES), fallback: boolean }),
    },
  }),
  BulkResult: object({
    results: {
      type: 'array',
      description: 'One per item, in the order sent',
      items: {
        oneOf: [
          object({ id: uuid, ok: { type: 'boolean', enum: [true] }, request: refTo('RequestView') }),
          object({ id: uuid, ok: { type: 'boolean', enum: [false] }, problem: refTo('Problem') }),
        ],
      },
    },
    changed: count,
    refused: count,
  }),
  SavedView: object({
    id: uuid,
    name: string,
    params: {
      type: 'object',
      properties: Object.fromEntries(SAVED_VIEW_PARAMS.map((name) => [name, string])),
      additionalProperties: false,
    },
    createdAt: dateTime,
  }),
  ArticleView: object({
    ...articleBase,
    language: enumOf(LANGUAGES),
    requestedLanguage: enumOf(LANGUAGES),
    fallback: boolean,
    availableLanguages: { type: 'array', items: enumOf(LANGUAGES) },
    title: string,
    body: string,
  }),
  ArticleHit: articleHit,
  ArticleHitPage: object({ items: { type: 'array', items: articleHit }, total: count, page: count, pageSize: count }),
  AnsweredResult: object({ counted: boolean }),
  ArticleSummary: object({
    id: uuid,
    slug: string,
    area: enumOf(THEMATIC_AREAS),
    status: enumOf(ARTICLE_STATUSES),
    title: string,
    languages: { type: 'array', items: enumOf(LANGUAGES) },
    lastReviewedAt: nullableDateTime,
    updatedAt: dateTime,
    mayEdit: boolean,
  }),
  ArticleEditorView: object({
    ...articleBase,
    versions: {
      type: 'array',
      items: object({ language: enumOf(LANGUAGES), title: string, body: string, updatedAt: dateTime }),
    },
    sourceRequestId: nullable(uuid),
    openSuggestions: count,
    translationRequests: { type: 'array', items: object({ language: enumOf(LANGUAGES), count }) },
    mayEdit: boolean,
    version: integer,
  }),
  ArticleSuggestionView: object({
    id: uuid,
    language: enumOf(LANGUAGES),
    body: string,
    author: nullable(personRef),
    createdAt: dateTime,
  }),
  KnowledgeBaseReport: object({
    from: dateTime,
    to: dateTime,
    rows: {
      type: 'array',
      items: object({
        area: enumOf(THEMATIC_AREAS),
        publishedArticles: count,
        views: count,
        answered: count,
        filedAfterReading: count,
      }),
    },
  }),
  AuditEntryView: object({
    id: { type: 'string', pattern: '^[0-9]+$' },
    at: dateTime,
    actor: nullable(object({ id: uuid, name: string, email: string })),
    action: string,
    entityType: string,
    entityId: string,
    changes: { type: 'object', additionalProperties: true },
    ip: nullableString,
    userAgent: nullableString,
  }),
  AuditPage: object({
    items: { type: 'array', items: refTo('AuditEntryView') },
    nextCursor: { type: 'string', pattern: '^[0-9]+$', nullable: true },
  }),
  PersonalDataErasure: object({
    userId: uuid,
    erasedAt: dateTime,
    messagesRedacted: count,
    requestsRedacted: count,
    attachmentsRemoved: count,
  }),
  InboundMailView: object({
    id: uuid,
    receivedAt: dateTime,
    from: string,
    subject: string,
    outcome: enumOf(INBOUND_MAIL_OUTCOMES),
    refusal: enumOf(INBOUND_MAIL_REFUSALS, true),
    request: nullable(object({ id: uuid, reference: string })),
    sender: nullable(object({ id: uuid, name: string })),
    refusedFiles: { type: 'array', items: object({ name: string, reason: string }) },
  }),
  InboundMailPage: page(refTo('InboundMailView')),
  HealthLive: object({ status: enumOf(['ok']) }),
  HealthReady: object({ status: enumOf(['ok']), database: enumOf(['up']) }),
} satisfies Record<string, SchemaObject>;

export type ComponentName = keyof typeof COMPONENT_SCHEMAS;

/** A reference to a component schema of this document (never made nullable: OpenAPI 3.0 ignores a $ref's siblings). */
export const ref = (name: ComponentName): SchemaObject => refTo(name);
