/**
 * The audit trail (docs/domain.md, "Audit trail"): every administrative change, sign-in,
 * failed sign-in and export, append-only. Admins read it (GET /audit-log) and export it.
 */

/**
 * The kinds of entry the portal writes, for the screen's filter and labels (the API accepts any
 * action text). api/src/audit/audit-actions.spec.ts fails when the API writes one missing here.
 */
export const AUDIT_ACTIONS = [
  'auth.signed-in',
  'auth.sign-in-failed',
  'user.created',
  'user.updated',
  'user.invited',
  'user.profile-updated',
  'user.password-changed',
  'user.absence-set',
  'user.absence-cleared',
  'user.absence-handover',
  'organization.created',
  'organization.updated',
  'sla-policy.updated',
  'holiday.created',
  'holiday.deleted',
  'canned-answer.created',
  'canned-answer.updated',
  'canned-answer.deleted',
  'kb-article.created',
  'kb-article.updated',
  'kb-article.version-saved',
  'kb-article.status-changed',
  'kb-article.suggestion-closed',
  'kb-article.drafted-from-request',
  'two-factor.enabled',
  'two-factor.disabled',
  'two-factor.reset',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'report.exported',
  'audit-log.exported',
  'personal-data.exported',
  'personal-data.erased',
  'attachments.retention-deleted',
] as const;

/** The kinds of record entries are about, for the screen's filter. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'organization',
  'sla-policy',
  'holiday',
  'canned-answer',
  'kb-article',
  'article',
  'webhook',
  'report',
  'audit-log',
  'request',
] as const;

/** One entry of the audit trail. */
export interface AuditEntryView {
  /** Increasing with time: the keyset of the pages. */
  id: string;
  at: string;
  /** Who did it; null for a failed sign-in of an unknown email and for scheduled jobs. */
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  /** What changed: the fields given, and `before` / `after` where an existing record changed. */
  changes: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/** A page of the audit trail, newest first; `nextCursor` (the `before` of the next page) is null on the last. */
export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

/** What replaces an erased person's words (messages, subjects, descriptions, comments, reasons). */
export const REDACTED_TEXT = '[removed at the person’s request]';
