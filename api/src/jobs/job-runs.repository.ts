import { Injectable } from '@nestjs/common';
import { type Db, type RowOf, sqlRow, sqlRun } from '../common/typed-sql';
import type { ScheduledJobRunEntity } from '../sla/sla.entities';

/** The scheduler's claims: one row per (job, slot), whoever inserts it runs the job. */
@Injectable()
export class JobRunsRepository {
  /** The slot of now, claimed for this process; undefined when another process has it. */
  async claimSlot(db: Db, job: string, intervalSeconds: number, runBy: string): Promise<string | undefined> {
    const row = await sqlRow<RowOf<ScheduledJobRunEntity, 'slot'>>(
      db,
      `INSERT INTO scheduled_job_runs (job, slot, run_by)
       VALUES ($1, floor(extract(epoch FROM now()) / $2)::bigint, $3)
       ON CONFLICT (job, slot) DO NOTHING RETURNING slot`,
      [job, intervalSeconds, runBy],
    );
    return row?.slot;
  }

  async finish(db: Db, job: string, slot: string, result: Record<string, unknown>): Promise<void> {
    await sqlRun(db, `UPDATE scheduled_job_runs SET finished_at = now(), result = $3 WHERE job = $1 AND slot = $2`, [
      job,
      slot,
      JSON.stringify(result),
    ]);
  }
}
