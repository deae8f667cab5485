import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyAbsence, ReplacementCandidate, SetAbsenceAnswer } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiJson, ApiJsonList } from '../common/openapi/decorators';
import { SetAbsenceDto } from './absence.dto';
import { AbsenceService } from './absence.service';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermission('absence.manage')
@Controller('me/absence')
export class AbsenceController {
  constructor(private readonly absence: AbsenceService) {}

  @Get()
  @ApiOperation({ summary: 'One’s own absence, if any (routing gives one’s new cases to the replacement meanwhile)' })
  @ApiJson(200, 'MyAbsence')
  get(@CurrentUser() caller: AuthUser): Promise<MyAbsence> {
    return this.absence.get(caller.id);
  }

  @Get('replacements')
  @ApiOperation({ summary: 'Who may replace one: active, signed up, working cases in one of one’s regions' })
  @ApiJsonList('ReplacementCandidate')
  replacements(@CurrentUser() caller: AuthUser): Promise<ReplacementCandidate[]> {
    return this.absence.replacements(caller.id);
  }

  @Put()
  @ApiOperation({
    summary:
      'Mark oneself away from / until, with an optional replacement, optionally handing one’s open cases to it (audited)',
  })
  @ApiJson(200, 'SetAbsenceAnswer')
  set(@CurrentUser() caller: AuthUser, @Body() body: SetAbsenceDto): Promise<SetAbsenceAnswer> {
    return this.absence.set(caller, body);
  }

  @Delete()
  @ApiOperation({ summary: 'End one’s absence now (audited)' })
  @ApiJson(200, 'MyAbsence')
  clear(@CurrentUser() caller: AuthUser): Promise<MyAbsence> {
    return this.absence.clear(caller.id);
  }
}
