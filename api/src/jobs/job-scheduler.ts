import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobRunsRepository } from './job-runs.repository';

export interface ScheduledJob {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

/**
 * Runs periodic jobs once per period across any number of API processes, through
 * PostgreSQL alone: time is cut into slots of JOB_INTERVAL_SECONDS (by the database's
 * clock, which all processes share); the process whose INSERT of (job, slot) into
 * scheduled_job_runs succeeds runs the job for that slot, the others see the conflict and
 * skip it. A run lost to a crash is made up by the next slot: the jobs are sweeps that
 * pick up whatever is due.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly runBy = `${hostname()}:${process.pid}`;
  private readonly jobs: ScheduledJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: JobRunsRepository,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    // Ticking twice per slot makes sure no slot passes without an attempt.
    const every = Math.max(500, (this.config.JOB_INTERVAL_SECONDS * 1000) / 2);
    this.timer = setInterval(() => void this.tick(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.runDueJobs().finally(() => (this.running = null));
    return this.running;
  }

  private async runDueJobs(): Promise<void> {
    for (const job of this.jobs) {
      try {
        const slot = await this.repository.claimSlot(
          this.dataSource,
          job.name,
          this.config.JOB_INTERVAL_SECONDS,
          this.runBy,
        );
        if (slot === undefined) continue;
        const result = await job.run();
        await this.repository.finish(this.dataSource, job.name, slot, result);
      } catch (error) {
        this.logger.warn({ msg: 'scheduled job failed', job: job.name, err: String(error) });
      }
    }
  }
}
