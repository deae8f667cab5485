import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SATISFACTION_REMINDER_DAYS } from '@portal/shared';
import { JobScheduler } from '../jobs/job-scheduler';
import { NotificationsService } from '../notifications/notifications.service';
import { SatisfactionRepository } from './satisfaction.repository';

/**
 * Reminds the member once, three days after resolution, when no score came: the email
 * carries the five score links again. The reminder's row is inserted (ON CONFLICT DO
 * NOTHING) in the transaction of its notification, so overlapping runs remind each request
 * once, and a reopened request resolved again is not reminded twice.
 */
@Injectable()
export class SatisfactionJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationsService,
    private readonly repository: SatisfactionRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'satisfaction-reminder', run: () => this.remind() });
  }

  async remind(): Promise<{ reminded: number }> {
    return this.dataSource.transaction(async (db) => {
      const rows = await this.repository.claimDueReminders(db, SATISFACTION_REMINDER_DAYS);
      await this.notifications.enqueue(
        db,
        rows.map((row) => ({
          recipientId: row.created_by,
          kind: 'request.rating-reminder' as const,
          requestId: row.id,
          eventKey: `satisfaction:${row.id}:reminder`,
          params: { reference: row.reference, subject: row.subject },
        })),
      );
      return { reminded: rows.length };
    });
  }
}
