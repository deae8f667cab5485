import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CasePresence, PRESENCE_REPORT_SECONDS, PRESENCE_TTL_SECONDS } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson } from '../common/openapi/decorators';
import { PresenceDto } from './presence.dto';
import { PresenceService } from './presence.service';

// Staff only: members neither report nor see who of the staff is on their request.
@ApiTags('requests')
@ApiBearerAuth()
@RequirePermission('requests.staff-view')
@Controller('requests/:id/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({
    summary: `Staff: "I have this request open" (viewing or writing), for ${PRESENCE_TTL_SECONDS} s; sent every ${PRESENCE_REPORT_SECONDS} s while the page is in view. Answers who else has it open (404 for a request the caller does not see)`,
  })
  @ApiJson(200, 'CasePresence')
  report(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: PresenceDto,
  ): Promise<CasePresence> {
    return this.presence.report(caller, id, body.state);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Staff: left the request (gone for the others at once); idempotent' })
  @ApiEmpty()
  leave(@CurrentUser() caller: AuthUser, @Param('id', IdParam('request')) id: string): Promise<void> {
    return this.presence.leave(caller, id);
  }
}
