import { applyDecorators } from '@nestjs/common';
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

/** The events an endpoint wants: at least one, each once, each known. */
const WebhookEvents = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(WEBHOOK_EVENTS.length),
    ArrayUnique(),
    IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of: ${WEBHOOK_EVENTS.join(', ')}` }),
  );

/** An endpoint's address: its rules beyond the length (https, public) are checked by the service. */
const WebhookUrl = () => applyDecorators(Transform(trim), IsString(), TextLength(8, WEBHOOK_LIMITS.urlMax));

/** An optional description; null or empty clears it. */
const WebhookDescription = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: WEBHOOK_LIMITS.descriptionMax }),
    IsOptional(),
    ValidateIf((_o, value) => value !== null),
    Transform(trim),
    IsString(),
    TextLength(0, WEBHOOK_LIMITS.descriptionMax),
  );

export class CreateWebhookDto implements WebhookEndpointBody {
  @ApiProperty({
    description: 'https (http only where WEBHOOK_ALLOW_PRIVATE_TARGETS allows)',
    maxLength: WEBHOOK_LIMITS.urlMax,
  })
  @WebhookUrl()
  url: string;

  @WebhookDescription()
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @WebhookEvents()
  events: WebhookEvent[];
}

export class UpdateWebhookDto implements WebhookEndpointPatch {
  @ApiPropertyOptional({ maxLength: WEBHOOK_LIMITS.urlMax })
  @IsOptional()
  @WebhookUrl()
  url?: string;

  @WebhookDescription()
  description?: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @WebhookEvents()
  events?: WebhookEvent[];

  @ApiPropertyOptional({ description: 'true: enable again (the failure count starts over); false: disable' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
