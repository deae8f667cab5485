import { inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { groupKey, type NotificationGroup } from './notification';
import { NotificationsApi } from './notifications-api';
import { UnreadNotifications } from './unread-notifications';

export type FeedState = 'loading' | 'ready' | 'error';

/**
 * The signed-in person's notifications grouped by request (one entry per request, with its
 * count and latest event), page after page, for the bell's panel and the notifications page.
 * Create it in a field initializer (it injects its services).
 */
export class NotificationFeed {
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotifications);
  private loadedPages = 0;

  readonly items = signal<readonly NotificationGroup[]>([]);
  readonly total = signal(0);
  readonly state = signal<FeedState>('loading');
  /** A sentence for a live region after "mark all as read" (done or failed). */
  readonly announcement = signal('');
  readonly markingAll = signal(false);

  constructor(private readonly pageSize: number) {}

  hasUnread(): boolean {
    return this.items().some((group) => group.unread > 0) || (this.unread.count() ?? 0) > 0;
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

  /** The person opened a group: all of it is read from now on (the call outlives the list). */
  opened(group: NotificationGroup): void {
    if (group.unread === 0) return;
    const now = new Date().toISOString();
    const key = groupKey(group);
    this.items.update((groups) =>
      groups.map((each) =>
        groupKey(each) === key ? { ...each, unread: 0, latest: { ...each.latest, readAt: now } } : each,
      ),
    );
    const marking = group.requestId
      ? this.unread.markRequestRead(group.requestId, group.unread)
      : this.unread.markRead(group.latest.id);
    void marking.catch(() => undefined);
  }

  async markAllRead(doneText: string, failedText: string): Promise<void> {
    if (this.markingAll()) return;
    this.markingAll.set(true);
    this.announcement.set('');
    try {
      await this.unread.markAllRead();
      const now = new Date().toISOString();
      this.items.update((groups) =>
        groups.map((group) =>
          group.unread === 0 ? group : { ...group, unread: 0, latest: { ...group.latest, readAt: now } },
        ),
      );
      this.announcement.set(doneText);
    } catch {
      this.announcement.set(failedText);
    } finally {
      this.markingAll.set(false);
    }
  }

  private async loadPage(page: number, replace: boolean): Promise<void> {
    try {
      const answer = await firstValueFrom(this.api.groups(page, this.pageSize));
      // Pages shift as groups are read meanwhile: never show one request twice.
      const known = new Set(replace ? [] : this.items().map(groupKey));
      const fresh = answer.items.filter((group) => !known.has(groupKey(group)));
      this.items.update((groups) => (replace ? fresh : [...groups, ...fresh]));
      this.total.set(answer.total);
      this.loadedPages = page;
      this.state.set('ready');
    } catch {
      if (replace || this.items().length === 0) this.state.set('error');
    }
  }
}
