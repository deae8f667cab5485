import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { JobScheduler } from '../jobs/job-scheduler';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';

/**
 * ATTACHMENT_RETENTION_DAYS after a request closed, its files go: the rows and the audit
 * entry in one transaction, the stored files after COMMIT. A sweep: a run lost to a crash is
 * made up by the next; a request reopened and closed again counts from its new closing.
 */
@Injectable()
export class AttachmentRetentionJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly scheduler: JobScheduler,
    private readonly repository: PersonalDataRepository,
    private readonly personalData: PersonalDataService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    if (this.config.ATTACHMENT_RETENTION_DAYS > 0)
      this.scheduler.register({ name: 'attachment-retention', run: () => this.sweep() });
  }

  async sweep(): Promise<{ removed: number }> {
    const days = this.config.ATTACHMENT_RETENTION_DAYS;
    const removed = await this.dataSource.transaction(async (db) => {
      const rows = await this.repository.deleteAttachmentsClosedBefore(db, days);
      const requests = [...new Set(rows.map((row) => row.request_id))];
      for (const requestId of requests) {
        await this.audit.record(db, {
          actorId: null,
          action: 'attachments.retention-deleted',
          entityType: 'request',
          entityId: requestId,
          changes: {
            retentionDays: days,
            attachments: rows.filter((r) => r.request_id === requestId).map((r) => r.id),
          },
        });
      }
      return rows;
    });
    await this.personalData.removeFiles(removed.map((row) => row.storage_key));
    return { removed: removed.length };
  }
}
