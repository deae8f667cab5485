import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@portal/shared';
import { IsDateOrDateTime } from '../common/text.validators';
import { digitsToNumber, trim } from '../common/transforms';

/** The filters of the audit trail, as GET /audit-log and its CSV take them. */
export class AuditFilterDto {
  @ApiPropertyOptional({ description: "The actor's id or email (case ignored)", maxLength: 254 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional({ description: 'One action, e.g. user.updated or auth.sign-in-failed', maxLength: 80 })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]+\.[a-z-]+$/, { message: 'action must look like user.updated' })
  @MaxLength(80)
  action?: string;

  @ApiPropertyOptional({ description: 'The kind of record, e.g. user, organization, report', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]+$/, { message: 'entityType must be a word such as user' })
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional({ description: "The record's id", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'At or after (date or date-time, UTC)', example: '2026-12-01' })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Before; a date includes its whole day (UTC)', example: '2026-12-31' })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;
}

export class AuditPageQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ description: "The previous page's `nextCursor`: entries older than it", example: '1042' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be the nextCursor of a previous page' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: 50 })
  @IsOptional()
  @Transform(digitsToNumber)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  limit?: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as the repository takes it: a date-only `to` is the end of its day. */
export function auditFilter(query: AuditFilterDto) {
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (to && DATE_ONLY.test(query.to!)) to.setUTCDate(to.getUTCDate() + 1);
  return {
    actor: query.actor || undefined,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from === undefined ? undefined : new Date(query.from),
    to,
  };
}
