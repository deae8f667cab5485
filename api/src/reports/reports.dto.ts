import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REGION_CODES, REPORT_GROUPS, type ReportGroup, THEMATIC_AREAS, TREND_INTERVALS, type TrendInterval } from '@portal/shared';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class ReportFilterDto {
  @ApiPropertyOptional({ description: 'Filed at or after (date or date-time); default one year before `to`', example: '2026-01-01' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date (YYYY-MM-DD) or an ISO date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Filed before; a date includes its whole day; default now', example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date (YYYY-MM-DD) or an ISO date-time' })
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
  @ApiPropertyOptional({ enum: TREND_INTERVALS, default: 'week' })
  @IsOptional()
  @IsIn(TREND_INTERVALS)
  interval?: TrendInterval;
}
