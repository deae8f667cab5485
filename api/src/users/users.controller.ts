import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminUserView, Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';
import { ApiEmpty, ApiJson, ApiProblems } from '../common/openapi/decorators';

@ApiTags('administration')
@ApiBearerAuth()
@RequirePermission('users.manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'People of the portal, with coverage and availability' })
  @ApiJson(200, 'AdminUserPage')
  list(@Query() query: ListUsersQueryDto): Promise<Page<AdminUserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiJson(200, 'AdminUserView')
  get(@Param('id', IdParam('user')) id: string): Promise<AdminUserView> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Register a person (it chooses its password through an invitation)' })
  @ApiJson(201, 'AdminUserView')
  @ApiProblems(409)
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<AdminUserView> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, language, organization, region, coverage, availability or activity' })
  @ApiJson(200, 'AdminUserView')
  @ApiProblems(409)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParam('user')) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserView> {
    return this.users.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a person; its history is kept' })
  @ApiEmpty()
  @ApiProblems(409)
  deactivate(@CurrentUser() actor: AuthUser, @Param('id', IdParam('user')) id: string): Promise<void> {
    return this.users.deactivate(actor, id);
  }
}
