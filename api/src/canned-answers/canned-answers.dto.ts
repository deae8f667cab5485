import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  CANNED_ANSWER_LIMITS,
  type CannedAnswerBody,
  type Language,
  LANGUAGES,
  type ThematicArea,
  THEMATIC_AREAS,
} from '@portal/shared';
import { TextLength, VisibleText } from '../common/text.validators';
import { trim } from '../common/transforms';

const PLACEHOLDER_HELP = 'Placeholders filled for the request: {{member_name}}, {{reference}}, {{due_date}}';

export class CreateCannedAnswerDto implements CannedAnswerBody {
  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS, { message: `area must be one of: ${THEMATIC_AREAS.join(', ')}` })
  area: ThematicArea;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language: Language;

  @ApiProperty({ maxLength: CANNED_ANSWER_LIMITS.titleMax })
  @Transform(trim)
  @IsString()
  @TextLength(1, CANNED_ANSWER_LIMITS.titleMax)
  @VisibleText()
  title: string;

  @ApiProperty({ maxLength: CANNED_ANSWER_LIMITS.bodyMax, description: PLACEHOLDER_HELP })
  @Transform(trim)
  @IsString()
  @TextLength(1, CANNED_ANSWER_LIMITS.bodyMax)
  @VisibleText()
  body: string;
}

export class UpdateCannedAnswerDto implements Partial<CannedAnswerBody> {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS, { message: `area must be one of: ${THEMATIC_AREAS.join(', ')}` })
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({ maxLength: CANNED_ANSWER_LIMITS.titleMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, CANNED_ANSWER_LIMITS.titleMax)
  @VisibleText()
  title?: string;

  @ApiPropertyOptional({ maxLength: CANNED_ANSWER_LIMITS.bodyMax, description: PLACEHOLDER_HELP })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, CANNED_ANSWER_LIMITS.bodyMax)
  @VisibleText()
  body?: string;
}

export class ListCannedAnswersQueryDto {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS, { message: `area must be one of: ${THEMATIC_AREAS.join(', ')}` })
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}
