import { Injectable } from '@nestjs/common';
import { SLA_WARNING_SHARE } from '@portal/shared';
import type { Db } from '../common/typed-sql';
import { ReferenceService } from '../reference/reference.service';
import { addBusinessHours, type BusinessCalendar, businessMinutesBetween } from './business-time';
import { SlaRepository, type SlaTargets } from './sla.repository';

/**
 * Due times of a request from its area and priority's policy, counted in business time in
 * the country's time zone from the moment it was filed, plus the business time it spent
 * waiting on the member (the clock stops then).
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly reference: ReferenceService,
    private readonly repository: SlaRepository,
  ) {}

  async calendar(db: Db, country: string): Promise<BusinessCalendar> {
    const timeZone = this.reference.countries('en').find((c) => c.code === country)?.timezone ?? 'UTC';
    return { timeZone, holidays: new Set(await this.repository.holidayDates(db, country)) };
  }

  async targets(
    db: Db,
    request: { country: string; area: string; priority: string; createdAt: Date; pausedMinutes: number },
  ): Promise<SlaTargets> {
    const policy = await this.repository.policyHours(db, request.area, request.priority);
    // A policy is seeded for every area and priority; the seeded defaults cover a gap.
    const firstResponseHours: number = policy?.first_response_hours ?? (request.priority === 'urgent' ? 4 : 16);
    const resolutionHours: number = policy?.resolution_hours ?? (request.priority === 'urgent' ? 24 : 80);
    const calendar = await this.calendar(db, request.country);
    const paused = request.pausedMinutes / 60;
    const after = (hours: number) => addBusinessHours(request.createdAt, hours + paused, calendar);
    return {
      firstResponseDueAt: after(firstResponseHours),
      resolutionDueAt: after(resolutionHours),
      firstResponseWarnAt: after(firstResponseHours * SLA_WARNING_SHARE),
      resolutionWarnAt: after(resolutionHours * SLA_WARNING_SHARE),
    };
  }

  /**
   * Recomputes and stores a request's due and warning times (after a change of area, priority
   * or pause). A deadline already warned of or flagged stays so: once per deadline.
   */
  async refresh(db: Db, requestId: string): Promise<void> {
    const row = await this.repository.requestSla(db, requestId);
    const due = await this.targets(db, {
      country: row.country_code,
      area: row.area_code,
      priority: row.priority,
      createdAt: row.created_at,
      pausedMinutes: row.sla_paused_minutes,
    });
    await this.repository.setDueTimes(db, requestId, due);
  }

  /** The request starts waiting on the member: the clock stops. */
  async pause(db: Db, requestId: string): Promise<void> {
    await this.repository.pause(db, requestId);
  }

  /** The request stops waiting on the member: the waited business time moves the targets. */
  async resume(db: Db, requestId: string): Promise<void> {
    const row = await this.repository.pausedSince(db, requestId);
    if (!row?.sla_paused_at) return;
    const waited = businessMinutesBetween(row.sla_paused_at, row.now, await this.calendar(db, row.country_code));
    await this.repository.resume(db, requestId, waited);
    await this.refresh(db, requestId);
  }
}
