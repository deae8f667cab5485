import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminUserView, TokenPair } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { AcceptInvitationDto, ForgotPasswordDto, InvitationDto, ResetPasswordDto } from './accounts.dto';
import { ChangePasswordDto } from '../auth/auth.dto';
import { AccountsService } from './accounts.service';
import { LoginRateLimit } from '../security/rate-limits';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('auth/invitations')
  @RequirePermission('people.invite')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Invite a person (admins: anyone; an organization's contact: members of its organization)" })
  @ApiJson(201, 'InvitationAnswer')
  @ApiProblems(404, 409)
  invite(@CurrentUser() caller: AuthUser, @Body() body: InvitationDto) {
    return this.accounts.invite(caller, body);
  }

  @Public()
  @LoginRateLimit()
  @Post('auth/accept-invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with an invitation link and sign in; 410 when used or expired' })
  @ApiJson(200, 'TokenPair')
  @ApiProblems(410, 429)
  accept(@Body() body: AcceptInvitationDto): Promise<TokenPair> {
    return this.accounts.acceptInvitation(body.token, body.password, body.language);
  }

  @Public()
  @LoginRateLimit()
  @Post('auth/forgot-password')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Email a reset link (30 minutes; at most 3 an hour per account); the same answer, as fast, whether or not the email has an account',
  })
  @ApiEmpty(202, 'Accepted: a link is emailed if the address has an account')
  @ApiProblems(429)
  forgot(@Body() body: ForgotPasswordDto): void {
    this.accounts.forgotPassword(body.email);
  }

  @Public()
  @LoginRateLimit()
  @Post('auth/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a reset link; ends every session; 410 when used or expired' })
  @ApiEmpty()
  @ApiProblems(410, 429)
  async reset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(body.token, body.password);
  }

  @RequirePermission('profile.manage')
  @LoginRateLimit()
  @Post('me/password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change one’s own password (the current one required); ends every other session and answers a new pair for this one',
  })
  @ApiJson(200, 'TokenPair')
  @ApiProblems(429)
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto): Promise<TokenPair> {
    return this.accounts.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Get('my-organization/people')
  @RequirePermission('organization.people')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The people of the caller's organization (its contact only)" })
  @ApiJsonList('AdminUserView')
  people(@CurrentUser() caller: AuthUser): Promise<AdminUserView[]> {
    return this.accounts.organizationPeople(caller);
  }

  @Post('my-organization/people/:id/deactivate')
  @RequirePermission('organization.people')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Deactivate a colleague (its contact only); its history is kept' })
  @ApiEmpty()
  @ApiProblems(409)
  deactivate(@CurrentUser() caller: AuthUser, @Param('id', IdParam('person')) id: string): Promise<void> {
    return this.accounts.deactivateColleague(caller, id);
  }
}
