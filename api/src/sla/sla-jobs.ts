import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTO_CLOSE_DAYS } from '@portal/shared';
import { JobScheduler } from '../jobs/job-scheduler';
import { NotificationsService } from '../notifications/notifications.service';
import { SlaRepository } from './sla.repository';

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
    private readonly repository: SlaRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'sla-breach-sweep', run: () => this.flagBreaches() });
    this.scheduler.register({ name: 'auto-close-resolved', run: () => this.closeStaleResolved() });
  }

  async flagBreaches(): Promise<{ breached: number }> {
    return this.dataSource.transaction(async (db) => {
      // Waiting on the member stops the clock: those requests are not swept.
      const rows = await this.repository.flagBreaches(db);
      for (const row of rows) {
        const directors = await this.repository.regionDirectors(db, row.region_code);
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
      const rows = await this.repository.closeStaleResolved(db, AUTO_CLOSE_DAYS);
      for (const row of rows) {
        const eventId = await this.repository.insertAutoCloseEvent(
          db,
          row.id,
          `Closed automatically after ${AUTO_CLOSE_DAYS} days without activity`,
        );
        await this.notifications.enqueue(db, [
          {
            recipientId: row.created_by,
            kind: 'request.status_changed',
            requestId: row.id,
            eventKey: `event:${eventId}`,
            params: { reference: row.reference, subject: row.subject, from: 'resolved', to: 'closed' },
          },
        ]);
      }
      return { closed: rows.length };
    });
  }
}
