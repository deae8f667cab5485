import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  ValidateIf,
} from 'class-validator';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_LIMITS,
  type WebhookEndpointBody,
  type WebhookEndpointPatch,
  type WebhookEvent,
} from '@portal/shared';
import { TextLength } from '../common/text.validators';
import { trim } from '../common/transforms';

const EVENTS_MESSAGE = `each event must be one of: ${WEBHOOK_EVENTS.join(', ')}`;

export class CreateWebhookDto implements WebhookEndpointBody {
  @ApiProperty({
    description: 'https (http only where WEBHOOK_ALLOW_PRIVATE_TARGETS allows)',
    maxLength: WEBHOOK_LIMITS.urlMax,
  })
  @Transform(trim)
  @IsString()
  @TextLength(8, WEBHOOK_LIMITS.urlMax)
  url: string;

  @ApiPropertyOptional({ nullable: true, maxLength: WEBHOOK_LIMITS.descriptionMax })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @Transform(trim)
  @IsString()
  @TextLength(0, WEBHOOK_LIMITS.descriptionMax)
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events: WebhookEvent[];
}

export class UpdateWebhookDto implements WebhookEndpointPatch {
  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.urlMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(8, WEBHOOK_LIMITS.urlMax)
  url?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: WEBHOOK_LIMITS.descriptionMax })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @Transform(trim)
  @IsString()
  @TextLength(0, WEBHOOK_LIMITS.descriptionMax)
  description?: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ description: 'true: enable again (the failure count starts over); false: disable' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
