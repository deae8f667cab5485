import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReferenceModule } from '../reference/reference.module';
import { CoverageAreasRepository } from '../users/coverage-areas.repository';
import { CannedAnswersController } from './canned-answers.controller';
import { CannedAnswersRepository } from './canned-answers.repository';
import { CannedAnswersService } from './canned-answers.service';

@Module({
  imports: [AuditModule, ReferenceModule],
  controllers: [CannedAnswersController],
  providers: [CoverageAreasRepository, CannedAnswersService, CannedAnswersRepository],
})
export class CannedAnswersModule {}
