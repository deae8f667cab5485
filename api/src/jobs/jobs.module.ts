import { Module } from '@nestjs/common';
import { JobRunsRepository } from './job-runs.repository';
import { JobScheduler } from './job-scheduler';

/** The one scheduler of the process; a feature with periodic jobs imports this module and registers them. */
@Module({ providers: [JobScheduler, JobRunsRepository], exports: [JobScheduler] })
export class JobsModule {}
