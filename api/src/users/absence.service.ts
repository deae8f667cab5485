import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MyAbsence, ReplacementCandidate, SetAbsenceBody } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import { ValidationException } from '../common/app-exception';
import type { Db } from '../common/typed-sql';
import { AbsenceRepository } from './absence.repository';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day means its start for `from` and its end (the next day's start) for `until`, in UTC. */
function instant(value: string, end: boolean): Date {
  if (DAY.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + (end ? DAY_MS : 0));
  return new Date(value);
}

/**
 * A staff member's own absence (issue 19): routing skips it in the window and gives its new
 * cases to the replacement (api/src/requests/routing). Administrators keep `available` for leave
 * without an end.
 */
@Injectable()
export class AbsenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AbsenceRepository,
    private readonly audit: AuditService,
  ) {}

  get(userId: string, db: Db = this.dataSource): Promise<MyAbsence> {
    return this.view(db, userId);
  }

  replacements(userId: string): Promise<ReplacementCandidate[]> {
    return this.repository.replacements(this.dataSource, userId);
  }

  set(userId: string, body: SetAbsenceBody): Promise<MyAbsence> {
    const from = instant(body.from, false);
    const until = instant(body.until, true);
    const errors: Record<string, string[]> = {};
    if (Number.isNaN(from.getTime())) errors['from'] = ['not a date'];
    if (Number.isNaN(until.getTime())) errors['until'] = ['not a date'];
    else if (until.getTime() <= Date.now()) errors['until'] = ['the absence must end in the future'];
    else if (until.getTime() <= from.getTime()) errors['until'] = ['the absence must end after it starts'];
    if (Object.keys(errors).length > 0) throw new ValidationException(errors);
    const replacementId = body.replacementId ?? null;
    return this.dataSource.transaction(async (db) => {
      if (replacementId !== null) {
        const [replacement] = await this.repository.replacements(db, userId, replacementId);
        if (!replacement)
          throw new ValidationException({
            replacementId: ['not someone else, active and signed up, who works cases in one of your regions'],
          });
      }
      await this.repository.setAbsence(db, userId, { from, until, replacementId });
      await this.audit.record(db, {
        actorId: userId,
        action: 'user.absence-set',
        entityType: 'user',
        entityId: userId,
        changes: { from: from.toISOString(), until: until.toISOString(), replacementId },
      });
      return this.view(db, userId);
    });
  }

  clear(userId: string): Promise<MyAbsence> {
    return this.dataSource.transaction(async (db) => {
      const before = await this.repository.absenceOf(db, userId);
      if (before) {
        await this.repository.setAbsence(db, userId, null);
        await this.audit.record(db, {
          actorId: userId,
          action: 'user.absence-cleared',
          entityType: 'user',
          entityId: userId,
          changes: {},
        });
      }
      return { absence: null };
    });
  }

  private async view(db: Db, userId: string): Promise<MyAbsence> {
    const row = await this.repository.absenceOf(db, userId);
    if (!row?.away_from || !row.away_until) return { absence: null };
    return {
      absence: {
        from: row.away_from.toISOString(),
        until: row.away_until.toISOString(),
        replacement: row.away_replacement_id ? { id: row.away_replacement_id, name: row.replacement_name! } : null,
        awayNow: row.away_now,
      },
    };
  }
}
