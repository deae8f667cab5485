import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  SATISFACTION_REASONS,
  type SatisfactionLinkBody,
  type SatisfactionLinkDetailsBody,
  type SatisfactionLinkScoreBody,
  type SatisfactionReason,
} from '@portal/shared';
import { TextLength } from '../common/text.validators';
import { trim } from '../common/transforms';

export class SatisfactionLinkDto implements SatisfactionLinkBody {
  @ApiProperty({ maxLength: 200, description: 'The token of the link in the email (its `token` query parameter).' })
  @IsString()
  @MaxLength(200)
  token: string;
}

export class SatisfactionLinkScoreDto extends SatisfactionLinkDto implements SatisfactionLinkScoreBody {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;
}

export class SatisfactionLinkDetailsDto extends SatisfactionLinkDto implements SatisfactionLinkDetailsBody {
  @ApiPropertyOptional({ maxLength: 2000, nullable: true, description: 'Empty or null: no comment.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, 2000)
  comment?: string | null;

  @ApiPropertyOptional({ enum: SATISFACTION_REASONS, isArray: true, description: 'Only with a score of 1 or 2.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SATISFACTION_REASONS.length)
  @ArrayUnique()
  @IsIn(SATISFACTION_REASONS, { each: true })
  reasons?: SatisfactionReason[];
}
