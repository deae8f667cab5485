import { Injectable } from '@nestjs/common';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { AttachmentEntity } from '../requests/request.entities';
import type { UserEntity } from '../users/user.entity';

export interface ExportedRequestRow {
  id: string;
  reference: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  area: string;
  organization: string;
  created_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
  satisfaction_score: number | null;
  satisfaction_comment: string | null;
  satisfaction_reasons: string[];
}

export interface ExportedMessageRow {
  id: string;
  reference: string;
  body: string;
  internal: boolean;
  created_at: Date;
}

export type ExportedFileRow = RowOf<
  AttachmentEntity,
  'id' | 'file_name' | 'content_type' | 'size_bytes' | 'sha256' | 'storage_key' | 'created_at'
> & { reference: string };

export interface ExportedNotificationRow {
  kind: string;
  reference: string | null;
  params: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export interface SignInRow {
  action: string;
  created_at: Date;
  ip: string | null;
  user_agent: string | null;
  changes: Record<string, unknown>;
}

export type ErasableUserRow = RowOf<UserEntity, 'id' | 'email' | 'role' | 'organization_id' | 'erased_at'>;

/**
 * What the portal holds about one person, read for its export, and the statements of its
 * erasure. Everything is selected by the person's own id (author, uploader, creator,
 * recipient, actor): nothing another member wrote comes along.
 */
@Injectable()
export class PersonalDataRepository {
  requestsCreatedBy(db: Db, userId: string): Promise<ExportedRequestRow[]> {
    return sqlRows<ExportedRequestRow>(
      db,
      `SELECT r.id, r.reference, r.subject, r.description, r.status, r.priority, r.area_code AS area, o.name AS organization,
              r.created_at, r.resolved_at, r.closed_at, r.satisfaction_score, r.satisfaction_comment, r.satisfaction_reasons
       FROM requests r JOIN organizations o ON o.id = r.organization_id
       WHERE r.created_by = $1 ORDER BY r.created_at`,
      [userId],
    );
  }

  messagesBy(db: Db, userId: string): Promise<ExportedMessageRow[]> {
    return sqlRows<ExportedMessageRow>(
      db,
      `SELECT m.id, r.reference, m.body, m.internal, m.created_at
       FROM request_messages m JOIN requests r ON r.id = m.request_id
       WHERE m.author_id = $1 ORDER BY m.created_at, m.id`,
      [userId],
    );
  }

  filesUploadedBy(db: Db, userId: string): Promise<ExportedFileRow[]> {
    return sqlRows<ExportedFileRow>(
      db,
      `SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key, a.created_at, r.reference
       FROM attachments a JOIN requests r ON r.id = a.request_id
       WHERE a.uploaded_by = $1 ORDER BY a.created_at, a.id`,
      [userId],
    );
  }

  notificationsOf(db: Db, userId: string): Promise<ExportedNotificationRow[]> {
    return sqlRows<ExportedNotificationRow>(
      db,
      `SELECT n.kind, r.reference, n.params, n.created_at, n.read_at
       FROM notifications n LEFT JOIN requests r ON r.id = n.request_id
       WHERE n.recipient_id = $1 ORDER BY n.created_at, n.id`,
      [userId],
    );
  }

  /** Its sign-ins and the refused attempts on its account, from the audit trail. */
  signInsOf(db: Db, userId: string): Promise<SignInRow[]> {
    return sqlRows<SignInRow>(
      db,
      `SELECT action, created_at, ip, user_agent, changes FROM audit_log
       WHERE (action = 'auth.signed-in' AND actor_id = $1) OR (action = 'auth.sign-in-failed' AND entity_id = $1::text)
       ORDER BY id`,
      [userId],
    );
  }

