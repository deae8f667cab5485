import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReferenceModule } from '../reference/reference.module';
import { CannedAnswersController } from './canned-answers.controller';
import { CannedAnswersRepository } from './canned-answers.repository';
import { CannedAnswersService } from './canned-answers.service';

@Module({
  imports: [AuditModule, ReferenceModule],
  controllers: [CannedAnswersController],
  providers: [CannedAnswersService, CannedAnswersRepository],
})
export class CannedAnswersModule {}
