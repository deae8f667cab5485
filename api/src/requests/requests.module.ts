import { Global, Module } from '@nestjs/common';
import { RequestViewsRepository } from './request-views.repository';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { RoutingService } from './routing/routing.service';

/** Global: deactivating a staff member (users feature) re-routes its open requests. */
@Global()
@Module({
  controllers: [RequestsController],
  providers: [RequestsService, RequestViewsRepository, RoutingService],
  exports: [RequestsService, RequestViewsRepository, RoutingService],
})
export class RequestsModule {}
