import { Global, Module } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler';
import { SlaAdminController } from './sla-admin.controller';
import { SlaJobs } from './sla-jobs';
import { SlaService } from './sla.service';

@Global()
@Module({
  controllers: [SlaAdminController],
  providers: [SlaService, SlaJobs, JobScheduler],
  exports: [SlaService, JobScheduler],
})
export class SlaModule {}
