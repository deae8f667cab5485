import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, registerDecorator } from 'class-validator';
import {
  REGION_CODES,
  REPORT_GROUPS,
  type ReportGroup,
  THEMATIC_AREAS,
  TREND_INTERVALS,
  type TrendInterval,
} from '@portal/shared';
import { IsDateOrDateTime } from '../common/text.validators';
import { isTimeZone } from './report-time-zone';

/** An IANA time zone name (America/Lima) this runtime knows. */
function IsTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: isTimeZone,
        defaultMessage: (args) => `${args?.property} must be an IANA time zone such as America/Lima`,
      },
    });
}

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

  @ApiPropertyOptional({
    description:
      "The viewer's IANA time zone: dates in `from` and `to` are its calendar days (a day starts at its midnight there); default UTC",
    example: 'America/Lima',
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

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

/** The exports' format: CSV (the documented machine format) unless XLSX is asked for. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
const formatProperty = {
  enum: EXPORT_FORMATS,
  default: 'csv',
  description:
    "csv: the machine format (English headers, unchanged). xlsx: a spreadsheet in the viewer's language; also chosen by `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`",
};

export class LoadExportQueryDto extends LoadReportQueryDto {
  @ApiPropertyOptional(formatProperty)
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

export class TrendExportQueryDto extends TrendReportQueryDto {
  @ApiPropertyOptional(formatProperty)
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}