  lockUser(db: Db, userId: string): Promise<ErasableUserRow | undefined> {
    return sqlRow<ErasableUserRow>(
      db,
      `SELECT id, email, role, organization_id, erased_at FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
  }

  /** The requests whose texts hold the person's words: those it filed and those it wrote on. */
  async requestsWithTextOf(db: Db, userId: string): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      db,
      `SELECT id FROM requests WHERE created_by = $1
       UNION SELECT request_id FROM request_messages WHERE author_id = $1
       UNION SELECT request_id FROM request_events WHERE actor_id = $1 AND reason IS NOT NULL`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  /** Their messages' text replaced; the messages stay (the timeline and first-response times need them). */
  async redactMessages(db: Db, userId: string, marker: string, erasedName: string): Promise<number> {
    const rows = await returningRows<{ id: string }>(
      db,
      `UPDATE request_messages SET body = $2 WHERE author_id = $1 RETURNING id`,
      [userId, marker],
    );
    // Others' notifications quoted those messages, under their author's name.
    await sqlRun(
      db,
      `UPDATE notifications SET params = params || jsonb_build_object('excerpt', $2::text, 'author', $3::text)
       WHERE event_key = ANY ($1::text[]) AND params ? 'excerpt'`,
      [rows.map((row) => `message:${row.id}`), marker, erasedName],
    );
    // The invitations it sent (an organization's contact) named it to the invitees.
    await sqlRun(
      db,
      `UPDATE notifications SET params = params || jsonb_build_object('inviter', $2::text)
       WHERE params ? 'inviter' AND params->>'tokenId' IN (SELECT id::text FROM account_tokens WHERE created_by = $1)`,
      [userId, erasedName],
    );
    return rows.length;
  }

  /** The requests it filed keep everything but its words: subject, description, rating comment, its reasons on the timeline. */
  async redactRequests(db: Db, userId: string, marker: string): Promise<number> {
    const rows = await returningRows<{ id: string }>(
      db,
      `UPDATE requests SET subject = $2, description = $2,
              satisfaction_comment = CASE WHEN satisfaction_comment IS NULL THEN NULL ELSE $2 END
       WHERE created_by = $1 RETURNING id`,
      [userId, marker],
    );
    await sqlRun(
      db,
      `UPDATE notifications SET params = params || jsonb_build_object('subject', $2::text)
       WHERE request_id = ANY ($1::uuid[]) AND params ? 'subject'`,
      [rows.map((row) => row.id), marker],
    );
    await sqlRun(db, `UPDATE request_events SET reason = $2 WHERE actor_id = $1 AND reason IS NOT NULL`, [
      userId,
      marker,
    ]);
    return rows.length;
  }

  /**
   * The search texts of these requests written anew from what they hold now (their words
   * gone): the reference, subject and description and the public messages; the internal notes.
   */
  async rebuildSearchText(db: Db, requestIds: string[]): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests r SET
         search_public = to_tsvector('simple', unaccent(r.reference || ' ' || r.subject || ' ' || r.description || ' ' ||
           coalesce((SELECT string_agg(m.body, ' ' ORDER BY m.created_at) FROM request_messages m WHERE m.request_id = r.id AND NOT m.internal), ''))),
         search_internal = to_tsvector('simple', unaccent(
           coalesce((SELECT string_agg(m.body, ' ' ORDER BY m.created_at) FROM request_messages m WHERE m.request_id = r.id AND m.internal), '')))
       WHERE r.id = ANY ($1::uuid[])`,
      [requestIds],
    );
  }

  /** Their files' rows removed; the storage keys returned, for the files to go after COMMIT. */
  async deleteFilesUploadedBy(db: Db, userId: string): Promise<string[]> {
    const rows = await returningRows<{ storage_key: string }>(
      db,
      `DELETE FROM attachments WHERE uploaded_by = $1 RETURNING storage_key`,
      [userId],
    );
    return rows.map((row) => row.storage_key);
  }

  /** The account anonymized and closed: no password, no session, no pending link, nothing of its own left. */
  async anonymize(db: Db, user: ErasableUserRow, name: string, email: string): Promise<Date> {
    const params = [user.id];
    for (const table of ['refresh_token_families', 'account_tokens', 'notifications', 'idempotency_keys']) {
      const column = table === 'notifications' ? 'recipient_id' : 'user_id';
      await sqlRun(db, `DELETE FROM ${table} WHERE ${column} = $1`, params);
    }
    for (const table of ['saved_views', 'request_presence', 'notification_settings', 'request_reads'])
      await sqlRun(db, `DELETE FROM ${table} WHERE user_id = $1`, params);
    await sqlRun(db, `DELETE FROM login_failures WHERE email_key = lower($1)`, [user.email]);
    const [row] = await returningRows<RowOf<UserEntity, 'erased_at'>>(
      db,
      `UPDATE users SET name = $2, email = $3, password_hash = NULL, active = false, contact = false, available = false,
              email_notifications = 'none', last_digest_at = NULL, erased_at = now(), updated_at = now()
       WHERE id = $1 RETURNING erased_at`,
      [user.id, name, email],
    );
    return row.erased_at!;
  }

  /** Attachments of requests closed before the cutoff: removed, rows and (after COMMIT) files. */
  deleteAttachmentsClosedBefore(
    db: Db,
    days: number,
  ): Promise<{ id: string; request_id: string; storage_key: string }[]> {
    return returningRows<{ id: string; request_id: string; storage_key: string }>(
      db,
      `DELETE FROM attachments a USING requests r
       WHERE r.id = a.request_id AND r.status = 'closed' AND r.closed_at < now() - make_interval(days => $1)
       RETURNING a.id, a.request_id, a.storage_key`,
      [days],
    );
  }
}
