import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMITS } from '@portal/shared';
import { digitsToNumber } from './transforms';

/** `?page=1&pageSize=25` (pageSize at most 100), as every list of the API takes it. */
export class PagingQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  pageSize?: number;
}

export function paging(query: PagingQueryDto): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? LIMITS.pageSizeDefault };
}
