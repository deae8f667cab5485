import { Component, inject, input, output } from '@angular/core';
import type { Role } from '@portal/shared';

import { NotificationsI18n } from './i18n/notifications-texts';
import type { NotificationGroup } from './notification';
import type { NotificationFeed } from './notification-feed';
import { NotificationList } from './notification-list';

/**
 * A feed's list as the bell's panel and the notifications page both show it: loading, the
 * error with a retry, the empty state, or the notifications. The frames around it differ.
 */
@Component({
  selector: 'app-notification-feed-view',
  imports: [NotificationList],
  template: `
    @switch (feed().state()) {
      @case ('loading') {
        <p class="state">{{ t('notifications.loading') }}</p>
      }
      @case ('error') {
        <div class="state">
          <p role="alert">{{ t('notifications.error') }}</p>
          <button type="button" class="button-secondary" (click)="feed().reload()">
            {{ t('notifications.retry') }}
          </button>
        </div>
      }
      @default {
        @if (feed().items().length === 0) {
          <div class="state">
            <p class="empty">{{ t('notifications.empty') }}</p>
            <p>{{ t('notifications.emptyHint') }}</p>
          </div>
        } @else {
          <app-notification-list
            [items]="feed().items()"
            [role]="role()"
            [compact]="compact()"
            (opened)="opened.emit($event)"
          />
        }
      }
    }
  `,
  styles: `
    .state {
      margin: 0;
      padding: 1rem;
      color: var(--color-text-muted);
    }
    .state p {
      margin: 0 0 0.5rem;
    }
    .empty {
      color: var(--color-text);
      font-weight: 600;
    }
  `,
})
export class NotificationFeedView {
  readonly feed = input.required<NotificationFeed>();
  readonly role = input.required<Role>();
  /** The panel's denser rows. */
  readonly compact = input(false);
  readonly opened = output<NotificationGroup>();
  protected readonly t = inject(NotificationsI18n).t;
}
