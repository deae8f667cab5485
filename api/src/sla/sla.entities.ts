import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ type: 'text' }) priority: string;
  @Column({ name: 'first_response_hours', type: 'int' }) firstResponseHours: number;
  @Column({ name: 'resolution_hours', type: 'int' }) resolutionHours: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('holidays')
export class HolidayEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'country_code', type: 'text' }) countryCode: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text' }) name: string;
}

@Entity('scheduled_job_runs')
export class ScheduledJobRunEntity {
  @PrimaryColumn({ type: 'text' }) job: string;
  @PrimaryColumn({ type: 'bigint' }) slot: string;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ name: 'run_by', type: 'text' }) runBy: string;
  @Column({ type: 'jsonb', nullable: true }) result: unknown;
}
