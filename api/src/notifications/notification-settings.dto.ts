import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationSetting,
  type UpdateNotificationSettingsBody,
} from '@portal/shared';

export class NotificationSettingDto implements NotificationSetting {
  @ApiProperty({ enum: NOTIFICATION_EVENTS })
  @IsIn(NOTIFICATION_EVENTS)
  event: NotificationEvent;

  @ApiProperty({
    enum: NOTIFICATION_CHANNELS,
    description: 'email: in the app and by email; in_app: in the app only; off: not at all',
  })
  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;
}

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsBody {
  @ApiProperty({
    type: [NotificationSettingDto],
    minItems: 1,
    maxItems: NOTIFICATION_EVENTS.length,
    description: 'The events to set, each at most once; the events not listed keep their channel',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @ArrayUnique((setting: NotificationSettingDto) => setting?.event, { message: 'each event at most once' })
  @ValidateNested({ each: true })
  @Type(() => NotificationSettingDto)
  events: NotificationSettingDto[];
}
