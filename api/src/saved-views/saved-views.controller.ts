import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SavedView } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';
import { SaveViewDto } from './saved-views.dto';
import { SavedViewsService } from './saved-views.service';

@ApiTags('inbox')
@ApiBearerAuth()
@RequirePermission('requests.staff-view')
@Controller('me/views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: 'One’s own saved inbox views, by name' })
  @ApiJsonList('SavedView')
  list(@CurrentUser() caller: AuthUser): Promise<SavedView[]> {
    return this.views.list(caller.id);
  }

  @Post()
  @ApiOperation({
    summary: 'Save the inbox’s filters and sort under a name (unique per person, case ignored; at most 20 views each)',
  })
  @ApiJson(201, 'SavedView')
  @ApiProblems(409)
  save(@CurrentUser() caller: AuthUser, @Body() body: SaveViewDto): Promise<SavedView> {
    return this.views.save(caller.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of one’s views (another person’s is a 404)' })
  @ApiEmpty()
  delete(@CurrentUser() caller: AuthUser, @Param('id', IdParam('view')) id: string): Promise<void> {
    return this.views.delete(caller.id, id);
  }
}
