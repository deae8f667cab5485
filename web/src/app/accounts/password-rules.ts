import { LIMITS } from '@portal/shared';

import type { AccountsKey } from './i18n/accounts-dictionaries';

/**
 * What the page can tell before sending: an empty or too short (or absurdly long) password.
 * The list of common passwords and the comparison with the email are the API's: the page
 * knows neither, and shows the rules up front instead.
 */
export function passwordProblem(password: string): AccountsKey | null {
  if (!password) return 'password.error.required';
  // Characters as people count them (an emoji is one), like the API.
  const length = [...password].length;
  if (length < LIMITS.passwordMin) return 'password.error.tooShort';
  if (password.length > LIMITS.passwordMax) return 'password.error.tooLong';
  return null;
}

export function repeatProblem(password: string, repeat: string): AccountsKey | null {
  if (!repeat) return 'password.error.repeatRequired';
  return repeat === password ? null : 'password.error.mismatch';
}

/**
 * The API's messages for the `password` field are English phrases for developers
 * (api/src/accounts/password-policy.ts); these patterns say the same in the person's
 * language. Anything unforeseen still says that the password was refused.
 */
const SERVER_MESSAGES: readonly (readonly [RegExp, AccountsKey])[] = [
  [/at least \d+ characters/i, 'password.error.tooShort'],
  [/at most \d+ characters/i, 'password.error.tooLong'],
  [/common password/i, 'password.error.common'],
  [/email/i, 'password.error.email'],
];

/** Translatable keys for the API's messages about a refused password, without repeats. */
export function serverPasswordProblems(messages: readonly string[]): AccountsKey[] {
  const keys = messages.map(
    (message) => SERVER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'password.error.other',
  );
  return [...new Set(keys.length > 0 ? keys : ['password.error.other' as const])];
}

/** The numbers the password messages mention. */
export const PASSWORD_PARAMS = { min: LIMITS.passwordMin, max: LIMITS.passwordMax } as const;
