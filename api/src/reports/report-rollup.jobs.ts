import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler';
import { ReportsRepository } from './reports.repository';

const FOLD_AT_DELTAS = 5000;
const FOLD_AFTER_MINUTES = 10;

/**
 * Folds the report rollup's pending deltas (written by triggers on every change of a
 * request) into its monthly and daily cells: report_rollup_compact() rebuilds the months
 * and days the deltas touch from the requests and deletes those deltas, in one snapshot
 * (REPEATABLE READ), so a report (cells + pending deltas) is exact before, during and after.
 * Reports never depend on it for correctness, only for speed: the fewer pending deltas,
 * the less each report reads.
 */
@Injectable()
export class ReportRollupJobs implements OnModuleInit {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'report-rollup-compact', run: () => this.compact() });
  }

  /**
   * Folding rebuilds whole months, so it waits for enough deltas or old enough ones: a report
   * reads the pending ones anyway (indexed by filing time), a few thousand cost it little.
   */
  async compact(options: { force?: boolean } = {}): Promise<{ folded: number }> {
    if (!options.force && !(await this.reports.compactionDue(FOLD_AT_DELTAS, FOLD_AFTER_MINUTES))) return { folded: 0 };
    return { folded: await this.reports.compact() };
  }
}
