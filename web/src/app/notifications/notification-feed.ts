import { inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { NotificationItem } from './notification';
import { NotificationsApi } from './notifications-api';
import { UnreadNotifications } from './unread-notifications';

export type FeedState = 'loading' | 'ready' | 'error';

/**
 * A list of the signed-in person's notifications, page after page, for the bell's panel
 * and the notifications page. Create it in a field initializer (it injects its services).
 */
export class NotificationFeed {
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotifications);
  private loadedPages = 0;

  readonly items = signal<readonly NotificationItem[]>([]);
  readonly total = signal(0);
  readonly state = signal<FeedState>('loading');
  /** A sentence for a live region after "mark all as read" (done or failed). */
  readonly announcement = signal('');
  readonly markingAll = signal(false);

  constructor(private readonly pageSize: number) {}

  hasUnread(): boolean {
    return this.items().some((item) => !item.readAt) || (this.unread.count() ?? 0) > 0;
  }

  hasMore(): boolean {
    return this.items().length < this.total();
  }

  /** The first page again (opening the panel shows what is new). */
  async reload(): Promise<void> {
    this.loadedPages = 0;
    this.state.set('loading');
    await this.loadPage(1, true);
  }

  async loadMore(): Promise<void> {
    await this.loadPage(this.loadedPages + 1, false);
  }

  /** The person opened a notification: it is read from now on (the call outlives the list). */
  opened(item: NotificationItem): void {
    if (item.readAt) return;
    const now = new Date().toISOString();
    this.items.update((items) => items.map((each) => (each.id === item.id ? { ...each, readAt: now } : each)));
    void this.unread.markRead(item.id).catch(() => undefined);
  }

  async markAllRead(doneText: string, failedText: string): Promise<void> {
    if (this.markingAll()) return;
    this.markingAll.set(true);
    this.announcement.set('');
    try {
      await this.unread.markAllRead();
      const now = new Date().toISOString();
      this.items.update((items) => items.map((item) => (item.readAt ? item : { ...item, readAt: now })));
      this.announcement.set(doneText);
    } catch {
      this.announcement.set(failedText);
    } finally {
      this.markingAll.set(false);
    }
  }

  private async loadPage(page: number, replace: boolean): Promise<void> {
    try {
      const answer = await firstValueFrom(this.api.list(page, this.pageSize));
      // Pages shift as items are read meanwhile: never show one notification twice.
      const known = new Set(replace ? [] : this.items().map((item) => item.id));
      const fresh = answer.items.filter((item) => !known.has(item.id));
      this.items.update((items) => (replace ? fresh : [...items, ...fresh]));
      this.total.set(answer.total);
      this.loadedPages = page;
      this.state.set('ready');
    } catch {
      if (replace || this.items().length === 0) this.state.set('error');
    }
  }
}
