import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Page } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { paging, PagingQueryDto } from '../common/paging.dto';
import { type NotificationGroupView, type NotificationView, NotificationsService } from './notifications.service';
import { ApiEmpty, ApiJson } from '../common/openapi/decorators';
import { toBoolean } from '../common/transforms';

export class ListNotificationsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermission('notifications.read')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, unread first, in its language" })
  @ApiJson(200, 'NotificationPage')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.list(caller, { unread: query.unread, ...paging(query) });
  }

  @Get('by-request')
  @ApiOperation({
    summary:
      "The caller's notifications grouped by request (the bell): per request how many, how many unread and the latest; groups with unread ones first",
  })
  @ApiJson(200, 'NotificationGroupPage')
  groups(@CurrentUser() caller: AuthUser, @Query() query: PagingQueryDto): Promise<Page<NotificationGroupView>> {
    return this.notifications.groups(caller, paging(query));
  }

  @Post('by-request/:requestId/read')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark read every one of the caller's notifications about the request" })
  @ApiEmpty()
  markRequestRead(
    @CurrentUser() caller: AuthUser,
    @Param('requestId', IdParam('notification')) requestId: string,
  ): Promise<void> {
    return this.notifications.markRequestRead(caller, requestId);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiEmpty()
  markAllRead(@CurrentUser() caller: AuthUser): Promise<void> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiEmpty()
  markRead(@CurrentUser() caller: AuthUser, @Param('id', IdParam('notification')) id: string): Promise<void> {
    return this.notifications.markRead(caller, id);
  }
}
