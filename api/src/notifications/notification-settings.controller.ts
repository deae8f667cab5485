import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationSettings } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiJson } from '../common/openapi/decorators';
import { UpdateNotificationSettingsDto } from './notification-settings.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermission('notifications.settings')
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary:
      'How each event about cases reaches the caller (staff): in the app and by email, in the app only, or off. Account emails always go',
  })
  @ApiJson(200, 'NotificationSettings')
  get(@CurrentUser() caller: AuthUser): Promise<NotificationSettings> {
    return this.notifications.settings(caller);
  }

  @Put()
  @ApiOperation({ summary: 'Set the channel of the events listed (the others keep theirs); answers every event' })
  @ApiJson(200, 'NotificationSettings')
  save(@CurrentUser() caller: AuthUser, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    return this.notifications.saveSettings(caller, body.events);
  }
}
