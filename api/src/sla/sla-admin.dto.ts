import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { TextLength } from '../common/text.validators';
import { trim, digitsToNumber } from '../common/transforms';

export class UpdateSlaPolicyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 2000, description: 'Business hours to the first staff reply' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  firstResponseHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Business hours to resolution' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  resolutionHours?: number;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateHolidayDto {
  @ApiProperty({ example: 'PE' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country: string;

  @ApiProperty({ example: '2026-07-28' })
  @Matches(DATE, { message: 'date must be a date as YYYY-MM-DD' })
  date: string;

  @ApiProperty({ maxLength: 120 })
  @Transform(trim)
  @IsString()
  @TextLength(1, 120)
  name: string;
}

export class ListHolidaysQueryDto {
  @ApiPropertyOptional({ example: 'PE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** The years shared/data/public-holidays.json holds. */
export const PUBLIC_HOLIDAY_YEARS = { min: 2026, max: 2028 } as const;

export class ImportHolidaysDto {
  @ApiProperty({ example: 'PE' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country: string;

  @ApiProperty({ example: 2026, minimum: PUBLIC_HOLIDAY_YEARS.min, maximum: PUBLIC_HOLIDAY_YEARS.max })
  @IsInt()
  @Min(PUBLIC_HOLIDAY_YEARS.min, {
    message: `year must be from ${PUBLIC_HOLIDAY_YEARS.min} to ${PUBLIC_HOLIDAY_YEARS.max}`,
  })
  @Max(PUBLIC_HOLIDAY_YEARS.max, {
    message: `year must be from ${PUBLIC_HOLIDAY_YEARS.min} to ${PUBLIC_HOLIDAY_YEARS.max}`,
  })
  year: number;
}
