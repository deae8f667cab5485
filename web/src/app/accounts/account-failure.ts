import type { ProblemDocument } from '@portal/shared';

import type { AccountsKey } from './i18n/accounts-dictionaries';
import { serverPasswordProblems } from './password-rules';

/** Why an account call failed, in terms the pages act on. */
export type AccountFailure =
  /** The emailed link was used, expired, or is not a link of ours at all. */
  | { readonly kind: 'link-gone' }
  /** The password was refused: the reasons, to show next to the field. */
  | { readonly kind: 'password'; readonly problems: readonly AccountsKey[] }
  /** POST /auth/invitations: the address already has an account. */
  | { readonly kind: 'email-taken' }
  /** The caller may not do this (not the organization's contact, or not its colleague). */
  | { readonly kind: 'forbidden' }
  /** Other field messages of a 400, by field name (the API's English, for want of better). */
  | { readonly kind: 'fields'; readonly fields: Readonly<Record<string, readonly string[]>> }
  /** Anything else: a sentence for the form. */
  | { readonly kind: 'message'; readonly key: AccountsKey };

/**
 * Reads a failed account call from its HTTP status (0: no answer) and problem document.
 * Pure, so the rules are tested without Angular.
 */
export function describeAccountFailure(
  status: number,
  problem: ProblemDocument | null,
  sessionEnded = false,
): AccountFailure {
  if (sessionEnded) return { kind: 'message', key: 'accounts.error.sessionEnded' };
  if (status === 0) return { kind: 'message', key: 'accounts.error.network' };
  if (status === 410) return { kind: 'link-gone' };
  if (status === 429) return { kind: 'message', key: 'accounts.error.rateLimited' };
  if (status >= 500) return { kind: 'message', key: 'accounts.error.server' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 409 && problem?.code === 'users.email-taken') return { kind: 'email-taken' };
  const errors = problem?.errors ?? {};
  // A token cut short or mangled by a mail program is refused by validation, not with 410:
  // for the person it is the same broken link.
  if (status === 400 && errors['token']) return { kind: 'link-gone' };
  if (status === 400 && errors['password'])
    return { kind: 'password', problems: serverPasswordProblems(errors['password']) };
  if (status === 400 && Object.keys(errors).length > 0) return { kind: 'fields', fields: errors };
  if (status === 401) return { kind: 'message', key: 'accounts.error.sessionEnded' };
  return { kind: 'message', key: 'accounts.error.invalid' };
}
