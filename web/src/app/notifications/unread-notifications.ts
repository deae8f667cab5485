import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom, type Subscription } from 'rxjs';

import { NotificationsApi } from './notifications-api';

/**
 * The unread count shown by the bell, shared with the list so that reading a notification
 * lowers the badge at once. Marking read lives here, not in the list's component: the list
 * closes as its link navigates away, and the call must not be cancelled with it.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly api = inject(NotificationsApi);
  private readonly unread = signal<number | null>(null);
  private inFlight: Subscription | null = null;
  private lastAskedAt = 0;

  /** Unread notifications; null until the first answer. */
  readonly count = this.unread.asReadonly();

  /** Asks the API again, unless an answer is on its way; a failed call keeps the last count. */
  refresh(): void {
    if (this.inFlight) return;
    this.lastAskedAt = Date.now();
    this.inFlight = this.api.unreadCount().subscribe({
      next: (count) => this.unread.set(count),
      error: () => (this.inFlight = null),
      complete: () => (this.inFlight = null),
    });
  }

  /** Milliseconds since the count was last asked for. */
  age(): number {
    return Date.now() - this.lastAskedAt;
  }

  /** Marks one read; the badge goes down now and is corrected by the answer. */
  async markRead(id: string): Promise<void> {
    this.unread.update((count) => (count === null ? count : Math.max(0, count - 1)));
    try {
      await firstValueFrom(this.api.markRead(id));
    } finally {
      this.refreshSoon();
    }
  }

  /** Marks a request's notifications read (`unread` of them); the badge goes down now. */
  async markRequestRead(requestId: string, unread: number): Promise<void> {
    this.unread.update((count) => (count === null ? count : Math.max(0, count - unread)));
    try {
      await firstValueFrom(this.api.markRequestRead(requestId));
    } finally {
      this.refreshSoon();
    }
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.api.markAllRead());
    this.unread.set(0);
  }

  /** Signed out: nothing is shown for the next person. */
  forget(): void {
    this.inFlight?.unsubscribe();
    this.inFlight = null;
    this.unread.set(null);
    this.lastAskedAt = 0;
  }

  private refreshSoon(): void {
    this.inFlight?.unsubscribe();
    this.inFlight = null;
    this.refresh();
  }
}
