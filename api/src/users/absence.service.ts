import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Language, MyAbsence, ReplacementCandidate, SetAbsenceAnswer, SetAbsenceBody } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { ValidationException } from '../common/app-exception';
import type { Db } from '../common/typed-sql';
import { RequestsService } from '../requests/requests.service';
import { AbsenceRepository } from './absence.repository';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day means its start for `from` and its end (the next day's start) for `until`, in UTC. */
function instant(value: string, end: boolean): Date {
  if (DAY.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + (end ? DAY_MS : 0));
  return new Date(value);
}

/** Why a handed-over case moved, in the words of the person going away (its language), as if it had typed it. */
const HANDOVER_REASON: Record<Language, (from: string, until: string) => string> = {
  es: (from, until) => `Ausente del ${from} al ${until}`,
  en: (from, until) => `Away from ${from} to ${until}`,
  pt: (from, until) => `Ausente de ${from} a ${until}`,
  fr: (from, until) => `Absent du ${from} au ${until}`,
};

function handoverReason(language: Language, from: Date, until: Date): string {
  // Days are UTC days (see instant()); `until` is the end, so its last moment names the day.
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return HANDOVER_REASON[language](day.format(from), day.format(new Date(until.getTime() - 1)));
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
    private readonly requests: RequestsService,
  ) {}

  get(userId: string, db: Db = this.dataSource): Promise<MyAbsence> {
    return this.view(db, userId);
  }

  replacements(userId: string): Promise<ReplacementCandidate[]> {
    return this.repository.replacements(this.dataSource, userId);
  }

  set(caller: Pick<AuthUser, 'id' | 'language'>, body: SetAbsenceBody): Promise<SetAbsenceAnswer> {
    const userId = caller.id;
    const from = instant(body.from, false);
    const until = instant(body.until, true);
    const errors: Record<string, string[]> = {};
    if (Number.isNaN(from.getTime())) errors['from'] = ['not a date'];
    if (Number.isNaN(until.getTime())) errors['until'] = ['not a date'];
    else if (until.getTime() <= Date.now()) errors['until'] = ['the absence must end in the future'];
    else if (until.getTime() <= from.getTime()) errors['until'] = ['the absence must end after it starts'];
    const replacementId = body.replacementId ?? null;
    if (body.handOverOpenCases === true && replacementId === null)
      errors['handOverOpenCases'] = ['name a replacement (replacementId) to hand your open cases to'];
    if (Object.keys(errors).length > 0) throw new ValidationException(errors);
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
      const handover =
        body.handOverOpenCases === true && replacementId !== null
          ? await this.requests.handOverOpenRequestsOf(
              db,
              userId,
              replacementId,
              handoverReason(caller.language, from, until),
            )
          : null;
      if (handover)
        await this.audit.record(db, {
          actorId: userId,
          action: 'user.absence-handover',
          entityType: 'user',
          entityId: userId,
          changes: { replacementId, ...handover },
        });
      return { ...(await this.view(db, userId)), handover };
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
