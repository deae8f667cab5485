import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { INBOX_TABS, SAVED_VIEW_LIMITS, type SavedView, type SaveViewBody } from '@portal/shared';
import { TextLength, VisibleText } from '../common/text.validators';
import { trim } from '../common/transforms';
import {
  AreaFilter,
  CountryFilter,
  CreatedFromFilter,
  CreatedToFilter,
  RegionFilter,
  SortField,
  StatusListFilter,
  UuidFilter,
} from '../requests/request-filter.fields';

type SavedViewParams = SavedView['params'];

/** The inbox's URL parameters a view keeps, each checked as the inbox and GET /requests read it. */
export class SavedViewParamsDto implements SavedViewParams {
  @ApiPropertyOptional({ enum: INBOX_TABS })
  @IsOptional()
  @IsIn(INBOX_TABS)
  tab?: string;

  @StatusListFilter()
  status?: string;

  @AreaFilter()
  area?: string;

  @CountryFilter()
  country?: string;

  @RegionFilter()
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

  @SortField()
  sort?: string;

  @UuidFilter()
  organization?: string;

  @UuidFilter()
  assignee?: string;

  @CreatedFromFilter()
  from?: string;

  @CreatedToFilter()
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
