import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_EVENTS,
  type NotificationSetting,
  type NotificationSettings,
  type Page,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundException } from '../common/app-exception';
import { type NotificationKind, type NotificationParams, renderNotification } from './templates';
import type { Db } from '../common/typed-sql';
import { type ListedNotificationRow, NotificationsRepository } from './notifications.repository';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  requestId: string | null;
  reference: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** The bell's entry for one request: how many notifications, how many unread, and the latest. */
export interface NotificationGroupView {
  requestId: string | null;
  reference: string | null;
  count: number;
  unread: number;
  latest: NotificationView;
}

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  requestId: string | null;
  /** The cause: a notification is created once per cause and recipient. */
  eventKey: string;
  params: NotificationParams;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
  ) {}

  /**
   * The transactional outbox: called inside the transaction of the change that causes the
   * notification, so a change is never committed without it and a rolled-back change never
   * sends one. The worker delivers the email after the commit.
   */
  async enqueue(db: Db, notifications: NewNotification[]): Promise<void> {
    for (const n of notifications) await this.repository.insert(db, n);
  }

  /** The caller's own notifications, unread first, in the caller's language (account emails and receipts are not listed). */
  async list(
    caller: AuthUser,
    query: { unread?: boolean; page: number; pageSize: number },
  ): Promise<Page<NotificationView>> {
    const unreadOnly = query.unread === true;
    const total = await this.repository.countListed(this.dataSource, caller.id, unreadOnly);
    const rows = await this.repository.listed(this.dataSource, caller.id, unreadOnly, query);
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** The caller's notifications grouped by request (the bell), groups with unread ones first. */
  async groups(caller: AuthUser, query: { page: number; pageSize: number }): Promise<Page<NotificationGroupView>> {
    const total = await this.repository.countGroups(this.dataSource, caller.id);
    const rows = await this.repository.groups(this.dataSource, caller.id, query);
    const items = rows.map((row) => {
      const latest = toView(row);
      return { requestId: row.request_id, reference: latest.reference, count: row.total, unread: row.unread, latest };
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Marks read all of the caller's notifications about a request; 404 when it has none. */
  async markRequestRead(caller: AuthUser, requestId: string): Promise<void> {
    if (!(await this.repository.markRequestRead(this.dataSource, caller.id, requestId)))
      throw new NotFoundException('notification');
  }

  /** The caller's channel for every event about cases (the default where none was chosen). */
  async settings(caller: AuthUser): Promise<NotificationSettings> {
    const chosen = new Map(
      (await this.repository.settings(this.dataSource, caller.id)).map((r) => [r.kind, r.channel]),
    );
    return {
      events: NOTIFICATION_EVENTS.map((event) => ({
        event,
        channel: chosen.get(event) ?? DEFAULT_NOTIFICATION_CHANNEL,
      })),
    };
  }

  /** Sets the events listed (validated: known, each once); the others keep their channel. */
  async saveSettings(caller: AuthUser, events: readonly NotificationSetting[]): Promise<NotificationSettings> {
    await this.repository.saveSettings(this.dataSource, caller.id, events);
    return this.settings(caller);
  }

  async markRead(caller: AuthUser, id: string): Promise<void> {
    if (!(await this.repository.markRead(this.dataSource, caller.id, id))) throw new NotFoundException('notification');
  }

  async markAllRead(caller: AuthUser): Promise<void> {
    await this.repository.markAllRead(this.dataSource, caller.id);
  }
}

/** A listed notification, rendered in its recipient's language. */
function toView(row: ListedNotificationRow): NotificationView {
  const { title, body } = renderNotification(row.kind, row.language, row.params);
  return {
    id: row.id,
    kind: row.kind,
    requestId: row.request_id,
    reference: row.params.reference ?? null,
    title,
    body,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
