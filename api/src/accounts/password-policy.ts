import { dictionary } from '@zxcvbn-ts/language-common';
import { LIMITS } from '@portal/shared';

/** ~49,000 passwords people pick most, from the maintained zxcvbn-ts common dictionary. */
const COMMON_PASSWORDS = new Set<string>(
  (dictionary as Record<string, string[]>)['passwords-common'].map((p) => p.toLowerCase()),
);

/**
 * What is wrong with a password a person chooses, as messages for the `password` field;
 * empty when it is acceptable. Length first, then the list of common passwords, then the
 * email (also with its case changed, or as the part before the @).
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if ([...password].length < LIMITS.passwordMin)
    problems.push(`must be at least ${LIMITS.passwordMin} characters long`);
  if (password.length > LIMITS.passwordMax) problems.push(`must be at most ${LIMITS.passwordMax} characters long`);
  const lowered = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) problems.push('is one of the most common passwords: choose another');
  const mail = email.trim().toLowerCase();
  if (lowered === mail || lowered === mail.split('@')[0]) problems.push('must not be your email address');
  return problems;
}
