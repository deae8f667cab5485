import { Injectable } from '@nestjs/common';
import type { SatisfactionReason } from '@portal/shared';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { RequestEntity } from '../requests/request.entities';
import type { UserEntity } from '../users/user.entity';

/** A request as a score link sees it, with what the director's notification says. */
export type LinkedRequestRow = RowOf<
  RequestEntity,
  'id' | 'reference' | 'subject' | 'status' | 'region_code' | 'satisfaction_score' | 'satisfaction_comment'
> & {
  satisfaction_reasons: SatisfactionReason[];
  organization: OrganizationEntity['name'];
  assignee_name: UserEntity['name'] | null;
};

/** A request whose member is reminded now. */
export type ReminderRow = RowOf<RequestEntity, 'id' | 'reference' | 'subject' | 'created_by'>;

@Injectable()
export class SatisfactionRepository {
  /**
   * The request a link names, locked, only if the member the link was sent to filed it and
   * still has an active account: the link acts for that person alone.
   */
  lockLinkedRequest(db: Db, requestId: string, memberId: string): Promise<LinkedRequestRow | undefined> {
    return sqlRow<LinkedRequestRow>(
      db,
      `SELECT r.id, r.reference, r.subject, r.status, r.region_code, r.satisfaction_score, r.satisfaction_comment,
              r.satisfaction_reasons, o.name AS organization, a.name AS assignee_name
       FROM requests r
       JOIN users m ON m.id = r.created_by AND m.active
       JOIN organizations o ON o.id = r.organization_id
       LEFT JOIN users a ON a.id = r.assignee_id
       WHERE r.id = $1 AND r.created_by = $2
       FOR UPDATE OF r`,
      [requestId, memberId],
    );
  }

  /** A new score; the reasons go with a score above the low ones (they explained a low one). */
  async setScore(db: Db, id: string, score: number, lowScore: number): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET satisfaction_score = $2::smallint,
              satisfaction_reasons = CASE WHEN $2::smallint > $3::smallint THEN '{}' ELSE satisfaction_reasons END,
              updated_at = now(), version = version + 1
       WHERE id = $1`,
      [id, score, lowScore],
    );
  }

  async setDetails(db: Db, id: string, comment: string | null, reasons: SatisfactionReason[]): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET satisfaction_comment = $2, satisfaction_reasons = $3::text[], updated_at = now(), version = version + 1
       WHERE id = $1`,
      [id, comment, reasons],
    );
  }

  /** The timeline's "rated" entry, by the member, from the previous score (none the first time). */
  async insertRatedEvent(db: Db, requestId: string, memberId: string, from: number | null, to: number): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       VALUES ($1, $2, 'rated', $3, $4, NULL, clock_timestamp())`,
      [requestId, memberId, from === null ? null : String(from), String(to)],
    );
  }

  /**
   * Claims the reminders due: requests resolved at least `days` ago, still resolved and not
   * rated, never reminded. The insert of the reminder's row is the claim (its primary key
   * is the request), so overlapping runs remind each request once.
   */
  claimDueReminders(db: Db, days: number): Promise<ReminderRow[]> {
    return sqlRows<ReminderRow>(
      db,
      `WITH sent AS (
         INSERT INTO satisfaction_reminders (request_id)
         SELECT id FROM requests
         WHERE status = 'resolved' AND satisfaction_score IS NULL AND resolved_at <= now() - make_interval(days => $1)
         ON CONFLICT (request_id) DO NOTHING
         RETURNING request_id)
       SELECT r.id, r.reference, r.subject, r.created_by FROM sent JOIN requests r ON r.id = sent.request_id`,
      [days],
    );
  }
}
