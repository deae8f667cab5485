import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OrganizationCells } from './organization-cells';
import { ReportRollupJobs } from './report-rollup.jobs';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [
    ReportsService,
    ReportRollupJobs,
    // One per process: the organizations' cells held across reports.
    {
      provide: OrganizationCells,
      useFactory: (config: AppConfig) => new OrganizationCells(config.REPORT_CACHE_MB * 2 ** 20),
      inject: [AppConfig],
    },
  ],
})
export class ReportsModule {}
