import { Global, Module } from '@nestjs/common';
import { UserViewsRepository } from './user-views.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  controllers: [UsersController],
  providers: [UsersService, UserViewsRepository],
  exports: [UsersService, UserViewsRepository],
})
export class UsersModule {}
