import type { StaffKey } from '../core/staff-i18n/staff-texts';

/** A policy row as typed: the two targets in business hours, as text. */
export interface PolicyDraft {
  readonly firstResponseHours: string;
  readonly resolutionHours: string;
}

export type PolicyErrors = Partial<Record<keyof PolicyDraft, string>>;

/** The API's bounds (api/src/sla/sla-admin.dto.ts). */
export const POLICY_LIMITS = { firstResponseHours: 2000, resolutionHours: 10000 } as const;

const WHOLE = /^\d+$/;

/** The same checks as the API, so most mistakes are said before a round trip. */
export function policyErrors(draft: PolicyDraft): Partial<Record<keyof PolicyDraft, StaffKey>> {
  const errors: Partial<Record<keyof PolicyDraft, StaffKey>> = {};
  const first = draft.firstResponseHours.trim();
  const resolution = draft.resolutionHours.trim();
  if (!WHOLE.test(first) || Number(first) < 1 || Number(first) > POLICY_LIMITS.firstResponseHours)
    errors.firstResponseHours = 'admin.sla.error.hours';
  if (!WHOLE.test(resolution) || Number(resolution) < 1 || Number(resolution) > POLICY_LIMITS.resolutionHours)
    errors.resolutionHours = 'admin.sla.error.hours';
  else if (!errors.firstResponseHours && Number(resolution) < Number(first))
    errors.resolutionHours = 'admin.sla.error.order';
  return errors;
}
