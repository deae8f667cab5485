import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import {
  REGION_CODES,
  REQUEST_STATUSES,
  SAVED_VIEW_LIMITS,
  type SavedView,
  type SaveViewBody,
  THEMATIC_AREAS,
} from '@portal/shared';
import { IsDateOrDateTime, TextLength, VisibleText } from '../common/text.validators';
import { trim } from '../common/transforms';

type SavedViewParams = SavedView['params'];

const STATUS_LIST = new RegExp(`^(${REQUEST_STATUSES.join('|')})(,(${REQUEST_STATUSES.join('|')}))*$`);

/** The inbox's URL parameters a view keeps, each checked as the inbox and GET /requests read it. */
export class SavedViewParamsDto implements SavedViewParams {
  @ApiPropertyOptional({ enum: ['mine', 'coverage', 'unassigned', 'breached'] })
  @IsOptional()
  @IsIn(['mine', 'coverage', 'unassigned', 'breached'])
  tab?: string;

  @ApiPropertyOptional({ example: 'assigned,in_progress' })
  @IsOptional()
  @Matches(STATUS_LIST, { message: 'status must be statuses separated by commas' })
  status?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: string;

  @ApiPropertyOptional({ example: 'PE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ enum: ['true'] })
  @IsOptional()
  @IsIn(['true'])
  escalated?: string;

  @ApiPropertyOptional({ maxLength: SAVED_VIEW_LIMITS.valueMax })
  @IsOptional()
  @IsString()
  @TextLength(1, SAVED_VIEW_LIMITS.valueMax)
  q?: string;

  @ApiPropertyOptional({ example: '-priority' })
  @IsOptional()
  @Matches(/^-?(createdAt|updatedAt|priority|dueAt)$/, { message: 'sort must be a sort of GET /requests' })
  sort?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organization?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignee?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;
}

export class SaveViewDto implements SaveViewBody {
  @ApiProperty({ minLength: SAVED_VIEW_LIMITS.nameMin, maxLength: SAVED_VIEW_LIMITS.nameMax })
  @Transform(trim)
  @IsString()
  @TextLength(SAVED_VIEW_LIMITS.nameMin, SAVED_VIEW_LIMITS.nameMax)
  @VisibleText()
  name: string;

  @ApiProperty({
    type: SavedViewParamsDto,
    description: 'The inbox’s URL parameters (filters and sort); {} is the inbox as it opens',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewParamsDto)
  params: SavedViewParamsDto;
}
