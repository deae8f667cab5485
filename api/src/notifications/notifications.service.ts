import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundException } from '../common/app-exception';
import { type NotificationKind, type NotificationParams, renderNotification } from './templates';
import type { Db } from '../common/typed-sql';
import { NotificationsRepository } from './notifications.repository';

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
    const items = rows.map((row) => {
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
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(caller: AuthUser, id: string): Promise<void> {
    if (!(await this.repository.markRead(this.dataSource, caller.id, id))) throw new NotFoundException('notification');
  }

  async markAllRead(caller: AuthUser): Promise<void> {
    await this.repository.markAllRead(this.dataSource, caller.id);
  }
}
