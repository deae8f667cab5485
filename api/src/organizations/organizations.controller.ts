import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganizationView, Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './organizations.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Staff read organizations to filter their inbox; only admins change them. */
  @Get()
  @RequirePermission('organizations.read')
  @ApiOperation({ summary: 'Member organizations' })
  list(@Query() query: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @RequirePermission('organizations.read')
  get(@Param('id', IdParam('organization')) id: string): Promise<OrganizationView> {
    return this.organizations.get(id);
  }

  @Post()
  @RequirePermission('organizations.manage')
  @ApiOperation({ summary: 'Register a member organization' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('organizations.manage')
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
  deactivate(@CurrentUser() actor: AuthUser, @Param('id', IdParam('organization')) id: string): Promise<void> {
    return this.organizations.deactivate(actor, id);
  }
}
