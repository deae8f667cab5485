import { Module } from '@nestjs/common';
import { RequestViewsRepository } from './request-views.repository';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { RoutingService } from './routing/routing.service';

@Module({
  controllers: [RequestsController],
  providers: [RequestsService, RequestViewsRepository, RoutingService],
  exports: [RequestsService, RequestViewsRepository],
})
export class RequestsModule {}
