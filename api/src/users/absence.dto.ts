import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import type { SetAbsenceBody } from '@portal/shared';

export class SetAbsenceDto implements SetAbsenceBody {
  @ApiProperty({ example: '2026-12-14', description: 'A day (from its start, UTC) or a date-time' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from: string;

  @ApiProperty({ example: '2026-12-18', description: 'A day (to its end, UTC) or a date-time; after from' })
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date or date-time' })
  until: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Who takes the new cases meanwhile (GET /me/absence/replacements); none: they route as if unavailable',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  replacementId?: string | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Hand one’s open cases to the replacement now (one must be named): those it may work (a region it works in) move, each with a timeline entry; the others stay. The answer says how many of each.',
  })
  @IsOptional()
  @IsBoolean()
  handOverOpenCases?: boolean;
}
