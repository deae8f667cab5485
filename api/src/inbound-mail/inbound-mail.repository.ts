import { Injectable } from '@nestjs/common';
import type { InboundMailOutcome, InboundMailRefusal, Language, Role } from '@portal/shared';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { NotificationEntity } from '../notifications/notification.entity';
import type { UserEntity } from '../users/user.entity';
import type { InboundMailEntity } from './inbound-mail.entities';

/** An active person found by the address a mail came from, as the caller of what the mail does. */
export type SenderRow = RowOf<UserEntity, 'id' | 'name' | 'contact'> & {
  role: Role;
  language: Language;
  organization_id: string | null;
  region_code: string | null;
};

/** A listed mail, with its request's reference and its sender's name. */
export type ListedInboundMailRow = RowOf<
  InboundMailEntity,
  | 'id'
  | 'received_at'
  | 'from_address'
  | 'subject'
  | 'outcome'
  | 'refusal'
  | 'request_id'
  | 'sender_id'
  | 'refused_files'
> & { reference: string | null; sender_name: string | null };

export interface InboundMailRecord {
  messageKey: string;
  fromAddress: string;
  subject: string;
  outcome: InboundMailOutcome;
  refusal: InboundMailRefusal | null;
  senderId: string | null;
}

/** The record of what the mailbox received, and the answers to unknown senders. */
@Injectable()
export class InboundMailRepository {
  /** The active person with this address (addresses compared without case, as the unique index does). */
  sender(db: Db, address: string): Promise<SenderRow | undefined> {
    return sqlRow<SenderRow>(
      db,
      `SELECT id, name, role, language, organization_id, region_code, contact FROM users
       WHERE lower(email) = lower($1) AND active`,
      [address],
    );
  }

  /** The request and the person an email was about and sent to. */
  notification(db: Db, id: string): Promise<RowOf<NotificationEntity, 'request_id' | 'recipient_id'> | undefined> {
    return sqlRow<RowOf<NotificationEntity, 'request_id' | 'recipient_id'>>(
      db,
      `SELECT request_id, recipient_id FROM notifications WHERE id = $1`,
      [id],
    );
  }

  /**
   * Claims the mail: true when this transaction recorded it first. A second process with the
   * same mail waits on the unique key until the first commits, then finds it taken (or takes
   * it, when the first rolled back).
   */
  async claim(db: Db, mail: InboundMailRecord): Promise<string | undefined> {
    const row = await sqlRow<RowOf<InboundMailEntity, 'id'>>(
      db,
      `INSERT INTO inbound_mails (message_key, from_address, subject, outcome, refusal, sender_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_key) DO NOTHING RETURNING id`,
      [mail.messageKey, mail.fromAddress, mail.subject, mail.outcome, mail.refusal, mail.senderId],
    );
    return row?.id;
  }

  /** What the claimed mail became: its request, its message, the files it carried that were refused. */
  async settle(
    db: Db,
    id: string,
    result: { requestId: string; messageId: string | null; refusedFiles: { name: string; reason: string }[] },
  ): Promise<void> {
    await sqlRun(db, `UPDATE inbound_mails SET request_id = $2, message_id = $3, refused_files = $4 WHERE id = $1`, [
      id,
      result.requestId,
      result.messageId,
      JSON.stringify(result.refusedFiles),
    ]);
  }

  /** Whether this address may get the polite answer now (none in the last 24 hours); taken if so. */
  async claimAnswer(db: Db, address: string): Promise<boolean> {
    const rows = await returningRows<RowOf<InboundMailEntity, 'id'>>(
      db,
      `INSERT INTO inbound_mail_answers (address) VALUES (lower($1))
       ON CONFLICT (address) DO UPDATE SET answered_at = now()
       WHERE inbound_mail_answers.answered_at <= now() - interval '1 day'
       RETURNING address AS id`,
      [address],
    );
    return rows.length > 0;
  }

  async count(db: Db, outcome: InboundMailOutcome | undefined): Promise<number> {
    const row = await sqlRow<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM inbound_mails WHERE $1::text IS NULL OR outcome = $1`,
      [outcome ?? null],
    );
    return row!.total;
  }

  /** A page of the received mails, the refused first, then the most recent. */
  list(
    db: Db,
    outcome: InboundMailOutcome | undefined,
    page: { page: number; pageSize: number },
  ): Promise<ListedInboundMailRow[]> {
    return sqlRows<ListedInboundMailRow>(
      db,
      `SELECT m.id, m.received_at, m.from_address, m.subject, m.outcome, m.refusal, m.request_id, m.sender_id,
              m.refused_files, r.reference, u.name AS sender_name
       FROM inbound_mails m
       LEFT JOIN requests r ON r.id = m.request_id
       LEFT JOIN users u ON u.id = m.sender_id
       WHERE $1::text IS NULL OR m.outcome = $1
       ORDER BY (m.outcome = 'refused') DESC, m.received_at DESC, m.id
       LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      [outcome ?? null],
    );
  }
}
