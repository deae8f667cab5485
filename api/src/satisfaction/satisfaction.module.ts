import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { SatisfactionJobs } from './satisfaction-jobs';
import { SatisfactionController } from './satisfaction.controller';
import { SatisfactionRepository } from './satisfaction.repository';
import { SatisfactionService } from './satisfaction.service';

/** Satisfaction in one tap: the score links' public routes and the reminder job. */
@Module({
  imports: [NotificationsModule, JobsModule, SlaModule],
  controllers: [SatisfactionController],
  providers: [SatisfactionService, SatisfactionRepository, SatisfactionJobs],
})
export class SatisfactionModule {}
