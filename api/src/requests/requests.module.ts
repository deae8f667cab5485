import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceModule } from '../reference/reference.module';
import { SlaModule } from '../sla/sla.module';
import { RequestViewsRepository } from './request-views.repository';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { RoutingService } from './routing/routing.service';

/** Exports RequestsService: deactivating a staff member (users feature) re-routes its open requests. */
@Module({
  imports: [ReferenceModule, SlaModule, NotificationsModule],
  controllers: [RequestsController],
  providers: [RequestsService, RequestViewsRepository, RoutingService],
  exports: [RequestsService],
})
export class RequestsModule {}
