import { Injectable } from '@nestjs/common';
import type { Language } from '@portal/shared';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { UserEntity } from '../users/user.entity';
import type { NotificationEntity } from './notification.entity';
import type { NotificationKind, NotificationParams } from './templates';

/** The entity keeps kind and params loose (text, jsonb); the templates' types are what the rows hold. */
interface KindAndParams {
  kind: NotificationKind;
  params: NotificationParams;
}

/** A notification of the caller's list, with the caller's language. */
export type ListedNotificationRow = RowOf<
  NotificationEntity,
  'id' | 'kind' | 'request_id' | 'params' | 'created_at' | 'read_at'
> &
  KindAndParams & { language: Language };

/** A notification claimed for delivery, with its recipient. */
export type ClaimedNotificationRow = RowOf<
  NotificationEntity,
  'id' | 'kind' | 'request_id' | 'recipient_id' | 'params' | 'email_attempts'
> &
  KindAndParams &
  RowOf<UserEntity, 'email' | 'language' | 'role'>;

/** The notifications table: the in-app lists and the email outbox. */
@Injectable()
export class NotificationsRepository {
  /**
   * One notification per cause and recipient; an inactive recipient gets none. A recipient
   * who wants no emails about requests gets it in the app only ('skipped': the outbox never
   * takes it) — except the receipt of a filed request, which is email-only (left out of the
   * lists): with 'none' it goes nowhere, the confirmation page having said the same. Account
   * emails always go. 'digest' still sends each one until the digest exists.
   */
  async insert(
    db: Db,
    n: {
      recipientId: string;
      kind: NotificationKind;
      requestId: string | null;
      eventKey: string;
      params: NotificationParams;
    },
  ): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO notifications (recipient_id, kind, request_id, event_key, params, email_status)
       SELECT $1, $2, $3, $4, $5,
              CASE WHEN $2 NOT LIKE 'account.%' AND email_notifications = 'none' THEN 'skipped' ELSE 'pending' END
       FROM users WHERE id = $1 AND active
       ON CONFLICT (event_key, recipient_id) DO NOTHING`,
      [n.recipientId, n.kind, n.requestId, n.eventKey, JSON.stringify(n.params)],
    );
  }

  async countListed(db: Db, recipientId: string, unreadOnly: boolean): Promise<number> {
    const row = await sqlRow<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM notifications
       WHERE recipient_id = $1 AND kind NOT LIKE 'account.%' AND kind <> 'request.received' AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [recipientId, unreadOnly],
    );
    return row!.total;
  }

  /** A page of a person's notifications, unread first (account emails and the receipts of one's own requests are not listed). */
  listed(
    db: Db,
    recipientId: string,
    unreadOnly: boolean,
    page: { page: number; pageSize: number },
  ): Promise<ListedNotificationRow[]> {
    return sqlRows<ListedNotificationRow>(
      db,
      `SELECT n.id, n.kind, n.request_id, n.params, n.created_at, n.read_at, u.language
       FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE n.recipient_id = $1 AND n.kind NOT LIKE 'account.%' AND n.kind <> 'request.received' AND ($2::boolean IS FALSE OR n.read_at IS NULL)
       ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id
       LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      [recipientId, unreadOnly],
    );
  }

  /** Whether the person has such a notification (now read). */
  async markRead(db: Db, recipientId: string, id: string): Promise<boolean> {
    const rows = await returningRows<RowOf<NotificationEntity, 'id'>>(
      db,
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id`,
      [id, recipientId],
    );
    return rows.length > 0;
  }

  async markAllRead(db: Db, recipientId: string): Promise<void> {
    await sqlRun(db, `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`, [
      recipientId,
    ]);
  }

  /**
   * Claims up to `batchSize` due emails (pending and due, or claimed by a worker whose lease
   * ran out) with FOR UPDATE SKIP LOCKED and a lease: two workers never take the same one.
   */
  claimDue(db: Db, batchSize: number, leaseSeconds: number): Promise<ClaimedNotificationRow[]> {
    return returningRows<ClaimedNotificationRow>(
      db,
      `WITH due AS (
         SELECT id FROM notifications
         WHERE (email_status = 'pending' AND email_next_attempt_at <= now())
            OR (email_status = 'sending' AND email_claimed_until < now())
         ORDER BY email_next_attempt_at
         LIMIT ${batchSize}
         FOR UPDATE SKIP LOCKED)
       UPDATE notifications n
       SET email_status = 'sending', email_attempts = n.email_attempts + 1,
           email_claimed_until = now() + make_interval(secs => $1)
       FROM due, users u
       WHERE n.id = due.id AND u.id = n.recipient_id
       RETURNING n.id, n.kind, n.request_id, n.recipient_id, n.params, n.email_attempts, u.email, u.language, u.role`,
      [leaseSeconds],
    );
  }

  async markSent(db: Db, id: string, outcome: string): Promise<void> {
    await sqlRun(
      db,
      `UPDATE notifications SET email_status = $2, email_sent_at = now(), email_claimed_until = NULL, email_last_error = NULL WHERE id = $1`,
      [id, outcome],
    );
  }

  /** A failed attempt: tried again after `delaySeconds`, or failed for good. */
  async markAttemptFailed(
    db: Db,
    id: string,
    status: 'failed' | 'pending',
    delaySeconds: number,
    error: string,
  ): Promise<void> {
    await sqlRun(
      db,
      `UPDATE notifications SET email_status = $2, email_next_attempt_at = now() + make_interval(secs => $3),
              email_claimed_until = NULL, email_last_error = $4 WHERE id = $1`,
      [id, status, delaySeconds, error],
    );
  }
}
