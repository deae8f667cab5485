/**
 * Every `code` the API puts in a problem document: the one list the API's exceptions are
 * typed by (an unknown code does not compile) and the web app maps to a message in each
 * language (a code without one does not compile). Grouped by the feature that raises it.
 */
export const PROBLEM_CODES = [
  // Any route: the body, query or parameters failed validation (with `errors` by field).
  'validation.failed',
  // The resource does not exist, or the caller may not see it.
  'not-found',
  // The database does not answer (stopped, restarting, connection cut): retry.
  'database-unavailable',
  // GET /health/ready: the database does not answer.
  'health.database-down',
  // Sign-in, tokens and roles.
  'auth.invalid-credentials',
  'auth.too-many-attempts',
  'auth.unauthenticated',
  'auth.invalid-refresh-token',
  'auth.forbidden',
  'auth.busy',
  // Two-factor sign-in: a wrong or used code, a challenge past its time, or a step that does
  // not fit the account's state (already on, not set up).
  'auth.two-factor-failed',
  'auth.challenge-expired',
  'auth.two-factor-conflict',
  // Webhooks: an endpoint's address is not allowed (not https, or a private address).
  'webhooks.target-refused',
  // Invitation and password-reset links, colleagues.
  'accounts.link-gone',
  'accounts.forbidden',
  // Changing one's own password: the current password given is not the account's.
  'accounts.wrong-password',
  // Requests and their case actions.
  'requests.transition-not-allowed',
  'requests.stale-version',
  'requests.closed',
  'requests.forbidden',
  'requests.idempotency-key-reused',
  'requests.already-assigned',
  'requests.already-escalated',
  'requests.no-director',
  'requests.not-resolved',
  'requests.already-rated',
  // Satisfaction links (the resolution email's one-tap scores): not a link of ours, past its
  // date, or the request closed (its score can no longer change).
  'satisfaction.link-invalid',
  'satisfaction.link-expired',
  'satisfaction.closed',
  // Saved inbox views: a name used twice by one person, more than a person may keep.
  'views.name-taken',
  'views.limit-reached',
  // Files on requests and messages.
  'attachments.too-large',
  'attachments.too-many',
  'attachments.type-refused',
  'attachments.name-refused',
  'attachments.not-multipart',
  // Administration.
  'users.email-taken',
  'users.self-lockout',
  'users.erased',
  'organizations.name-taken',
  'organizations.fairtrade-id-taken',
  'holidays.exists',
  // Erasing a person: only an organization's member, not oneself, and once.
  'erasure.not-allowed',
  // Canned answers: an area the caller does not write for; a title its area and language already have.
  'canned.other-area',
  'canned.title-taken',
  // Knowledge base: an area the caller does not write for; a slug taken; a stale version; an
  // article without a version to publish; a request not yet answered; an article for members only.
  'kb.other-area',
  'kb.slug-taken',
  'kb.stale-version',
  'kb.nothing-to-publish',
  'kb.request-not-resolved',
  'kb.members-only',
  // Directors' reports.
  'reports.other-region',
  'reports.empty-range',
  'reports.range-too-long',
] as const;

/** A stable, machine-readable problem code, e.g. "auth.invalid-credentials". */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (PROBLEM_CODES as readonly string[]).includes(value);
}

/** An RFC 9457 problem document, as every error of the API is answered. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /**
   * Stable machine-readable code, e.g. "auth.invalid-credentials". Absent on errors the
   * framework answers without one (unknown route, malformed JSON, rate limit, 500). A client
   * talking to a newer API may meet a code it does not know: check it with isProblemCode.
   */
  code?: ProblemCode;
  /** Validation errors by field path. */
  errors?: Record<string, string[]>;
  /** Allowed transitions, on a 409 from the lifecycle. */
  allowed?: string[];
  /** requests.stale-version: who made the latest change (null: not a person). */
  changedBy?: string | null;
  /** Carried by 500 answers so a report can be matched with the server's log line. */
  correlationId?: string;
  instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
