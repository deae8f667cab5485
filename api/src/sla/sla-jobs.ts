import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTO_CLOSE_DAYS, rolesSeeing } from '@portal/shared';
import { JobScheduler } from '../jobs/job-scheduler';
import { NotificationsService } from '../notifications/notifications.service';
import { returningRows } from '../common/sql';

/**
 * The SLA's periodic work: flag requests past their due time and tell the region's
 * director and the assignee; close resolved requests left untouched for 7 days.
 * Each flips rows with a conditional UPDATE … RETURNING, so even two overlapping runs
 * would flag, close and notify each request once.
 */
@Injectable()
export class SlaJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'sla-breach-sweep', run: () => this.flagBreaches() });
    this.scheduler.register({ name: 'auto-close-resolved', run: () => this.closeStaleResolved() });
  }

  async flagBreaches(): Promise<{ breached: number }> {
    return this.dataSource.transaction(async (db) => {
      // Waiting on the member stops the clock: those requests are not swept.
      const rows = await returningRows<{
        id: string;
        reference: string;
        subject: string;
        region_code: string;
        assignee_id: string | null;
        assignee_name: string | null;
      }>(
        db,
        `UPDATE requests r SET breached = true
           FROM requests r0 LEFT JOIN users a ON a.id = r0.assignee_id
           WHERE r.id = r0.id AND NOT r.breached AND r.status IN ('new', 'assigned', 'in_progress')
             AND ((r.first_responded_at IS NULL AND r.first_response_due_at < now()) OR r.resolution_due_at < now())
           RETURNING r.id, r.reference, r.subject, r.region_code, r.assignee_id, a.name AS assignee_name`,
      );
      for (const row of rows) {
        const directors: { id: string }[] = await db.query(
          `SELECT id FROM users WHERE role = ANY ($2::text[]) AND region_code = $1 AND active`,
          [row.region_code, rolesSeeing('region')],
        );
        const recipients = new Set([...directors.map((d) => d.id), ...(row.assignee_id ? [row.assignee_id] : [])]);
        await this.notifications.enqueue(
          db,
          [...recipients].map((recipientId) => ({
            recipientId,
            kind: 'request.breached' as const,
            requestId: row.id,
            eventKey: `breach:${row.id}`,
            params: { reference: row.reference, subject: row.subject, assignee: row.assignee_name ?? undefined },
          })),
        );
      }
      return { breached: rows.length };
    });
  }

  async closeStaleResolved(): Promise<{ closed: number }> {
    return this.dataSource.transaction(async (db) => {
      const rows = await returningRows<{ id: string; reference: string; subject: string; created_by: string }>(
        db,
        `UPDATE requests SET status = 'closed', closed_at = now(), updated_at = now(), version = version + 1
         WHERE status = 'resolved' AND GREATEST(resolved_at, updated_at) < now() - make_interval(days => $1)
         RETURNING id, reference, subject, created_by`,
        [AUTO_CLOSE_DAYS],
      );
      for (const row of rows) {
        const [event] = await db.query(
          `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
           VALUES ($1, NULL, 'status_changed', 'resolved', 'closed', $2, clock_timestamp()) RETURNING id`,
          [row.id, `Closed automatically after ${AUTO_CLOSE_DAYS} days without activity`],
        );
        await this.notifications.enqueue(db, [
          {
            recipientId: row.created_by,
            kind: 'request.status_changed',
            requestId: row.id,
            eventKey: `event:${event.id}`,
            params: { reference: row.reference, subject: row.subject, from: 'resolved', to: 'closed' },
          },
        ]);
      }
      return { closed: rows.length };
    });
  }
}
