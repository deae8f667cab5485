import { Injectable } from '@nestjs/common';
import { rolesSeeing, type SlaDeadline } from '@portal/shared';
import { returningRows } from '../common/sql';
import { type Db, managerOf, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import { CountryEntity } from '../reference/reference.entities';
import type { RequestEntity } from '../requests/request.entities';
import type { UserEntity } from '../users/user.entity';
import type { HolidayEntity, SlaPolicyEntity } from './sla.entities';

/** A policy as the API shows it. */
export interface SlaPolicyView {
  id: string;
  area: string;
  priority: string;
  firstResponseHours: number;
  resolutionHours: number;
}

/** A holiday as the API shows it. */
export interface HolidayView {
  id: string;
  country: string;
  date: string;
  name: string;
}

export interface SlaTargets {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  /** When 75 % of each deadline's business time is used: the assignee's warning. */
  firstResponseWarnAt: Date;
  resolutionWarnAt: Date;
}

/** What the due times of a request are computed from. */
export type RequestSlaRow = RowOf<
  RequestEntity,
  'country_code' | 'area_code' | 'priority' | 'created_at' | 'sla_paused_minutes'
>;

/** A request whose deadline the sweep just reached (75 % used, or passed), with its assignee's name and the due time. */
export type SlaSweptRow = RowOf<
  RequestEntity,
  'id' | 'reference' | 'subject' | 'region_code' | 'country_code' | 'assignee_id'
> & {
  assignee_name: string | null;
  due_at: Date;
};

/** The sweep's two steps of a deadline: the warning at 75 % of its business time, the breach. */
export type SlaStep = 'warning' | 'breach';

/**
 * Each deadline's columns. A first response, once given, ends that deadline. The conditions
 * are the predicates of the partial indexes (migration SlaWarnings): each step scans only the
 * open requests still waiting for it.
 */
const DEADLINE_COLUMNS: Record<
  SlaDeadline,
  { due: string; warnAt: string; warned: string; breached: string; pending: string }
> = {
  first_response: {
    due: 'first_response_due_at',
    warnAt: 'first_response_warn_at',
    warned: 'first_response_warned_at',
    breached: 'first_response_breached_at',
    pending: 'r.first_responded_at IS NULL AND ',
  },
  resolution: {
    due: 'resolution_due_at',
    warnAt: 'resolution_warn_at',
    warned: 'resolution_warned_at',
    breached: 'resolution_breached_at',
    pending: '',
  },
};
// Waiting on the member stops the clock: those requests are not swept.
const SWEPT = `r.status IN ('new', 'assigned', 'in_progress')`;
/** Requests one sweep marks per step at most: a catch-up after an outage spreads over runs. */
const SLA_SWEEP_BATCH = 500;

export type AutoClosedRow = RowOf<RequestEntity, 'id' | 'reference' | 'subject' | 'created_by'>;

// The columns under the names SlaPolicyView and HolidayView give them.
const POLICY_SELECT = `SELECT id, area_code AS area, priority, first_response_hours AS "firstResponseHours", resolution_hours AS "resolutionHours" FROM sla_policies`;
const HOLIDAY_SELECT = `SELECT id, country_code AS country, to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays`;

/** SLA policies, holidays, and the requests' due times and sweeps. */
@Injectable()
export class SlaRepository {
  async holidayDates(db: Db, country: string): Promise<string[]> {
    const rows = await sqlRows<RowOf<HolidayEntity, 'date'>>(
      db,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE country_code = $1`,
      [country],
    );
    return rows.map((row) => row.date);
  }

  policyHours(
    db: Db,
    area: string,
    priority: string,
  ): Promise<RowOf<SlaPolicyEntity, 'first_response_hours' | 'resolution_hours'> | undefined> {
    return sqlRow<RowOf<SlaPolicyEntity, 'first_response_hours' | 'resolution_hours'>>(
      db,
      `SELECT first_response_hours, resolution_hours FROM sla_policies WHERE area_code = $1 AND priority = $2`,
      [area, priority],
    );
  }

  async requestSla(db: Db, requestId: string): Promise<RequestSlaRow> {
    const row = await sqlRow<RequestSlaRow>(
      db,
      `SELECT country_code, area_code, priority, created_at, sla_paused_minutes FROM requests WHERE id = $1`,
      [requestId],
    );
    return row!;
  }

  async setDueTimes(db: Db, requestId: string, due: SlaTargets): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET first_response_due_at = $2, resolution_due_at = $3, first_response_warn_at = $4, resolution_warn_at = $5
       WHERE id = $1`,
      [requestId, due.firstResponseDueAt, due.resolutionDueAt, due.firstResponseWarnAt, due.resolutionWarnAt],
    );
  }

  async pause(db: Db, requestId: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET sla_paused_at = now() WHERE id = $1 AND sla_paused_at IS NULL`, [requestId]);
  }

  pausedSince(
    db: Db,
    requestId: string,
  ): Promise<(RowOf<RequestEntity, 'country_code' | 'sla_paused_at'> & { now: Date }) | undefined> {
    return sqlRow<RowOf<RequestEntity, 'country_code' | 'sla_paused_at'> & { now: Date }>(
      db,
      `SELECT country_code, sla_paused_at, now() AS now FROM requests WHERE id = $1`,
      [requestId],
    );
  }

  async resume(db: Db, requestId: string, waitedMinutes: number): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET sla_paused_at = NULL, sla_paused_minutes = sla_paused_minutes + $2 WHERE id = $1`,
      [requestId, waitedMinutes],
    );
  }

  /**
   * Marks up to `SLA_SWEEP_BATCH` requests that reached a step of a deadline by now and
   * returns them (more wait for the next run). The rows are picked by the step's partial
   * index in due order and locked (SKIP LOCKED: an overlapping sweep takes others), and a
   * row another sweep marked meanwhile no longer qualifies when locked: each request's step
   * is marked, and so acted on, once. A breach also flags the request breached and
   * escalated, and counts as its warning (a sweep that missed the 75 % sends the breach alone).
   */
  markSlaStep(db: Db, deadline: SlaDeadline, step: SlaStep): Promise<SlaSweptRow[]> {
    const c = DEADLINE_COLUMNS[deadline];
    const [set, reached, order] =
      step === 'warning'
        ? [`${c.warned} = now()`, `r.${c.warned} IS NULL AND ${c.pending}${SWEPT} AND r.${c.warnAt} <= now()`, c.warnAt]
        : [
            `${c.breached} = now(), ${c.warned} = COALESCE(r.${c.warned}, now()), breached = true, escalated = true`,
            `r.${c.breached} IS NULL AND ${c.pending}${SWEPT} AND r.${c.due} <= now()`,
            c.due,
          ];
    return returningRows<SlaSweptRow>(
      db,
      `WITH reached AS (SELECT r.id FROM requests r WHERE ${reached} ORDER BY r.${order} LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE requests r SET ${set} FROM reached WHERE r.id = reached.id
       RETURNING r.id, r.reference, r.subject, r.region_code, r.country_code, r.assignee_id,
                 (SELECT a.name FROM users a WHERE a.id = r.assignee_id) AS assignee_name, r.${c.due} AS due_at`,
      [SLA_SWEEP_BATCH],
    );
  }

  /** The timeline's entries of a step, one per request; no actor: the sweep did it. */
  async insertSlaEvents(db: Db, requestIds: string[], step: SlaStep, deadline: SlaDeadline): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO request_events (request_id, actor_id, type, to_value, created_at)
       SELECT id, NULL, $2, $3, clock_timestamp() FROM unnest($1::uuid[]) AS id`,
      [requestIds, step === 'warning' ? 'sla_warning' : 'sla_breached', deadline],
    );
  }

  regionDirectors(db: Db, region: string): Promise<RowOf<UserEntity, 'id'>[]> {
    return sqlRows<RowOf<UserEntity, 'id'>>(
      db,
      `SELECT id FROM users WHERE role = ANY ($2::text[]) AND region_code = $1 AND active`,
      [region, rolesSeeing('region')],
    );
  }

  /** Closes the requests resolved and untouched for `days`. */
  closeStaleResolved(db: Db, days: number): Promise<AutoClosedRow[]> {
    return returningRows<AutoClosedRow>(
      db,
      `UPDATE requests SET status = 'closed', closed_at = now(), updated_at = now(), version = version + 1
       WHERE status = 'resolved' AND GREATEST(resolved_at, updated_at) < now() - make_interval(days => $1)
       RETURNING id, reference, subject, created_by`,
      [days],
    );
  }

  async insertAutoCloseEvent(db: Db, requestId: string, reason: string): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      db,
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       VALUES ($1, NULL, 'status_changed', 'resolved', 'closed', $2, clock_timestamp()) RETURNING id`,
      [requestId, reason],
    );
    return row!.id;
  }

  listPolicies(db: Db): Promise<SlaPolicyView[]> {
    return sqlRows<SlaPolicyView>(
      db,
      `${POLICY_SELECT} ORDER BY area_code, CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 ELSE 4 END`,
    );
  }

  findPolicy(db: Db, id: string, options: { lock: boolean } = { lock: false }): Promise<SlaPolicyView | undefined> {
    return sqlRow<SlaPolicyView>(db, `${POLICY_SELECT} WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  }

  async updatePolicy(db: Db, id: string, firstResponseHours: number, resolutionHours: number): Promise<void> {
    await sqlRun(
      db,
      `UPDATE sla_policies SET first_response_hours = $2, resolution_hours = $3, updated_at = now() WHERE id = $1`,
      [id, firstResponseHours, resolutionHours],
    );
  }

  listHolidays(db: Db, country: string | null, year: number | null): Promise<HolidayView[]> {
    return sqlRows<HolidayView>(
      db,
      `${HOLIDAY_SELECT} WHERE ($1::text IS NULL OR country_code = $1) AND ($2::int IS NULL OR extract(year FROM date) = $2) ORDER BY date, country_code`,
      [country, year],
    );
  }

  countryExists(db: Db, code: string): Promise<boolean> {
    return managerOf(db).existsBy(CountryEntity, { code });
  }

  /** The new holiday's id; undefined when the country already has one that day. */
  async insertHoliday(db: Db, country: string, date: string, name: string): Promise<string | undefined> {
    const row = await sqlRow<RowOf<HolidayEntity, 'id'>>(
      db,
      `INSERT INTO holidays (country_code, date, name) VALUES ($1, $2, $3) ON CONFLICT (country_code, date) DO NOTHING RETURNING id`,
      [country, date, name],
    );
    return row?.id;
  }

  /** Whether there was such a holiday. */
  async deleteHoliday(db: Db, id: string): Promise<boolean> {
    const rows = await returningRows<RowOf<HolidayEntity, 'country_code' | 'date'>>(
      db,
      `DELETE FROM holidays WHERE id = $1 RETURNING country_code, date`,
      [id],
    );
    return rows.length > 0;
  }
}
