import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { DigestJobs } from './digest/digest-jobs';
import { DigestRepository } from './digest/digest.repository';
import { Mailer } from './mailer';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox-worker';

@Module({
  imports: [JobsModule],
  controllers: [NotificationsController, NotificationSettingsController],
  providers: [NotificationsService, NotificationsRepository, Mailer, OutboxWorker, DigestRepository, DigestJobs],
  exports: [NotificationsService, Mailer],
})
export class NotificationsModule {}
