import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemCode } from '@portal/shared';

import { isNetworkError, problemOf, retryAfterSecondsOf } from '../core/api';
import { PROBLEM_MESSAGES, problemCodeOf } from '../core/problem-messages';
import type { TranslationKey } from '../i18n/dictionary';
import type { TranslationParams } from '../i18n/i18n';

/** What to tell a person whose sign-in failed: our own translated text, or the server's. */
export type LoginFailure =
  | { readonly kind: 'translated'; readonly key: TranslationKey; readonly params?: TranslationParams }
  | { readonly kind: 'server'; readonly detail: string };

/** Problem codes the sign-in page says in the person's language rather than quoting the server. */
const TRANSLATED_CODES: readonly ProblemCode[] = ['auth.invalid-credentials'];

/** Turns a failed login call into readable text, never raw JSON. */
export function describeLoginFailure(error: unknown): LoginFailure {
  if (isNetworkError(error) || !(error instanceof HttpErrorResponse)) {
    return { kind: 'translated', key: 'login.error.network' };
  }
  if (error.status === 429) {
    const seconds = retryAfterSecondsOf(error);
    return seconds
      ? { kind: 'translated', key: 'login.error.tooManyAttemptsMinutes', params: { minutes: Math.ceil(seconds / 60) } }
      : { kind: 'translated', key: 'login.error.tooManyAttempts' };
  }
  if (error.status >= 500) return { kind: 'translated', key: 'login.error.server' };
  const problem = problemOf(error);
  const code = problemCodeOf(problem);
  if (code && TRANSLATED_CODES.includes(code)) return { kind: 'translated', key: PROBLEM_MESSAGES[code] };
  if (problem && typeof problem.detail === 'string' && problem.detail.trim()) {
    return { kind: 'server', detail: problem.detail };
  }
  return {
    kind: 'translated',
    key: error.status === 401 ? 'login.error.invalidCredentials' : 'login.error.server',
  };
}
