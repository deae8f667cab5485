import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DIGEST_LOCAL_HOUR } from '@portal/shared';
import { JobScheduler } from '../../jobs/job-scheduler';
import { DigestRepository } from './digest.repository';

/**
 * The daily digest: at DIGEST_LOCAL_HOUR in each person's time zone, the notifications held
 * for a person on 'digest' become one email (sent by the outbox). The job runs every period;
 * whoever is not due yet is left for a later run, and nobody is due twice for one day.
 */
@Injectable()
export class DigestJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    private readonly repository: DigestRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'email-digest', run: () => this.writeDigests() });
  }

  async writeDigests(): Promise<{ digests: number; notifications: number }> {
    return this.dataSource.transaction(async (db) => {
      await this.repository.skipWithdrawn(db);
      return this.repository.writeDue(db, DIGEST_LOCAL_HOUR);
    });
  }
}
