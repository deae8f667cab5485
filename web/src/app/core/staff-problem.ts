import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemCode } from '@portal/shared';

import { isNetworkError, problemOf } from './api';
import { PROBLEM_MESSAGES, problemCodeOf } from './problem-messages';
import type { StaffTextKey, StaffTranslate } from './staff-i18n/staff-dictionaries';

/** A failed call of the inbox or the administration pages, in the person's language. */
export interface StaffProblem {
  /** A sentence for the top of the form or list. */
  readonly message: string;
  /** Messages by field path of the request body ("name", "coverage.2.country"). */
  readonly fields: Readonly<Record<string, string>>;
  readonly code: ProblemCode | null;
  readonly status: number;
}

/** Conflicts that belong to one field of the form: their message is shown next to it. */
const CONFLICT_FIELDS: { readonly [C in ProblemCode]?: string } = {
  'organizations.name-taken': 'name',
  'organizations.fairtrade-id-taken': 'fairtradeId',
  'users.email-taken': 'email',
};

/** Codes these pages say before the status's general message: in their own words, or the code's. */
const CODE_MESSAGES: { readonly [C in ProblemCode]?: StaffTextKey } = {
  'users.self-lockout': PROBLEM_MESSAGES['users.self-lockout'],
  'users.erased': PROBLEM_MESSAGES['users.erased'],
  'erasure.not-allowed': PROBLEM_MESSAGES['erasure.not-allowed'],
  'not-found': 'inbox.error.notFound',
};

const STATUS_MESSAGES: Readonly<Record<number, StaffTextKey>> = {
  400: 'inbox.error.invalid',
  401: 'inbox.error.session',
  403: 'inbox.error.forbidden',
  404: 'inbox.error.notFound',
  409: 'inbox.error.conflict',
  429: 'inbox.error.busy',
};

/**
 * The API's field messages are English sentences for developers; these patterns say the same
 * in the person's language. Anything else gets a general "not accepted" next to the field.
 */
const FIELD_MESSAGES: readonly (readonly [RegExp, StaffTextKey])[] = [
  [/email/, 'admin.error.email'],
  [/belongs to an organization|no organization has this id/, 'admin.error.organizationRequired'],
  [/directs a region/, 'admin.error.regionRequired'],
  [/members have no coverage/, 'admin.error.memberCoverage'],
  [/staff do not belong/, 'admin.error.staffOrganization'],
  [/only a member can be/, 'admin.error.contactMember'],
  [/only staff have a region/, 'admin.error.staffRegion'],
  [/name a country, a region or an area/, 'admin.error.coverageEmpty'],
  [/not both/, 'admin.error.coverageBoth'],
  [/country/, 'admin.error.country'],
  [/longer than|shorter than|must be longer|must be shorter|should not be empty/, 'admin.error.length'],
];

export function describeStaffProblem(error: unknown, t: StaffTranslate): StaffProblem {
  if (isNetworkError(error)) return { message: t('inbox.error.network'), fields: {}, code: null, status: 0 };
  if (!(error instanceof HttpErrorResponse)) {
    // SessionEndedError and the like: the session is over and the sign-in page is on its way.
    return { message: t('inbox.error.session'), fields: {}, code: null, status: 401 };
  }
  const problem = problemOf(error);
  const code = problemCodeOf(problem);
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    const sentence = messages.join(' ');
    const known = FIELD_MESSAGES.find(([pattern]) => pattern.test(sentence));
    fields[field] = t(known ? known[1] : 'admin.error.invalid');
  }
  const conflictField = code ? CONFLICT_FIELDS[code] : undefined;
  if (code && conflictField) fields[conflictField] = t(PROBLEM_MESSAGES[code]);
  // A conflict about one field is said next to it; the form's message only points there.
  // A code these pages have no words for, under a status they have none for either (a
  // gone link, a refused file), is said by the code's own message; a server fault in general terms.
  const key = conflictField
    ? 'inbox.error.invalid'
    : ((code ? CODE_MESSAGES[code] : undefined) ??
      STATUS_MESSAGES[error.status] ??
      (code && error.status < 500 ? PROBLEM_MESSAGES[code] : undefined));
  const message = key ? t(key) : t('inbox.error.server');
  return { message, fields, code, status: error.status };
}
