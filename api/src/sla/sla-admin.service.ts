import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService, beforeAndAfter } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import publicHolidays from '../../../shared/data/public-holidays.json';
import type { CreateHolidayDto, ImportHolidaysDto, ListHolidaysQueryDto, UpdateSlaPolicyDto } from './sla-admin.dto';
import { type HolidayView, SlaRepository, type SlaPolicyView } from './sla.repository';

/** What an import added; `skipped`: the table's dates the country had already. */
export interface HolidayImportView {
  country: string;
  year: number;
  added: HolidayView[];
  skipped: number;
}

/** The national public holidays by country and year (scripts/holidays/generate-public-holidays.mjs). */
const PUBLIC_HOLIDAYS: Readonly<Record<string, Readonly<Record<string, readonly { date: string; name: string }[]>>>> =
  publicHolidays.holidays;

/** SLA targets per area and priority, and holidays per country. */
@Injectable()
export class SlaAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: SlaRepository,
  ) {}

  listPolicies(): Promise<SlaPolicyView[]> {
    return this.repository.listPolicies(this.dataSource);
  }

  async getPolicy(id: string): Promise<SlaPolicyView> {
    const policy = await this.repository.findPolicy(this.dataSource, id);
    if (!policy) throw new NotFoundException('SLA policy');
    return policy;
  }

  async updatePolicy(actor: AuthUser, id: string, body: UpdateSlaPolicyDto): Promise<SlaPolicyView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.repository.findPolicy(db, id, { lock: true });
      if (!current) throw new NotFoundException('SLA policy');
      const next = {
        firstResponseHours: body.firstResponseHours ?? current.firstResponseHours,
        resolutionHours: body.resolutionHours ?? current.resolutionHours,
      };
      if (next.resolutionHours < next.firstResponseHours) {
        throw new ValidationException({ resolutionHours: ['must be at least the first-response target'] });
      }
      await this.repository.updatePolicy(db, id, next.firstResponseHours, next.resolutionHours);
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'sla-policy.updated',
        entityType: 'sla-policy',
        entityId: id,
        changes: beforeAndAfter(current, body),
      });
      return { ...current, ...next };
    });
  }

  listHolidays(query: ListHolidaysQueryDto): Promise<HolidayView[]> {
    return this.repository.listHolidays(this.dataSource, query.country ?? null, query.year ?? null);
  }

  async createHoliday(actor: AuthUser, body: CreateHolidayDto): Promise<HolidayView> {
    if (
      Number.isNaN(Date.parse(`${body.date}T00:00:00Z`)) ||
      new Date(`${body.date}T00:00:00Z`).toISOString().slice(0, 10) !== body.date
    ) {
      throw new ValidationException({ date: ['not a real date'] });
    }
    return this.dataSource.transaction(async (db) => {
      if (!(await this.repository.countryExists(db, body.country)))
        throw new ValidationException({ country: ['not a country the network serves'] });
      const id = await this.repository.insertHoliday(db, body.country, body.date, body.name);
      if (!id) throw new ConflictException('holidays.exists', 'This country already has a holiday on that date.');
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'holiday.created',
        entityType: 'holiday',
        entityId: id,
        changes: { ...body },
      });
      return { id, country: body.country, date: body.date, name: body.name };
    });
  }

  /** Idempotent: a date the country has already (imported or not) is left as it is. */
  async importHolidays(actor: AuthUser, body: ImportHolidaysDto): Promise<HolidayImportView> {
    const table = PUBLIC_HOLIDAYS[body.country]?.[String(body.year)];
    return this.dataSource.transaction(async (db) => {
      if (!table || !(await this.repository.countryExists(db, body.country)))
        throw new ValidationException({ country: ['not a country the network serves'] });
      const added: HolidayView[] = [];
      for (const holiday of table) {
        const id = await this.repository.insertHoliday(db, body.country, holiday.date, holiday.name);
        if (!id) continue;
        added.push({ id, country: body.country, ...holiday });
        await this.audit.record(db, {
          actorId: actor.id,
          action: 'holiday.created',
          entityType: 'holiday',
          entityId: id,
          changes: { country: body.country, date: holiday.date, name: holiday.name, imported: true },
        });
      }
      return { country: body.country, year: body.year, added, skipped: table.length - added.length };
    });
  }

  async deleteHoliday(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      if (!(await this.repository.deleteHoliday(db, id))) throw new NotFoundException('holiday');
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'holiday.deleted',
        entityType: 'holiday',
        entityId: id,
        changes: {},
      });
    });
  }
}
