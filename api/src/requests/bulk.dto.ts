import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BULK_ACTIONS,
  BULK_MAX_ITEMS,
  type BulkAction,
  type BulkItem,
  type BulkRequestsBody,
  PRIORITIES,
  type Priority,
  REQUEST_STATUSES,
  type RequestStatus,
} from '@portal/shared';
import { TextLength } from '../common/text.validators';
import { trim } from '../common/transforms';

export class BulkItemDto implements BulkItem {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: 'The version the caller saw; a case changed since is refused with 409' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version: number;
}

export class BulkRequestsDto implements BulkRequestsBody {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @ApiProperty({ type: [BulkItemDto], minItems: 1, maxItems: BULK_MAX_ITEMS, description: 'Each case once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BulkItemDto)
  items: BulkItemDto[];

  @ApiPropertyOptional({ enum: REQUEST_STATUSES, description: 'Required for action "status"' })
  @ValidateIf((body: BulkRequestsDto) => body.action === 'status' || body.to !== undefined)
  @IsIn(REQUEST_STATUSES)
  to?: RequestStatus;

  @ApiPropertyOptional({ enum: PRIORITIES, description: 'Required for action "priority"' })
  @ValidateIf((body: BulkRequestsDto) => body.action === 'priority' || body.priority !== undefined)
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for action "assign": the person (oneself: a claim)' })
  @ValidateIf((body: BulkRequestsDto) => body.action === 'assign' || body.assigneeId !== undefined)
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why (status and assign), on each case’s timeline' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, 2000)
  reason?: string;
}
