import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  REGION_CODES,
  REPORT_GROUPS,
  type ReportGroup,
  THEMATIC_AREAS,
  TREND_INTERVALS,
  type TrendInterval,
} from '@portal/shared';
import { IsDateOrDateTime } from '../common/text.validators';

export class ReportFilterDto {
  @ApiPropertyOptional({
    description: 'Filed at or after (date or date-time); default one year before `to`',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'Filed before; a date includes its whole day; default now',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;

  @ApiPropertyOptional({ enum: REGION_CODES, description: "A director's reports are always of its own region" })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: string;
}

export class LoadReportQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({ enum: REPORT_GROUPS, default: 'region' })
  @IsOptional()
  @IsIn(REPORT_GROUPS)
  groupBy?: ReportGroup;
}

export class TrendReportQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({
    enum: TREND_INTERVALS,
    default: 'week',
    description:
      'A trend covers at most ten years (3,653 days) from `from` to `to`; longer is a 400 reports.range-too-long',
  })
  @IsOptional()
  @IsIn(TREND_INTERVALS)
  interval?: TrendInterval;
}
