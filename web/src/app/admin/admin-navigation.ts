import type { Router } from '@angular/router';

/** What a form page hands to the list it returns to: the name of what it saved, to confirm it. */
export interface SavedState {
  readonly saved: string;
  /** After an invitation: until when its link works (ISO date-time). */
  readonly invitedUntil?: string;
}

/** What a form page saved, when this page was opened by coming back from it; else null. */
export function savedStateFromNavigation(router: Router): SavedState | null {
  const state = router.currentNavigation()?.extras.state as Partial<SavedState> | undefined;
  if (typeof state?.saved !== 'string') return null;
  return typeof state.invitedUntil === 'string'
    ? { saved: state.saved, invitedUntil: state.invitedUntil }
    : { saved: state.saved };
}

/** The name a form page saved, when this page was opened by coming back from it; else null. */
export function savedNameFromNavigation(router: Router): string | null {
  return savedStateFromNavigation(router)?.saved ?? null;
}
