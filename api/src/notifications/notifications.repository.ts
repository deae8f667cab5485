import { Injectable } from '@nestjs/common';
import type { Language } from '@portal/shared';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { UserEntity } from '../users/user.entity';
import type { NotificationSetting } from '@portal/shared';
import type { NotificationEntity } from './notification.entity';
import type { NotificationSettingEntity } from './notification-setting.entity';
import type { NotificationKind, NotificationParams } from './templates';
import { DIGEST_KIND } from './digest/digest-kind';

/** The entity keeps kind and params loose (text, jsonb); the templates' types are what the rows hold. */
interface KindAndParams {
  kind: NotificationKind;
  params: NotificationParams;
}

/** What the lists show: account emails, the receipts of one's own requests and the daily digests are email-only. */
const LISTED = `kind NOT LIKE 'account.%' AND kind NOT IN ('request.received', '${DIGEST_KIND}')`;

/** A notification of the caller's list, with the caller's language. */
export type ListedNotificationRow = RowOf<
  NotificationEntity,
  'id' | 'kind' | 'request_id' | 'params' | 'created_at' | 'read_at'
> &
  KindAndParams & { language: Language };

/** A group of the caller's list (one request): its counts and its latest notification. */
export type NotificationGroupRow = ListedNotificationRow & { total: number; unread: number };

/** A notification claimed for delivery (a daily digest being one), with its recipient. */
export type ClaimedNotificationRow = RowOf<
  NotificationEntity,
  'id' | 'request_id' | 'recipient_id' | 'email_attempts'
> & {
  kind: NotificationKind | typeof DIGEST_KIND;
  params: NotificationParams;
} & RowOf<UserEntity, 'email' | 'language' | 'role'>;

/** The notifications table: the in-app lists and the email outbox. */
@Injectable()
export class NotificationsRepository {
  /**
   * One notification per cause and recipient; an inactive recipient gets none. A recipient
   * who wants no emails about requests gets it in the app only ('skipped': the outbox never
   * takes it) — except the receipt of a filed request, which is email-only (left out of the
   * lists): with 'none' it goes nowhere, the confirmation page having said the same. Account
   * emails always go. A recipient on 'digest' gets it 'held': the outbox never takes it, the
   * daily digest (./digest) carries it. A staff member's choice for the event
   * (notification_settings) comes first: 'in_app' skips the email (so it is in no digest
   * either), 'off' writes nothing; account kinds have no such choice.
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
              CASE WHEN $2 LIKE 'account.%' THEN 'pending'
                   WHEN u.email_notifications = 'none' OR s.channel = 'in_app' THEN 'skipped'
                   WHEN u.email_notifications = 'digest' THEN 'held'
                   ELSE 'pending' END
       FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id AND s.kind = $2 AND $2 NOT LIKE 'account.%'
       WHERE u.id = $1 AND u.active AND s.channel IS DISTINCT FROM 'off'
       ON CONFLICT (event_key, recipient_id) DO NOTHING`,
      [n.recipientId, n.kind, n.requestId, n.eventKey, JSON.stringify(n.params)],
    );
  }

  /** How many groups (one per request) a person's list has. */
  async countGroups(db: Db, recipientId: string): Promise<number> {
    const row = await sqlRow<{ total: number }>(
      db,
      `SELECT count(DISTINCT COALESCE(request_id, id))::int AS total FROM notifications
       WHERE recipient_id = $1 AND ${LISTED}`,
      [recipientId],
    );
    return row!.total;
  }

  /**
   * A page of a person's notifications grouped by request (one group per request; one without
   * a request is its own group): how many, how many unread, and the latest. Groups with
   * something unread first, then the most recent.
   */
  groups(db: Db, recipientId: string, page: { page: number; pageSize: number }): Promise<NotificationGroupRow[]> {
    return sqlRows<NotificationGroupRow>(
      db,
      `WITH listed AS (
         SELECT n.*, COALESCE(n.request_id, n.id) AS group_key FROM notifications n
         WHERE n.recipient_id = $1 AND ${LISTED}),
       grouped AS (
         SELECT group_key, count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread,
                max(created_at) AS latest_at
         FROM listed GROUP BY group_key
         ORDER BY (count(*) FILTER (WHERE read_at IS NULL) > 0) DESC, max(created_at) DESC, group_key
         LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize})
       SELECT g.total, g.unread, l.id, l.kind, l.request_id, l.params, l.created_at, l.read_at, u.language
       FROM grouped g
       CROSS JOIN LATERAL (
         SELECT * FROM listed WHERE listed.group_key = g.group_key ORDER BY created_at DESC, id DESC LIMIT 1) l
       JOIN users u ON u.id = $1
       ORDER BY (g.unread > 0) DESC, g.latest_at DESC, g.group_key`,
      [recipientId],
    );
  }

  /** Marks read every notification of the person about the request; whether it had any. */
  async markRequestRead(db: Db, recipientId: string, requestId: string): Promise<boolean> {
    const rows = await sqlRows<RowOf<NotificationEntity, 'id'>>(
      db,
      `WITH mine AS (SELECT id, read_at FROM notifications WHERE recipient_id = $1 AND request_id = $2 AND ${LISTED}),
       marked AS (UPDATE notifications n SET read_at = now() FROM mine WHERE n.id = mine.id AND mine.read_at IS NULL)
       SELECT id FROM mine LIMIT 1`,
      [recipientId, requestId],
    );
    return rows.length > 0;
  }

  /** A person's choices per event (the events without a row have the default). */
  settings(db: Db, userId: string): Promise<RowOf<NotificationSettingEntity, 'kind' | 'channel'>[]> {
    return sqlRows<RowOf<NotificationSettingEntity, 'kind' | 'channel'>>(
      db,
      `SELECT kind, channel FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
  }

  async saveSettings(db: Db, userId: string, settings: readonly NotificationSetting[]): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO notification_settings (user_id, kind, channel)
       SELECT $1, s.kind, s.channel FROM unnest($2::text[], $3::text[]) AS s (kind, channel)
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [userId, settings.map((s) => s.event), settings.map((s) => s.channel)],
    );
  }

  async countListed(db: Db, recipientId: string, unreadOnly: boolean): Promise<number> {
    const row = await sqlRow<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM notifications
       WHERE recipient_id = $1 AND ${LISTED} AND ($2::boolean IS FALSE OR read_at IS NULL)`,
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
       WHERE n.recipient_id = $1 AND ${LISTED} AND ($2::boolean IS FALSE OR n.read_at IS NULL)
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
