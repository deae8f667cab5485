import { inject, Injector } from '@angular/core';

import { I18n } from '../i18n/i18n';

/** Where PendingSubmissions keeps a member's submissions (see requests/local-store.ts). */
const PENDING_KEY_PREFIX = 'portal.pendingRequests.';
/** Where PendingReplies keeps a member's replies and ratings written offline. */
const REPLIES_KEY_PREFIX = 'portal.pendingReplies.';

/**
 * For `provideAppInitializer(resumePendingRequests)` in app.config.ts: when this device holds
 * a member's request (or reply, or rating) still waiting to be sent, load its sender (a lazy chunk) at start-up
 * and whenever the connection comes back, whatever page is open. Costs nothing otherwise:
 * the sender's code is downloaded only when something waits.
 */
export function resumePendingRequests(): void {
  const injector = inject(Injector);
  const wake = () => {
    const replies = hasWaiting(REPLIES_KEY_PREFIX);
    const requests = hasWaiting(PENDING_KEY_PREFIX);
    if (!replies && !requests) return;
    // With the senders' texts (a refusal in words), which must not hold the sending back.
    const texts = injector
      .get(I18n)
      .load('requests')
      .catch(() => undefined);
    if (replies) {
      void Promise.all([import('../request-detail/pending-replies'), texts]).then(([{ PendingReplies }]) => {
        void injector.get(PendingReplies).sendWaiting();
      });
    }
    if (requests) {
      void Promise.all([import('../requests/pending-submissions'), texts]).then(([{ PendingSubmissions }]) => {
        void injector.get(PendingSubmissions).sendWaiting();
      });
    }
  };
  globalThis.addEventListener?.('online', wake);
  // After the first render, so a slow start-up does not wait for it.
  setTimeout(wake, 0);
}

function hasWaiting(prefix: string): boolean {
  try {
    for (let i = 0; i < globalThis.localStorage.length; i += 1) {
      if (globalThis.localStorage.key(i)?.startsWith(prefix)) return true;
    }
  } catch {
    // Storage unavailable: nothing can be waiting in it.
  }
  return false;
}
