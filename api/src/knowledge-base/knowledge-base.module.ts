import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReferenceModule } from '../reference/reference.module';
import { CoverageAreasRepository } from '../users/coverage-areas.repository';
import { KnowledgeBaseController } from './knowledge-base.controller';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { KnowledgeBaseService } from './knowledge-base.service';

@Module({
  imports: [AuditModule, ReferenceModule],
  controllers: [KnowledgeBaseController],
  providers: [CoverageAreasRepository, KnowledgeBaseService, KnowledgeBaseRepository],
})
export class KnowledgeBaseModule {}
