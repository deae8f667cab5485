import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { IdParam } from '../common/id-param.pipe';
import { CreateHolidayDto, ListHolidaysQueryDto, UpdateSlaPolicyDto } from './sla-admin.dto';
import { returningRows } from '../common/sql';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';

export interface SlaPolicyView {
  id: string;
  area: string;
  priority: string;
  firstResponseHours: number;
  resolutionHours: number;
}

export interface HolidayView {
  id: string;
  country: string;
  date: string;
  name: string;
}

const POLICY_SELECT = `SELECT id, area_code AS area, priority, first_response_hours AS "firstResponseHours", resolution_hours AS "resolutionHours" FROM sla_policies`;
const HOLIDAY_SELECT = `SELECT id, country_code AS country, to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays`;

/** SLA targets per area and priority, and holidays per country: admins write, staff read. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaAdminController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get('sla-policies')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'SLA targets in business hours, one per thematic area and priority' })
  @ApiJsonList('SlaPolicyView')
  listPolicies(): Promise<SlaPolicyView[]> {
    return this.dataSource.query(
      `${POLICY_SELECT} ORDER BY area_code, CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 ELSE 4 END`,
    );
  }

  @Get('sla-policies/:id')
  @RequirePermission('sla.read')
  @ApiJson(200, 'SlaPolicyView')
  async getPolicy(@Param('id', IdParam('SLA policy')) id: string): Promise<SlaPolicyView> {
    const [policy] = await this.dataSource.query(`${POLICY_SELECT} WHERE id = $1`, [id]);
    if (!policy) throw new NotFoundException('SLA policy');
    return policy;
  }

  @Patch('sla-policies/:id')
  @RequirePermission('sla.manage')
  @ApiOperation({ summary: 'Change a target; applies to requests filed from now on' })
  @ApiJson(200, 'SlaPolicyView')
  async updatePolicy(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParam('SLA policy')) id: string,
    @Body() body: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyView> {
    return this.dataSource.transaction(async (db) => {
      const [current] = await db.query(`${POLICY_SELECT} WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw new NotFoundException('SLA policy');
      const next = {
        firstResponseHours: body.firstResponseHours ?? current.firstResponseHours,
        resolutionHours: body.resolutionHours ?? current.resolutionHours,
      };
      if (next.resolutionHours < next.firstResponseHours) {
        throw new ValidationException({ resolutionHours: ['must be at least the first-response target'] });
      }
      await db.query(
        `UPDATE sla_policies SET first_response_hours = $2, resolution_hours = $3, updated_at = now() WHERE id = $1`,
        [id, next.firstResponseHours, next.resolutionHours],
      );
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'sla-policy.updated',
        entityType: 'sla-policy',
        entityId: id,
        changes: { ...body },
      });
      return { ...current, ...next };
    });
  }

  @Get('holidays')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'Holidays by country (not counted as business time)' })
  @ApiJsonList('HolidayView')
  listHolidays(@Query() query: ListHolidaysQueryDto): Promise<HolidayView[]> {
    return this.dataSource.query(
      `${HOLIDAY_SELECT} WHERE ($1::text IS NULL OR country_code = $1) AND ($2::int IS NULL OR extract(year FROM date) = $2) ORDER BY date, country_code`,
      [query.country ?? null, query.year ?? null],
    );
  }

  @Post('holidays')
  @RequirePermission('sla.manage')
  @ApiJson(201, 'HolidayView')
  @ApiProblems(409)
  async createHoliday(@CurrentUser() actor: AuthUser, @Body() body: CreateHolidayDto): Promise<HolidayView> {
    if (
      Number.isNaN(Date.parse(`${body.date}T00:00:00Z`)) ||
      new Date(`${body.date}T00:00:00Z`).toISOString().slice(0, 10) !== body.date
    ) {
      throw new ValidationException({ date: ['not a real date'] });
    }
    return this.dataSource.transaction(async (db) => {
      const [country] = await db.query(`SELECT 1 FROM countries WHERE code = $1`, [body.country]);
      if (!country) throw new ValidationException({ country: ['not a country the network serves'] });
      const [row] = await db.query(
        `INSERT INTO holidays (country_code, date, name) VALUES ($1, $2, $3) ON CONFLICT (country_code, date) DO NOTHING RETURNING id`,
        [body.country, body.date, body.name],
      );
      if (!row) throw new ConflictException('holidays.exists', 'This country already has a holiday on that date.');
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'holiday.created',
        entityType: 'holiday',
        entityId: row.id,
        changes: { ...body },
      });
      return { id: row.id, country: body.country, date: body.date, name: body.name };
    });
  }

  @Delete('holidays/:id')
  @RequirePermission('sla.manage')
  @HttpCode(204)
  @ApiEmpty()
  async deleteHoliday(@CurrentUser() actor: AuthUser, @Param('id', IdParam('holiday')) id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const [row] = await returningRows(db, `DELETE FROM holidays WHERE id = $1 RETURNING country_code, date`, [id]);
      if (!row) throw new NotFoundException('holiday');
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
