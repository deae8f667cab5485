import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { UsersModule } from '../users/users.module';
import { AttachmentRetentionJobs } from './attachment-retention.jobs';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';

/** A person's rights over its data: export, erasure, and the retention of closed requests' files. */
@Module({
  imports: [AuditModule, UsersModule, JobsModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataRepository, AttachmentRetentionJobs],
})
export class PersonalDataModule {}
