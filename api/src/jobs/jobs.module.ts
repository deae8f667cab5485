import { Module } from '@nestjs/common';
import { JobScheduler } from './job-scheduler';

/** The one scheduler of the process; a feature with periodic jobs imports this module and registers them. */
@Module({ providers: [JobScheduler], exports: [JobScheduler] })
export class JobsModule {}
