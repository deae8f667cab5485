import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Language, type Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundException } from '../common/app-exception';
import { type NotificationKind, type NotificationParams, renderNotification } from './templates';
import { returningRows } from '../common/sql';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The transactional outbox: called inside the transaction of the change that causes the
   * notification, so a change is never committed without it and a rolled-back change never
   * sends one. The worker delivers the email after the commit.
   */
  async enqueue(db: EntityManager, notifications: NewNotification[]): Promise<void> {
    for (const n of notifications) {
      await db.query(
        `INSERT INTO notifications (recipient_id, kind, request_id, event_key, params)
         SELECT $1, $2, $3, $4, $5 FROM users WHERE id = $1 AND active
         ON CONFLICT (event_key, recipient_id) DO NOTHING`,
        [n.recipientId, n.kind, n.requestId, n.eventKey, JSON.stringify(n.params)],
      );
    }
  }

  /** The caller's own notifications, unread first, in the caller's language (account emails are not listed). */
  async list(
    caller: AuthUser,
    query: { unread?: boolean; page: number; pageSize: number },
  ): Promise<Page<NotificationView>> {
    const unreadOnly = query.unread === true;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications
       WHERE recipient_id = $1 AND kind NOT LIKE 'account.%' AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [caller.id, unreadOnly],
    );
    const rows = await this.dataSource.query(
      `SELECT n.id, n.kind, n.request_id, n.params, n.created_at, n.read_at, u.language
       FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE n.recipient_id = $1 AND n.kind NOT LIKE 'account.%' AND ($2::boolean IS FALSE OR n.read_at IS NULL)
       ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      [caller.id, unreadOnly],
    );
    const items = rows.map(
      (row: {
        id: string;
        kind: NotificationKind;
        request_id: string | null;
        params: NotificationParams;
        created_at: Date;
        read_at: Date | null;
        language: Language;
      }) => {
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
      },
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(caller: AuthUser, id: string): Promise<void> {
    const [row] = await returningRows(
      this.dataSource,
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id`,
      [id, caller.id],
    );
    if (!row) throw new NotFoundException('notification');
  }

  async markAllRead(caller: AuthUser): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [caller.id],
    );
  }
}
