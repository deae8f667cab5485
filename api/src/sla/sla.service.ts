import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReferenceService } from '../reference/reference.service';
import { addBusinessHours, type BusinessCalendar, businessMinutesBetween } from './business-time';

export interface SlaTargets {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/**
 * Due times of a request from its area and priority's policy, counted in business time in
 * the country's time zone from the moment it was filed, plus the business time it spent
 * waiting on the member (the clock stops then).
 */
@Injectable()
export class SlaService {
  constructor(private readonly reference: ReferenceService) {}

  async calendar(db: EntityManager, country: string): Promise<BusinessCalendar> {
    const timeZone = this.reference.countries('en').find((c) => c.code === country)?.timezone ?? 'UTC';
    const rows: { date: string }[] = await db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE country_code = $1`,
      [country],
    );
    return { timeZone, holidays: new Set(rows.map((row) => row.date)) };
  }

  async targets(
    db: EntityManager,
    request: { country: string; area: string; priority: string; createdAt: Date; pausedMinutes: number },
  ): Promise<SlaTargets> {
    const [policy] = await db.query(
      `SELECT first_response_hours, resolution_hours FROM sla_policies WHERE area_code = $1 AND priority = $2`,
      [request.area, request.priority],
    );
    // A policy is seeded for every area and priority; the seeded defaults cover a gap.
    const firstResponseHours: number = policy?.first_response_hours ?? (request.priority === 'urgent' ? 4 : 16);
    const resolutionHours: number = policy?.resolution_hours ?? (request.priority === 'urgent' ? 24 : 80);
    const calendar = await this.calendar(db, request.country);
    const paused = request.pausedMinutes / 60;
    return {
      firstResponseDueAt: addBusinessHours(request.createdAt, firstResponseHours + paused, calendar),
      resolutionDueAt: addBusinessHours(request.createdAt, resolutionHours + paused, calendar),
    };
  }

  /** Recomputes and stores a request's due times (after a change of area, priority or pause). */
  async refresh(db: EntityManager, requestId: string): Promise<void> {
    const [row] = await db.query(
      `SELECT country_code, area_code, priority, created_at, sla_paused_minutes FROM requests WHERE id = $1`,
      [requestId],
    );
    const due = await this.targets(db, {
      country: row.country_code,
      area: row.area_code,
      priority: row.priority,
      createdAt: row.created_at,
      pausedMinutes: row.sla_paused_minutes,
    });
    await db.query(`UPDATE requests SET first_response_due_at = $2, resolution_due_at = $3 WHERE id = $1`, [
      requestId,
      due.firstResponseDueAt,
      due.resolutionDueAt,
    ]);
  }

  /** The request starts waiting on the member: the clock stops. */
  async pause(db: EntityManager, requestId: string): Promise<void> {
    await db.query(`UPDATE requests SET sla_paused_at = now() WHERE id = $1 AND sla_paused_at IS NULL`, [requestId]);
  }

  /** The request stops waiting on the member: the waited business time moves the targets. */
  async resume(db: EntityManager, requestId: string): Promise<void> {
    const [row] = await db.query(`SELECT country_code, sla_paused_at, now() AS now FROM requests WHERE id = $1`, [
      requestId,
    ]);
    if (!row?.sla_paused_at) return;
    const waited = businessMinutesBetween(row.sla_paused_at, row.now, await this.calendar(db, row.country_code));
    await db.query(
      `UPDATE requests SET sla_paused_at = NULL, sla_paused_minutes = sla_paused_minutes + $2 WHERE id = $1`,
      [requestId, waited],
    );
    await this.refresh(db, requestId);
  }
}
