import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhookWorker } from './webhook-worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookWorker],
})
export class WebhooksModule {}
