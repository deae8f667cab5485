import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { UserViewsRepository } from './user-views.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, RequestsModule],
  controllers: [UsersController],
  providers: [UsersService, UserViewsRepository, UsersRepository],
  exports: [UsersService, UserViewsRepository],
})
export class UsersModule {}
