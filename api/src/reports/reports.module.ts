import { Module } from '@nestjs/common';
import { ReportRollupJobs } from './report-rollup.jobs';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, ReportRollupJobs] })
export class ReportsModule {}
