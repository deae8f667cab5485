import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateHolidayDto, ImportHolidaysDto, ListHolidaysQueryDto, UpdateSlaPolicyDto } from './sla-admin.dto';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';
import { type HolidayImportView, SlaAdminService } from './sla-admin.service';
import type { HolidayView, SlaPolicyView } from './sla.repository';

/** SLA targets per area and priority, and holidays per country: admins write, staff read. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaAdminController {
  constructor(private readonly sla: SlaAdminService) {}

  @Get('sla-policies')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'SLA targets in business hours, one per thematic area and priority' })
  @ApiJsonList('SlaPolicyView')
  listPolicies(): Promise<SlaPolicyView[]> {
    return this.sla.listPolicies();
  }

  @Get('sla-policies/:id')
  @RequirePermission('sla.read')
  @ApiJson(200, 'SlaPolicyView')
  getPolicy(@Param('id', IdParam('SLA policy')) id: string): Promise<SlaPolicyView> {
    return this.sla.getPolicy(id);
  }

  @Patch('sla-policies/:id')
  @RequirePermission('sla.manage')
  @ApiOperation({ summary: 'Change a target; applies to requests filed from now on' })
  @ApiJson(200, 'SlaPolicyView')
  updatePolicy(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParam('SLA policy')) id: string,
    @Body() body: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyView> {
    return this.sla.updatePolicy(actor, id, body);
  }

  @Get('holidays')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'Holidays by country (not counted as business time)' })
  @ApiJsonList('HolidayView')
  listHolidays(@Query() query: ListHolidaysQueryDto): Promise<HolidayView[]> {
    return this.sla.listHolidays(query);
  }

  @Post('holidays')
  @RequirePermission('sla.manage')
  @ApiJson(201, 'HolidayView')
  @ApiProblems(409)
  createHoliday(@CurrentUser() actor: AuthUser, @Body() body: CreateHolidayDto): Promise<HolidayView> {
    return this.sla.createHoliday(actor, body);
  }

  @Post('holidays/import')
  @RequirePermission('sla.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: "Adds a country's national public holidays of a year from the shipped table; dates it has are skipped",
  })
  @ApiJson(200, 'HolidayImportView')
  importHolidays(@CurrentUser() actor: AuthUser, @Body() body: ImportHolidaysDto): Promise<HolidayImportView> {
    return this.sla.importHolidays(actor, body);
  }

  @Delete('holidays/:id')
  @RequirePermission('sla.manage')
  @HttpCode(204)
  @ApiEmpty()
  deleteHoliday(@CurrentUser() actor: AuthUser, @Param('id', IdParam('holiday')) id: string): Promise<void> {
    return this.sla.deleteHoliday(actor, id);
  }
}
