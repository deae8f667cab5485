import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginAnswer, TokenPair, UserView } from '@portal/shared';
import { NotFoundException } from '../common/app-exception';
import { UserViewsRepository } from '../users/user-views.repository';
import { toPublicUserView, UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public, RequirePermission } from './auth.decorators';
import { LoginDto, RefreshDto, UpdateMeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginRateLimit } from '../security/rate-limits';
import { ApiEmpty, ApiJson, ApiProblems } from '../common/openapi/decorators';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly userViews: UserViewsRepository,
    private readonly users: UsersService,
  ) {}

  @Public()
  @LoginRateLimit()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password: a session, or (two-factor) a challenge for the code step',
  })
  @ApiJson(200, 'LoginAnswer')
  @ApiProblems(401, 429)
  login(@Body() body: LoginDto): Promise<LoginAnswer> {
    return this.auth.login(body.email, body.password, body.deviceToken);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (rotation; reuse revokes the family)' })
  @ApiJson(200, 'TokenPair')
  @ApiProblems(401)
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiEmpty()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @RequirePermission('profile.manage')
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiJson(200, 'UserView')
  @ApiProblems(404)
  async me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    const user = await this.userViews.findById(caller.id);
    if (!user) throw new NotFoundException('user');
    return toPublicUserView(user);
  }

  @RequirePermission('profile.manage')
  @Patch('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one’s own name, language (interface and notifications) or choice of emails' })
  @ApiJson(200, 'UserView')
  @ApiProblems(404)
  async updateMe(@CurrentUser() caller: AuthUser, @Body() body: UpdateMeDto): Promise<UserView> {
    await this.users.updateOwnProfile(caller.id, body);
    return this.me(caller);
  }
}
