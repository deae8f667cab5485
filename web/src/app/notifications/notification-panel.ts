import { afterNextRender, Component, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Role } from '@portal/shared';

import { NotificationsI18n } from './i18n/notifications-texts';
import { type NotificationGroup, notificationLink } from './notification';
import { NotificationFeed } from './notification-feed';
import { NotificationFeedView } from './notification-feed-view';

/** How many the panel shows; the rest are on /notifications. */
const PANEL_SIZE = 8;

/**
 * The bell's panel: the latest notifications, "mark all as read" and a way to the full list.
 * Deferred by the bell until first opened, so its code and texts are not in the first download.
 */
@Component({
  selector: 'app-notification-panel',
  imports: [NotificationFeedView, RouterLink],
  template: `
    <div class="head">
      <h2 #heading id="notification-panel-heading" tabindex="-1">{{ t('nav.notifications') }}</h2>
      <button type="button" class="close" [attr.aria-label]="t('notifications.close')" (click)="closed.emit()">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
    </div>
    @if (feed.state() === 'ready' && feed.hasUnread()) {
      <div class="actions">
        <button
          type="button"
          class="mark-all"
          data-testid="notifications-mark-all"
          [attr.aria-disabled]="feed.markingAll()"
          (click)="markAllRead()"
        >
          {{ t('notifications.markAll') }}
        </button>
      </div>
    }
    <p class="visually-hidden" role="status">{{ feed.announcement() }}</p>

    <div class="body" [attr.aria-busy]="feed.state() === 'loading'">
      <app-notification-feed-view [feed]="feed" [role]="role()" [compact]="true" (opened)="openItem($event)" />
    </div>

    <a class="see-all" routerLink="/notifications" (click)="itemOpened.emit()">{{ t('notifications.seeAll') }}</a>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      max-height: inherit;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.5rem 0.5rem 0.5rem 1rem;
      border-bottom: 1px solid var(--color-border);
    }
    h2 {
      margin: 0;
      font-size: 1.0625rem;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--color-focus);
    }
    .close {
      display: inline-grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      border: 1px solid transparent;
      border-radius: var(--radius);
      background: none;
      color: var(--color-text);
      cursor: pointer;
    }
    .close:hover {
      border-color: var(--color-border-strong);
    }
    .close svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--color-border);
    }
    .mark-all {
      min-height: 2.5rem;
      padding: 0.25rem 0.5rem;
      border: 0;
      border-radius: var(--radius);
      background: none;
      color: var(--color-accent);
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .mark-all:hover {
      color: var(--color-accent-strong);
    }
    .body {
      flex: 1;
      min-height: 4rem;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .see-all {
      display: block;
      padding: 0.75rem 1rem;
      border-top: 1px solid var(--color-border);
      font-weight: 600;
      text-align: center;
    }
  `,
})
export class NotificationPanel {
  readonly role = input.required<Role>();
  /** Close asked for (the close button); the bell returns focus to itself. */
  readonly closed = output<void>();
  /** A link of the panel was followed: the bell closes it and lets the new page take focus. */
  readonly itemOpened = output<void>();

  private readonly i18n = inject(NotificationsI18n);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  protected readonly t = this.i18n.t;
  protected readonly feed = new NotificationFeed(PANEL_SIZE);

  constructor() {
    void this.feed.reload();
    // Keyboard and screen-reader users start in the panel they just opened.
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected openItem(group: NotificationGroup): void {
    this.feed.opened(group);
    if (notificationLink(group, this.role())) this.itemOpened.emit();
  }

  protected markAllRead(): void {
    void this.feed.markAllRead(this.t('notifications.allRead'), this.t('notifications.markFailed'));
  }
}
