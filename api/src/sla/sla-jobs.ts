import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTO_CLOSE_DAYS, SLA_DEADLINES } from '@portal/shared';
import { JobScheduler } from '../jobs/job-scheduler';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferenceService } from '../reference/reference.service';
import { SlaRepository, type SlaSweptRow } from './sla.repository';

/**
 * The SLA's periodic work: for each deadline of each open request (first response,
 * resolution), warn the assignee once 75 % of its business time is used, and at its breach
 * flag the request breached and escalated and tell the region's director(s) and the
 * assignee; close resolved requests left untouched for 7 days. Each step marks rows with a
 * conditional UPDATE … RETURNING (the rows locked, SKIP LOCKED) and writes the timeline's
 * event and the notifications in the same transaction (notifications are unique per cause
 * and recipient besides), so even overlapping runs on replicas act on each deadline once.
 */
@Injectable()
export class SlaJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationsService,
    private readonly repository: SlaRepository,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'sla-breach-sweep', run: () => this.sweepDeadlines() });
    this.scheduler.register({ name: 'auto-close-resolved', run: () => this.closeStaleResolved() });
  }

  /** One run of the sweep; what it did, per step, goes to the job's record. */
  async sweepDeadlines(): Promise<{ breached: number; warned: number }> {
    return this.dataSource.transaction(async (db) => {
      const directors = new Map<string, string[]>();
      const directorsOf = async (region: string) => {
        if (!directors.has(region))
          directors.set(
            region,
            (await this.repository.regionDirectors(db, region)).map((d) => d.id),
          );
        return directors.get(region)!;
      };
      let breached = 0;
      let warned = 0;
      for (const deadline of SLA_DEADLINES) {
        // The breach first: one a sweep reaches together with its 75 % is sent alone.
        const late = await this.repository.markSlaStep(db, deadline, 'breach');
        await this.repository.insertSlaEvents(
          db,
          late.map((row) => row.id),
          'breach',
          deadline,
        );
        for (const row of late) {
          const recipients = new Set([
            ...(await directorsOf(row.region_code)),
            ...(row.assignee_id ? [row.assignee_id] : []),
          ]);
          await this.notifications.enqueue(
            db,
            [...recipients].map((recipientId) => ({
              recipientId,
              kind: 'request.breached' as const,
              requestId: row.id,
              eventKey: `sla-breach:${deadline}:${row.id}`,
              params: { ...this.dueParams(row), assignee: row.assignee_name ?? undefined, deadline },
            })),
          );
        }
        const near = await this.repository.markSlaStep(db, deadline, 'warning');
        await this.repository.insertSlaEvents(
          db,
          near.map((row) => row.id),
          'warning',
          deadline,
        );
        // Nobody has an unassigned request yet: its warning is in the timeline only.
        await this.notifications.enqueue(
          db,
          near
            .filter((row) => row.assignee_id !== null)
            .map((row) => ({
              recipientId: row.assignee_id!,
              kind: 'request.sla_warning' as const,
              requestId: row.id,
              eventKey: `sla-warning:${deadline}:${row.id}`,
              params: { ...this.dueParams(row), deadline },
            })),
        );
        breached += late.length;
        warned += near.length;
      }
      return { breached, warned };
    });
  }

  /** The request and its due time, said in the country's time zone. */
  private dueParams(row: SlaSweptRow) {
    const timeZone = this.reference.countries('en').find((c) => c.code === row.country_code)?.timezone ?? 'UTC';
    return {
      reference: row.reference,
      subject: row.subject,
      dueAt: row.due_at.toISOString(),
      country: row.country_code,
      timeZone,
    };
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
