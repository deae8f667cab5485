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
  REQUEST_STATUSES,
  type RequestStatus,
  type SatisfactionBody,
  THEMATIC_AREAS,
  type ThematicArea,
  type TransitionBody,
  type UpdateRequestBody,
} from '@portal/shared';
import { PagingQueryDto } from '../common/paging.dto';
import { TextLength, VisibleText } from '../common/text.validators';
import { CURSOR_MAX_LENGTH } from './list-cursor';
import { trim, toBoolean } from '../common/transforms';
import {
  AreaFilter,
  CountryFilter,
  CreatedFromFilter,
  CreatedToFilter,
  RegionFilter,
  SortField,
  StatusListFilter,
  UuidFilter,
} from './request-filter.fields';

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

export class ListRequestsQueryDto extends PagingQueryDto {
  @StatusListFilter()
  status?: string;

  @AreaFilter()
  area?: ThematicArea;

  @CountryFilter()
  country?: string;

  @RegionFilter()
  region?: string;

  @ApiPropertyOptional({ description: 'A user id, "me" or "none" (unassigned)' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be a user id, "me" or "none"',
  })
  assignee?: string;

  @UuidFilter()
  organization?: string;

  @ApiPropertyOptional({ description: '"me": only the requests the caller filed', enum: ['me'] })
  @IsOptional()
  @IsIn(['me'], { message: 'createdBy must be "me"' })
  createdBy?: 'me';

  @ApiPropertyOptional({
    description:
      'Words over subject, description and messages (internal notes for staff), each typed word the start of a word; ' +
      'or the organization\'s name, or the filing member\'s name or email; or the reference or its end ("000042" finds SR-2026-000042). ' +
      'Accents and case ignored',
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

  @CreatedFromFilter()
  from?: string;

  @CreatedToFilter()
  to?: string;

  @SortField()
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
