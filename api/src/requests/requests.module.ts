import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceModule } from '../reference/reference.module';
import { SlaModule } from '../sla/sla.module';
import { BulkRequestsService } from './bulk-requests.service';
import { RequestViewsRepository } from './request-views.repository';
import { RequestsController } from './requests.controller';
import { RequestReadsRepository } from './request-reads.repository';
import { RequestsService } from './requests.service';
import { RequestsRepository } from './requests.repository';
import { RoutingRepository } from './routing/routing.repository';
import { RoutingService } from './routing/routing.service';

/** Exports RequestsService: deactivating a staff member (users feature) re-routes its open requests. */
@Module({
  imports: [ReferenceModule, SlaModule, NotificationsModule],
  controllers: [RequestsController],
  providers: [
    RequestsService,
    BulkRequestsService,
    RequestViewsRepository,
    RequestsRepository,
    RequestReadsRepository,
    RoutingService,
    RoutingRepository,
  ],
  exports: [RequestsService],
})
export class RequestsModule {}
