import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QUALITY_GROUPS, type QualityGroup } from '@portal/shared';
import { ReportFilterDto } from '../reports.dto';

export class QualityReportQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({ enum: QUALITY_GROUPS, default: 'region' })
  @IsOptional()
  @IsIn(QUALITY_GROUPS)
  groupBy?: QualityGroup;
}
