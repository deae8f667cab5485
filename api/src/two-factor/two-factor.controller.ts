import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  TwoFactorEnabled,
  TwoFactorEnrolledSession,
  TwoFactorSession,
  TwoFactorSetup,
  TwoFactorStatus,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson, ApiProblems } from '../common/openapi/decorators';
import { LoginRateLimit } from '../security/rate-limits';
import { ChallengeCodeDto, ChallengeDto, TwoFactorCodeDto, TwoFactorVerifyDto } from './two-factor.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Controller()
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @LoginRateLimit()
  @Post('auth/two-factor/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The code step of sign-in: a code from the app or a recovery code, for the challenge of the password step',
  })
  @ApiJson(200, 'TwoFactorSession')
  @ApiProblems(401, 429)
  async verify(@Body() body: TwoFactorVerifyDto, @Headers('user-agent') userAgent?: string): Promise<TwoFactorSession> {
    const { userId, deviceToken } = await this.twoFactor.verifySignIn(
      body.challengeToken,
      body.code,
      body.rememberDevice === true,
      userAgent ? userAgent.slice(0, 200) : null,
    );
    return { ...(await this.auth.completeSignIn(userId)), deviceToken };
  }

  @Public()
  @LoginRateLimit()
  @Post('auth/two-factor/setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign-in of staff who must enrol: a new key for the app, for an "enrol" challenge' })
  @ApiJson(200, 'TwoFactorSetup')
  @ApiProblems(401, 409)
  setupForSignIn(@Body() body: ChallengeDto): Promise<TwoFactorSetup> {
    return this.twoFactor.setupForSignIn(body.challengeToken);
  }

  @Public()
  @LoginRateLimit()
  @Post('auth/two-factor/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign-in of staff who must enrol: confirm the key with a first code; the session and the recovery codes',
  })
  @ApiJson(200, 'TwoFactorEnrolledSession')
  @ApiProblems(401, 409, 429)
  async enableForSignIn(@Body() body: ChallengeCodeDto): Promise<TwoFactorEnrolledSession> {
    const { userId, recoveryCodes } = await this.twoFactor.enableForSignIn(body.challengeToken, body.code);
    return { ...(await this.auth.completeSignIn(userId)), recoveryCodes };
  }

  @RequirePermission('profile.manage')
  @Get('me/two-factor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'One’s two-factor sign-in: on or off, required or not, recovery codes left, remembered devices',
  })
  @ApiJson(200, 'TwoFactorStatus')
  status(@CurrentUser() caller: AuthUser): Promise<TwoFactorStatus> {
    return this.twoFactor.status(caller);
  }

  @RequirePermission('profile.manage')
  @Post('me/two-factor/setup')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A new key for the authenticator app (QR code and text); on once confirmed with a code' })
  @ApiJson(200, 'TwoFactorSetup')
  @ApiProblems(409)
  setup(@CurrentUser() caller: AuthUser): Promise<TwoFactorSetup> {
    return this.twoFactor.setup(caller.id);
  }

  @RequirePermission('profile.manage')
  @Post('me/two-factor/enable')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Confirm the key with a code from the app: on, with ten recovery codes shown this once' })
  @ApiJson(200, 'TwoFactorEnabled')
  @ApiProblems(401, 409, 429)
  async enable(@CurrentUser() caller: AuthUser, @Body() body: TwoFactorCodeDto): Promise<TwoFactorEnabled> {
    return { recoveryCodes: await this.twoFactor.enable(caller.id, body.code) };
  }

  @RequirePermission('profile.manage')
  @Post('me/two-factor/disable')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turn two-factor off with a current code (or a recovery code); remembered devices are forgotten',
  })
  @ApiEmpty()
  @ApiProblems(401, 409, 429)
  async disable(@CurrentUser() caller: AuthUser, @Body() body: TwoFactorCodeDto): Promise<void> {
    await this.twoFactor.disable(caller.id, body.code);
  }

  @RequirePermission('profile.manage')
  @Delete('me/two-factor/devices/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Forget a remembered device: its next sign-in asks for a code again' })
  @ApiEmpty()
  async forgetDevice(@CurrentUser() caller: AuthUser, @Param('id', IdParam('device')) id: string): Promise<void> {
    await this.twoFactor.forgetDevice(caller, id);
  }

  @RequirePermission('two-factor.reset')
  @Post('users/:id/two-factor/reset')
  @HttpCode(204)
  @ApiTags('administration')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A lost device: turn a person’s two-factor sign-in off (audited; the person is told by email)',
  })
  @ApiEmpty()
  async reset(@CurrentUser() actor: AuthUser, @Param('id', IdParam('user')) id: string): Promise<void> {
    await this.twoFactor.reset(actor, id);
  }
}
