import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceModule } from '../reference/reference.module';
import { SlaAdminController } from './sla-admin.controller';
import { SlaJobs } from './sla-jobs';
import { SlaAdminService } from './sla-admin.service';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

@Module({
  imports: [ReferenceModule, NotificationsModule, AuditModule, JobsModule],
  controllers: [SlaAdminController],
  providers: [SlaService, SlaJobs, SlaRepository, SlaAdminService],
  // SlaRepository: its regionDirectors() serves the satisfaction links' low-score notice too.
  exports: [SlaService, SlaRepository],
})
export class SlaModule {}
