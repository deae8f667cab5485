import { isProblemCode, type ProblemCode, type ProblemDocument } from '@portal/shared';

import type { TranslationKey } from '../i18n/dictionary';

/**
 * What a person reads for each problem code the API sends (shared/src/problem.ts): a text of
 * the app's dictionaries, which every language defines. Exhaustive by its type: a code added
 * to the shared list without a text here does not compile. Pages with words of their own
 * for a code (the administration's, the sign-in page's) say those instead; this is the
 * message everywhere else.
 */
export const PROBLEM_MESSAGES: { readonly [C in ProblemCode]: TranslationKey } = {
  'validation.failed': 'requests.error.validation',
  'not-found': 'requests.error.notFound',
  'database-unavailable': 'requests.error.server',
  'health.database-down': 'requests.error.server',
  'auth.invalid-credentials': 'login.error.invalidCredentials',
  'auth.too-many-attempts': 'login.error.tooManyAttempts',
  'auth.unauthenticated': 'requests.error.sessionEnded',
  'auth.invalid-refresh-token': 'requests.error.sessionEnded',
  'auth.forbidden': 'requests.error.forbidden',
  'auth.busy': 'problem.busy',
  'auth.two-factor-failed': 'problem.twoFactorFailed',
  'auth.challenge-expired': 'problem.challengeExpired',
  'auth.two-factor-conflict': 'problem.twoFactorConflict',
  'webhooks.target-refused': 'problem.webhookTargetRefused',
  'accounts.link-gone': 'problem.linkGone',
  'accounts.forbidden': 'requests.error.forbidden',
  'accounts.wrong-password': 'problem.wrongPassword',
  'requests.transition-not-allowed': 'requests.error.transitionNotAllowed',
  'requests.stale-version': 'requests.error.staleVersion',
  'requests.closed': 'requests.error.closed',
  'requests.forbidden': 'requests.error.forbidden',
  'requests.idempotency-key-reused': 'requests.error.keyReused',
  'requests.already-assigned': 'requests.error.alreadyAssigned',
  'requests.already-escalated': 'requests.error.alreadyEscalated',
  'requests.no-director': 'requests.error.noDirector',
  'requests.not-resolved': 'requests.error.notResolved',
  'requests.already-rated': 'requests.error.alreadyRated',
  'satisfaction.link-invalid': 'problem.satisfactionLinkInvalid',
  'satisfaction.link-expired': 'problem.satisfactionLinkExpired',
  'satisfaction.closed': 'problem.satisfactionClosed',
  'views.name-taken': 'problem.viewNameTaken',
  'views.limit-reached': 'problem.viewLimit',
  'attachments.too-large': 'requests.error.fileTooLarge',
  'attachments.too-many': 'requests.error.tooManyFiles',
  'attachments.type-refused': 'requests.error.fileType',
  'attachments.name-refused': 'requests.error.fileType',
  'attachments.not-multipart': 'requests.error.fileType',
  'users.email-taken': 'problem.emailTaken',
  'users.self-lockout': 'problem.selfLockout',
  'users.erased': 'problem.userErased',
  'organizations.name-taken': 'problem.nameTaken',
  'organizations.fairtrade-id-taken': 'problem.fairtradeIdTaken',
  'holidays.exists': 'problem.holidayExists',
  'erasure.not-allowed': 'problem.notErasable',
  'canned.other-area': 'problem.cannedAnswerOtherArea',
  'canned.title-taken': 'problem.cannedAnswerTitleTaken',
  'kb.other-area': 'problem.kbOtherArea',
  'kb.slug-taken': 'problem.kbSlugTaken',
  'kb.stale-version': 'problem.kbStaleVersion',
  'kb.nothing-to-publish': 'problem.kbNothingToPublish',
  'kb.request-not-resolved': 'problem.kbRequestNotResolved',
  'kb.members-only': 'problem.kbMembersOnly',
  'reports.other-region': 'problem.otherRegion',
  'reports.empty-range': 'problem.emptyRange',
  'reports.range-too-long': 'problem.rangeTooLong',
};

/**
 * The problem document's code when it is one this app knows; null when there is none, or
 * when a newer API sent one this build has no text for (the page then goes by the status).
 */
export function problemCodeOf(problem: Pick<ProblemDocument, 'code'> | null | undefined): ProblemCode | null {
  const code: unknown = problem?.code;
  return isProblemCode(code) ? code : null;
}
