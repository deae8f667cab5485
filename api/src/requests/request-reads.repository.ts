import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAFF_ROLES } from '@portal/shared';
import { type Db, sqlRows, sqlRun } from '../common/typed-sql';

/** What members have read: a staff reply after their last visit is unread (issue 18). */
@Injectable()
export class RequestReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async markSeen(userId: string, requestId: string, db: Db = this.dataSource): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO request_reads (user_id, request_id, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, request_id) DO UPDATE SET seen_at = excluded.seen_at`,
      [userId, requestId],
    );
  }

  /**
   * Which of these requests (a page of the member's list) hold a public staff reply the member
   * has not seen: newer than their last visit, or (never opened) than the last message of
   * anyone of the organization. Closed and withdrawn requests never show one: nothing waits there.
   */
  async unreadAmong(userId: string, requestIds: string[], db: Db = this.dataSource): Promise<Set<string>> {
    if (requestIds.length === 0) return new Set();
    const rows = await sqlRows<{ id: string }>(
      db,
      `SELECT r.id FROM requests r
       LEFT JOIN request_reads rr ON rr.request_id = r.id AND rr.user_id = $1
       CROSS JOIN LATERAL (
         SELECT m.created_at, a.role FROM request_messages m JOIN users a ON a.id = m.author_id
         WHERE m.request_id = r.id AND NOT m.internal ORDER BY m.created_at DESC LIMIT 1) latest
       WHERE r.id = ANY($2::uuid[]) AND r.status NOT IN ('closed', 'withdrawn')
         AND latest.role = ANY($3::text[]) AND (rr.seen_at IS NULL OR latest.created_at > rr.seen_at)`,
      [userId, requestIds, STAFF_ROLES],
    );
    return new Set(rows.map((row) => row.id));
  }
}
