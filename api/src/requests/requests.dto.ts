import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  type AssignBody,
  type CreateMessageBody,
  type CreateRequestBody,
  type EscalateBody,
  LIMITS,
  PRIORITIES,
  type Priority,
  REGION_CODES,
  REQUEST_STATUSES,
  type RequestStatus,
  type SatisfactionBody,
  THEMATIC_AREAS,
  type ThematicArea,
  type TransitionBody,
  type UpdateRequestBody,
} from '@portal/shared';
import { PagingQueryDto } from '../common/paging.dto';
import { IsDateOrDateTime, TextLength, VisibleText } from '../common/text.validators';
import { CURSOR_MAX_LENGTH } from './list-cursor';
import { trim, toBoolean } from '../common/transforms';

export class CreateRequestDto implements CreateRequestBody {
  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS)
  area: ThematicArea;

  @ApiProperty({ minLength: LIMITS.subjectMin, maxLength: LIMITS.subjectMax })
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.subjectMin, LIMITS.subjectMax)
  @VisibleText()
  subject: string;

  @ApiProperty({ minLength: LIMITS.descriptionMin, maxLength: LIMITS.descriptionMax })
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.descriptionMin, LIMITS.descriptionMax)
  @VisibleText()
  description: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}

export class UpdateRequestDto implements UpdateRequestBody {
  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiProperty({ description: 'The version the change is based on; a stale one answers 409' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version: number;
}

export class CreateMessageDto implements CreateMessageBody {
  @ApiProperty({ maxLength: LIMITS.descriptionMax })
  @Transform(trim)
  @IsString()
  @TextLength(1, LIMITS.descriptionMax)
  @VisibleText()
  body: string;

  @ApiPropertyOptional({ default: false, description: 'An internal note, seen by staff only (staff only)' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @ApiPropertyOptional({
    description:
      'The version the message was written on; a stale one answers 409 (requests.stale-version). None: not checked',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;
}

export class TransitionDto implements TransitionBody {
  @ApiProperty({ enum: REQUEST_STATUSES })
  @IsIn(REQUEST_STATUSES)
  to: RequestStatus;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, 2000)
  reason?: string;
}

export class AssignDto implements AssignBody {
  @ApiProperty({ format: 'uuid', description: 'One of GET /requests/{id}/assignees, or the caller (a claim)' })
  @IsUUID()
  assigneeId: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why (shown on the timeline); optional here, the web app asks for it when the request changes hands',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, 2000)
  reason?: string;
}

export class EscalateDto implements EscalateBody {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @TextLength(3, 2000)
  reason: string;
}

export class SatisfactionDto implements SatisfactionBody {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, 2000)
  comment?: string;
}

const SORT_PATTERN = /^-?(createdAt|updatedAt|priority|dueAt)$/;

export class ListRequestsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'One status or several separated by commas', example: 'assigned,in_progress' })
  @IsOptional()
  @Matches(new RegExp(`^(${REQUEST_STATUSES.join('|')})(,(${REQUEST_STATUSES.join('|')}))*$`), {
    message: 'status must be statuses separated by commas',
  })
  status?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;

  @ApiPropertyOptional({ example: 'PE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ description: 'A user id, "me" or "none" (unassigned)' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be a user id, "me" or "none"',
  })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organization?: string;

  @ApiPropertyOptional({
    description: 'Full text over reference, subject, description and messages; accents and case ignored',
  })
  @IsOptional()
  @IsString()
  @TextLength(0, 200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ description: 'Created at or after (date or date-time)', example: '2026-01-01' })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Created before; a date includes its whole day', example: '2026-12-31' })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;

  @ApiPropertyOptional({
    description: 'createdAt, updatedAt, priority or dueAt; "-" prefix for descending',
    default: '-createdAt',
  })
  @IsOptional()
  @Matches(SORT_PATTERN, {
    message: 'sort must be createdAt, updatedAt, priority or dueAt, optionally prefixed with -',
  })
  sort?: string;

  @ApiPropertyOptional({
    description:
      "The previous page's nextCursor: the next page, after that page's last row, at the same cost at any depth (page is then ignored). " +
      'Opaque, and valid only for the person it was given to, with the same sort; any other value is a 400. The other filters are taken as sent.',
    maxLength: CURSOR_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}

export class RoutingPreviewQueryDto {
  @ApiProperty({ example: 'PE' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country: string;

  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS)
  area: ThematicArea;
}

export class AssigneesQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name; accents and case ignored' })
  @IsOptional()
  @IsString()
  @TextLength(0, 100)
  search?: string;
}
