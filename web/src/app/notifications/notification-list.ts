import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Role } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { NotificationsI18n } from './i18n/notifications-texts';
import { excerpt, type NotificationItem, notificationLink } from './notification';

/** Notifications as a list of links to their requests; unread ones marked in words, not only by color. */
@Component({
  selector: 'app-notification-list',
  imports: [RouterLink, NgTemplateOutlet],
  template: `
    <ul class="list" [class.compact]="compact()">
      @for (entry of entries(); track entry.item.id) {
        <li [class.unread]="!entry.item.readAt">
          @if (entry.link) {
            <a
              class="item"
              [routerLink]="entry.link"
              data-testid="notification-item"
              [attr.data-unread]="entry.item.readAt ? null : 'true'"
              (click)="opened.emit(entry.item)"
            >
              <ng-container *ngTemplateOutlet="content; context: { $implicit: entry.item }" />
            </a>
          } @else {
            <div class="item" data-testid="notification-item" [attr.data-unread]="entry.item.readAt ? null : 'true'">
              <ng-container *ngTemplateOutlet="content; context: { $implicit: entry.item }" />
              @if (!entry.item.readAt) {
                <button type="button" class="mark-one" (click)="opened.emit(entry.item)">
                  {{ t('notifications.markRead') }}
                </button>
              }
            </div>
          }
        </li>
      }
    </ul>

    <ng-template #content let-item>
      <span class="title">
        @if (!item.readAt) {
          <span class="dot" aria-hidden="true"></span
          ><span class="visually-hidden">{{ t('notifications.unread') }}: </span>
        }
        {{ item.title }}
      </span>
      <span class="body">{{ shorten(item.body) }}</span>
      <span class="meta">
        <time [attr.datetime]="item.createdAt" [attr.title]="dates.dateTime(item.createdAt)">{{
          dates.relative(item.createdAt)
        }}</time>
        @if (item.reference && !item.title.includes(item.reference)) {
          <span aria-hidden="true"> · </span><span>{{ item.reference }}</span>
        }
      </span>
    </ng-template>
  `,
  styles: `
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li + li {
      border-top: 1px solid var(--color-border);
    }
    .item {
      display: grid;
      gap: 0.125rem;
      padding: 0.75rem 1rem;
      color: var(--color-text);
      text-decoration: none;
    }
    a.item:hover {
      background: var(--color-bg);
    }
    a.item:hover .title {
      color: var(--color-accent-strong);
      text-decoration: underline;
    }
    a.item:focus-visible {
      outline-offset: -3px;
    }
    .unread .item {
      background: var(--color-accent-soft);
      box-shadow: inset 4px 0 0 var(--color-accent);
    }
    .title {
      font-weight: 500;
    }
    .unread .title {
      font-weight: 700;
    }
    .dot {
      display: inline-block;
      width: 0.5rem;
      height: 0.5rem;
      margin-right: 0.375rem;
      border-radius: 50%;
      background: var(--color-accent);
      vertical-align: 0.1em;
    }
    .body {
      color: var(--color-text-muted);
      font-size: 0.9375rem;
      overflow-wrap: anywhere;
    }
    .compact .body {
      display: -webkit-box;
      overflow: hidden;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
    }
    .meta {
      color: var(--color-text-muted);
      font-size: 0.8125rem;
    }
    .mark-one {
      justify-self: start;
      margin-top: 0.25rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-text);
      font: inherit;
      font-size: 0.875rem;
      cursor: pointer;
    }
    @media (forced-colors: active) {
      .dot {
        background: CanvasText;
      }
    }
  `,
})
export class NotificationList {
  readonly items = input.required<readonly NotificationItem[]>();
  readonly role = input.required<Role>();
  /** The panel keeps bodies to two lines; the page shows them whole. */
  readonly compact = input(false);
  /** A notification was opened (its link followed, or marked read where it has none). */
  readonly opened = output<NotificationItem>();

  protected readonly t = inject(NotificationsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly entries = computed(() =>
    this.items().map((item) => ({ item, link: notificationLink(item, this.role()) })),
  );

  protected shorten(body: string): string {
    return this.compact() ? excerpt(body) : body;
  }
}
