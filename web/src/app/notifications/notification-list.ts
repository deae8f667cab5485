import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { can, type Role } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { NotificationsI18n } from './i18n/notifications-texts';
import type { NotificationsKey } from './i18n/notifications-dictionaries';
import { excerpt, groupKey, type NotificationGroup, notificationLink } from './notification';

/** The latest event of a group in a few words ("member replied"); a member's side words it for members. */
const EVENT_WORDS: Record<string, { staff: NotificationsKey; member: NotificationsKey }> = {
  'request.assigned': { staff: 'notifications.event.assigned', member: 'notifications.event.assigned' },
  'request.reply': { staff: 'notifications.event.memberReplied', member: 'notifications.event.staffReplied' },
  'request.status_changed': { staff: 'notifications.event.statusChanged', member: 'notifications.event.statusChanged' },
  'request.resolved': { staff: 'notifications.event.resolved', member: 'notifications.event.resolved' },
  'request.breached': { staff: 'notifications.event.breached', member: 'notifications.event.breached' },
  'request.escalated': { staff: 'notifications.event.escalated', member: 'notifications.event.escalated' },
};

/**
 * Notifications grouped by request, as a list of links to the requests: one entry per request
 * ("3 updates on SR-…: member replied"); unread ones marked in words, not only by color.
 */
@Component({
  selector: 'app-notification-list',
  imports: [RouterLink, NgTemplateOutlet],
  template: `
    <ul class="list" [class.compact]="compact()">
      @for (entry of entries(); track entry.key) {
        <li [class.unread]="entry.group.unread > 0">
          @if (entry.link) {
            <a
              class="item"
              [routerLink]="entry.link"
              data-testid="notification-item"
              [attr.data-count]="entry.group.count"
              [attr.data-unread]="entry.group.unread > 0 ? 'true' : null"
              (click)="opened.emit(entry.group)"
            >
              <ng-container *ngTemplateOutlet="content; context: { $implicit: entry }" />
            </a>
          } @else {
            <div
              class="item"
              data-testid="notification-item"
              [attr.data-count]="entry.group.count"
              [attr.data-unread]="entry.group.unread > 0 ? 'true' : null"
            >
              <ng-container *ngTemplateOutlet="content; context: { $implicit: entry }" />
              @if (entry.group.unread > 0) {
                <button type="button" class="mark-one" (click)="opened.emit(entry.group)">
                  {{ t('notifications.markRead') }}
                </button>
              }
            </div>
          }
        </li>
      }
    </ul>

    <ng-template #content let-entry>
      <span class="title">
        @if (entry.group.unread > 0) {
          <span class="dot" aria-hidden="true"></span
          ><span class="visually-hidden">{{ t('notifications.unread') }}: </span>
        }
        {{ entry.title }}
      </span>
      <span class="body">{{ shorten(entry.group.latest.body) }}</span>
      <span class="meta">
        <time
          [attr.datetime]="entry.group.latest.createdAt"
          [attr.title]="dates.dateTime(entry.group.latest.createdAt)"
          >{{ dates.relative(entry.group.latest.createdAt) }}</time
        >
        @if (entry.group.count > 1 && entry.group.unread > 0) {
          <span aria-hidden="true"> · </span
          ><span>{{ t('notifications.group.unread', { count: entry.group.unread }) }}</span>
        }
        @if (entry.group.reference && !entry.title.includes(entry.group.reference)) {
          <span aria-hidden="true"> · </span><span>{{ entry.group.reference }}</span>
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
  readonly items = input.required<readonly NotificationGroup[]>();
  readonly role = input.required<Role>();
  /** The panel keeps bodies to two lines; the page shows them whole. */
  readonly compact = input(false);
  /** A group was opened (its link followed, or marked read where it has none). */
  readonly opened = output<NotificationGroup>();

  protected readonly t = inject(NotificationsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly entries = computed(() =>
    this.items().map((group) => ({
      group,
      key: groupKey(group),
      link: notificationLink(group, this.role()),
      title: this.titleOf(group),
    })),
  );

  /** One notification: its own title; several: how many, on which request, and the latest event. */
  private titleOf(group: NotificationGroup): string {
    const words = EVENT_WORDS[group.latest.kind];
    if (group.count === 1 || !words || !group.reference) return group.latest.title;
    const event = this.t(can(this.role(), 'requests.file') ? words.member : words.staff);
    return this.t('notifications.group.title', { count: group.count, reference: group.reference, event });
  }

  protected shorten(body: string): string {
    return this.compact() ? excerpt(body) : body;
  }
}
