import type { ProblemDocument } from '@portal/shared';

import type { SatisfactionKey } from './satisfaction-texts';

export interface SatisfactionFailure {
  key: SatisfactionKey;
  /** The link will never work: no "try again". */
  final: boolean;
  /** Shown as a notice rather than an error. */
  notice?: boolean;
}

/**
 * What the score page says when a call fails, from the HTTP status (0: no answer) and the
 * problem document. Whether the person may try again: not for a link that will never work.
 * Pure, so the rules are tested without Angular.
 */
export function satisfactionFailure(
  status: number,
  problem: Pick<ProblemDocument, 'code'> | null,
): SatisfactionFailure {
  if (status === 0) return { key: 'satisfaction.error.network', final: false };
  // Not a fault of anyone's: said as news, not as an error.
  if (problem?.code === 'satisfaction.closed') return { key: 'satisfaction.error.closed', final: true, notice: true };
  if (status === 410) return { key: 'satisfaction.error.expired', final: true };
  if (status === 403) return { key: 'satisfaction.error.invalid', final: true };
  if (status === 409) return { key: 'satisfaction.error.reopened', final: true };
  if (status === 429) return { key: 'satisfaction.error.rateLimited', final: false };
  if (status === 400) return { key: 'satisfaction.error.validation', final: false };
  return { key: 'satisfaction.error.server', final: false };
}
