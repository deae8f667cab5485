import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganizationView, Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './organizations.dto';
import { OrganizationsService } from './organizations.service';
import { ApiEmpty, ApiJson, ApiProblems } from '../common/openapi/decorators';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Staff read organizations to filter their inbox; only admins change them. */
  @Get()
  @RequirePermission('organizations.read')
  @ApiOperation({ summary: 'Member organizations' })
  @ApiJson(200, 'OrganizationPage')
  list(@Query() query: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @RequirePermission('organizations.read')
  @ApiJson(200, 'OrganizationView')
  get(@Param('id', IdParam('organization')) id: string): Promise<OrganizationView> {
    return this.organizations.get(id);
  }

  @Post()
  @RequirePermission('organizations.manage')
  @ApiOperation({ summary: 'Register a member organization' })
  @ApiJson(201, 'OrganizationView')
  @ApiProblems(409)
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('organizations.manage')
  @ApiJson(200, 'OrganizationView')
  @ApiProblems(409)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParam('organization')) id: string,
    @Body() body: UpdateOrganizationDto,
  ) {
    return this.organizations.update(actor, id, body);
  }

  @Delete(':id')
  @RequirePermission('organizations.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate an organization; its requests and people are kept' })
  @ApiEmpty()
  deactivate(@CurrentUser() actor: AuthUser, @Param('id', IdParam('organization')) id: string): Promise<void> {
    return this.organizations.deactivate(actor, id);
  }
}
