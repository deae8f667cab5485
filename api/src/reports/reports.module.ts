import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { JobsModule } from '../jobs/jobs.module';
import { ReferenceModule } from '../reference/reference.module';
import { OrganizationCells } from './organization-cells';
import { QualityReportController } from './quality/quality-report.controller';
import { QualityReportRepository } from './quality/quality-report.repository';
import { QualityReportService } from './quality/quality-report.service';
import { ReportRollupJobs } from './report-rollup.jobs';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReferenceModule, JobsModule, AuditModule],
  controllers: [ReportsController, QualityReportController],
  providers: [
    ReportsService,
    ReportsRepository,
    ReportRollupJobs,
    QualityReportService,
    QualityReportRepository,
    // One per process: the organizations' cells held across reports.
    {
      provide: OrganizationCells,
      useFactory: (config: AppConfig) => new OrganizationCells(config.REPORT_CACHE_MB * 2 ** 20),
      inject: [AppConfig],
    },
  ],
})
export class ReportsModule {}
