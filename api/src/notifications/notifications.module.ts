import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OutboxWorker } from './outbox-worker';

@Module({
  controllers: [NotificationsController, NotificationSettingsController],
  providers: [NotificationsService, NotificationsRepository, Mailer, OutboxWorker],
  exports: [NotificationsService],
})
export class NotificationsModule {}
