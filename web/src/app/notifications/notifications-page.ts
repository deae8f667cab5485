import { Component, computed, inject } from '@angular/core';

import { ORGANIZATION_ROLE } from '@portal/shared';
import { Session } from '../auth/session';
import { NotificationsI18n } from './i18n/notifications-texts';
import { NotificationFeed } from './notification-feed';
import { NotificationFeedView } from './notification-feed-view';

const PAGE_SIZE = 20;

/** Every notification of the signed-in person, unread first; where the bell leads on a phone. */
@Component({
  selector: 'app-notifications-page',
  imports: [NotificationFeedView],
  template: `
    <header class="page-header">
      <h1>{{ t('nav.notifications') }}</h1>
      <p class="intro">{{ t('notifications.intro') }}</p>
    </header>

    @if (feed.state() === 'ready' && feed.hasUnread()) {
      <button
        type="button"
        class="button-secondary"
        data-testid="notifications-mark-all"
        [attr.aria-disabled]="feed.markingAll()"
        (click)="markAllRead()"
      >
        {{ t('notifications.markAll') }}
      </button>
    }
    <p class="visually-hidden" role="status">{{ feed.announcement() }}</p>

    <section class="card" [attr.aria-busy]="feed.state() === 'loading'" [attr.aria-label]="t('nav.notifications')">
      <app-notification-feed-view [feed]="feed" [role]="role()" (opened)="feed.opened($event)" />
    </section>

    @if (feed.state() === 'ready' && feed.hasMore()) {
      <button type="button" class="button-secondary more" (click)="feed.loadMore()">
        {{ t('notifications.more') }}
      </button>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
      justify-items: start;
    }
    h1 {
      margin: 0 0 0.25rem;
    }
    .intro {
      margin: 0;
      color: var(--color-text-muted);
    }
    .card {
      width: 100%;
      max-width: 48rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      overflow: hidden;
    }
  `,
})
export class NotificationsPage {
  private readonly session = inject(Session);
  protected readonly t = inject(NotificationsI18n).t;
  protected readonly role = computed(() => this.session.user()?.role ?? ORGANIZATION_ROLE);
  protected readonly feed = new NotificationFeed(PAGE_SIZE);

  constructor() {
    void this.feed.reload();
  }

  protected markAllRead(): void {
    void this.feed.markAllRead(this.t('notifications.allRead'), this.t('notifications.markFailed'));
  }
}
