import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The rollup tables of the directors' reports (migration ReportIndexes; read by report-sql.ts). */

@Entity('report_counts')
export class ReportCountEntity {
  @PrimaryColumn({ type: 'text' }) dim: string;
  /** Months the cell covers from `month`: 1, 3 (a quarter) or 12 (a year); migration ReportSpans. */
  @PrimaryColumn({ type: 'smallint', default: 1 }) span: number;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ name: 'n_new', type: 'int' }) nNew: number;
  @Column({ name: 'n_assigned', type: 'int' }) nAssigned: number;
  @Column({ name: 'n_in_progress', type: 'int' }) nInProgress: number;
  @Column({ name: 'n_waiting_on_member', type: 'int' }) nWaitingOnMember: number;
  @Column({ name: 'n_resolved', type: 'int' }) nResolved: number;
  @Column({ name: 'n_closed', type: 'int' }) nClosed: number;
  @Column({ name: 'n_withdrawn', type: 'int' }) nWithdrawn: number;
  @Column({ type: 'int' }) breached: number;
  @Column({ name: 'score_sum', type: 'bigint' }) scoreSum: string;
  @Column({ name: 'score_n', type: 'int' }) scoreN: number;
  /**
   * Ratings of each score and requests answered / resolved by their due time (migration
   * ReportQuality). The score columns keep their SQL names as properties: RowOf's snake_case
   * puts no underscore before a digit (sha256), so `score1` would not name `score_1`.
   */
  @Column({ type: 'int', default: 0 }) score_1: number;
  @Column({ type: 'int', default: 0 }) score_2: number;
  @Column({ type: 'int', default: 0 }) score_3: number;
  @Column({ type: 'int', default: 0 }) score_4: number;
  @Column({ type: 'int', default: 0 }) score_5: number;
  @Column({ name: 'fr_n', type: 'int', default: 0 }) frN: number;
  @Column({ name: 'fr_met', type: 'int', default: 0 }) frMet: number;
  @Column({ name: 'res_met', type: 'int', default: 0 }) resMet: number;
}

@Entity('report_values')
export class ReportValueEntity {
  @PrimaryColumn({ type: 'text' }) dim: string;
  @PrimaryColumn({ type: 'smallint', default: 1 }) span: number;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @PrimaryColumn({ type: 'text' }) kind: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @Column({ type: 'int' }) n: number;
  @Column({ type: 'double precision', array: true }) vals: number[];
}

/** The hours of an organization's requests in a cell, packed big-endian float8 (migration ReportOrganizations). */
@Entity('report_org_values')
export class ReportOrgValueEntity {
  @PrimaryColumn({ type: 'smallint' }) span: number;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  /** To first response. */
  @Column({ type: 'bytea' }) fr: Buffer;
  /** To resolution. */
  @Column({ type: 'bytea' }) res: Buffer;
}

/** A cell's histogram of hours per key and kind: (bucket, n) as big-endian int4 pairs in bucket order (migration ReportHistograms). */
@Entity('report_hists')
export class ReportHistEntity {
  @PrimaryColumn({ type: 'text' }) dim: string;
  @PrimaryColumn({ type: 'smallint' }) span: number;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @PrimaryColumn({ type: 'text' }) kind: string;
  @Column({ type: 'bytea' }) hist: Buffer;
}

/** A stamp per organizations' cell, new at every write of its rows (migration ReportCellStamps; organization-cells.ts). */
@Entity('report_cell_stamps')
export class ReportCellStampEntity {
  @PrimaryColumn({ type: 'smallint' }) span: number;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ type: 'uuid' }) stamp: string;
}

@Entity('report_days')
export class ReportDayEntity {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ name: 'created_n', type: 'int' }) createdN: number;
  @Column({ name: 'resolved_n', type: 'int' }) resolvedN: number;
}

@Entity('report_deltas')
export class ReportDeltaEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'smallint' }) sign: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ name: 'country_code', type: 'text' }) countryCode: string;
  @Column({ name: 'area_code', type: 'text' }) areaCode: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text', array: true }) products: string[];
  @Column({ type: 'boolean' }) breached: boolean;
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true }) satisfactionScore: number | null;
  @Column({ name: 'first_response_hours', type: 'double precision', nullable: true }) firstResponseHours: number | null;
  @Column({ name: 'resolution_hours', type: 'double precision', nullable: true }) resolutionHours: number | null;
  @Column({ name: 'fr_met', type: 'boolean', default: false }) frMet: boolean;
  @Column({ name: 'res_met', type: 'boolean', default: false }) resMet: boolean;
  @Column({ name: 'logged_at', type: 'timestamptz', default: () => 'now()' }) loggedAt: Date;
}
