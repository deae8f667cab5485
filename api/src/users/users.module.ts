import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { AbsenceController } from './absence.controller';
import { AbsenceRepository } from './absence.repository';
import { AbsenceService } from './absence.service';
import { UserViewsRepository } from './user-views.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, RequestsModule],
  controllers: [UsersController, AbsenceController],
  providers: [UsersService, UserViewsRepository, UsersRepository, AbsenceService, AbsenceRepository],
  exports: [UsersService, UserViewsRepository],
})
export class UsersModule {}
