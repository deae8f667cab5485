/**
 * "Someone else is on this case" (issue 19): staff with a request open report it every few
 * seconds; each report lasts PRESENCE_TTL_SECONDS, so a closed tab fades out by itself.
 */
export const PRESENCE_STATES = ['viewing', 'writing'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** How long one report counts; the web app reports every PRESENCE_REPORT_SECONDS while the tab is visible. */
export const PRESENCE_TTL_SECONDS = 20;
export const PRESENCE_REPORT_SECONDS = 5;

/** PUT /requests/{id}/presence. */
export interface PresenceBody {
  state: PresenceState;
}

/** Another staff member with the case open. */
export interface PresentPerson {
  id: string;
  name: string;
  state: PresenceState;
  /** When the person last reported. */
  seenAt: string;
}

/** The answer of PUT /requests/{id}/presence: who else has the case open, writers first. */
export interface CasePresence {
  others: PresentPerson[];
}
