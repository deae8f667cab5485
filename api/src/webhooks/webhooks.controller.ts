import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, WebhookDeliveryView, WebhookEndpointCreated, WebhookEndpointView } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';
import { paging, PagingQueryDto } from '../common/paging.dto';
import { CreateWebhookDto, UpdateWebhookDto } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('administration')
@ApiBearerAuth()
@RequirePermission('webhooks.manage')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'The webhook endpoints' })
  @ApiJsonList('WebhookEndpointView')
  list(): Promise<WebhookEndpointView[]> {
    return this.webhooks.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Register an endpoint for some events; the answer holds its signing secret, shown this once',
  })
  @ApiJson(201, 'WebhookEndpointCreated')
  @ApiProblems(400)
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateWebhookDto): Promise<WebhookEndpointCreated> {
    return this.webhooks.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an endpoint’s address, description or events; enable (failures start over) or disable it',
  })
  @ApiJson(200, 'WebhookEndpointView')
  @ApiProblems(400)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdParam('webhook')) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookEndpointView> {
    return this.webhooks.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log' })
  @ApiEmpty()
  async remove(@CurrentUser() actor: AuthUser, @Param('id', IdParam('webhook')) id: string): Promise<void> {
    await this.webhooks.remove(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first' })
  @ApiJson(200, 'WebhookDeliveryPage')
  deliveries(
    @Param('id', IdParam('webhook')) id: string,
    @Query() query: PagingQueryDto,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(id, paging(query));
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @ApiOperation({ summary: 'Send a delivery again (same webhook-id, so receivers can tell a repeat)' })
  @ApiJson(201, 'WebhookDeliveryView')
  redeliver(
    @Param('id', IdParam('webhook')) id: string,
    @Param('deliveryId', IdParam('delivery')) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
