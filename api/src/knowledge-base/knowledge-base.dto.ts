import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateIf } from 'class-validator';
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  KB_LIMITS,
  type Language,
  LANGUAGES,
  SLUG_PATTERN,
  type ThematicArea,
  THEMATIC_AREAS,
} from '@portal/shared';
import { PagingQueryDto } from '../common/paging.dto';
import { IsDateOrDateTime, TextLength, VisibleText } from '../common/text.validators';
import { trim } from '../common/transforms';

const AREA_MESSAGE = `area must be one of: ${THEMATIC_AREAS.join(', ')}`;
const LANGUAGE_MESSAGE = `language must be one of: ${LANGUAGES.join(', ')}`;
const SLUG_MESSAGE = 'slug must be lower-case letters and digits in words joined by hyphens';

export class ArticleLanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language wanted; default Spanish' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language?: Language;
}

export class SearchArticlesQueryDto extends PagingQueryDto {
  @ApiProperty({ enum: LANGUAGES, description: 'Searches the versions in this language' })
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language: Language;

  @ApiPropertyOptional({ description: 'Words, stemmed and accents ignored; "quoted phrase", -excluded, or' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(0, KB_LIMITS.queryMax)
  q?: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS, { message: AREA_MESSAGE })
  area?: ThematicArea;
}

export class SuggestArticlesQueryDto {
  @ApiProperty({ description: 'The subject typed so far' })
  @Transform(trim)
  @IsString()
  @TextLength(0, KB_LIMITS.queryMax)
  subject: string;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS, description: 'The area picked: its articles come first' })
  @IsOptional()
  @IsIn(THEMATIC_AREAS, { message: AREA_MESSAGE })
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "Default: the caller's language" })
  @IsOptional()
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language?: Language;
}

export class AnsweredDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The visit of the new-request form (made by the app when the form opens)',
  })
  @IsUUID(undefined, { message: 'visitId must be a UUID' })
  visitId: string;
}

export class TranslationRequestDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language: Language;
}

class ArticleMetaFields {
  @ApiProperty({ pattern: SLUG_PATTERN.source, minLength: KB_LIMITS.slugMin, maxLength: KB_LIMITS.slugMax })
  @Transform(trim)
  @IsString()
  @TextLength(KB_LIMITS.slugMin, KB_LIMITS.slugMax)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS, { message: AREA_MESSAGE })
  area: ThematicArea;

  @ApiPropertyOptional({ nullable: true, description: 'A country the article is about (two letters), or null' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: KB_LIMITS.productMax })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString()
  @TextLength(1, KB_LIMITS.productMax)
  product?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  membersOnly?: boolean;
}

class VersionFields {
  @ApiProperty({ minLength: KB_LIMITS.titleMin, maxLength: KB_LIMITS.titleMax })
  @Transform(trim)
  @IsString()
  @TextLength(KB_LIMITS.titleMin, KB_LIMITS.titleMax)
  @VisibleText()
  title: string;

  @ApiProperty({
    maxLength: KB_LIMITS.bodyMax,
    description: 'Plain text: paragraphs between blank lines, "## " headings, "- " and "1. " lists',
  })
  @Transform(trim)
  @IsString()
  @TextLength(1, KB_LIMITS.bodyMax)
  @VisibleText()
  body: string;
}

export class CreateArticleDto extends IntersectionType(ArticleMetaFields, VersionFields) {
  @ApiProperty({ enum: LANGUAGES, description: 'The language of the first version' })
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language: Language;
}

export class UpdateArticleDto extends PartialType(ArticleMetaFields) {
  @ApiProperty({ description: 'The version read: a stale one is a 409 kb.stale-version' })
  @IsInt()
  @Min(1)
  version: number;
}

export class SaveVersionDto extends VersionFields {}

export class ChangeStatusDto {
  @ApiProperty({ enum: ARTICLE_STATUSES, description: 'published again: marks it reviewed today by the caller' })
  @IsIn(ARTICLE_STATUSES, { message: `to must be one of: ${ARTICLE_STATUSES.join(', ')}` })
  to: ArticleStatus;
}

export class SuggestEditDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: LANGUAGE_MESSAGE })
  language: Language;

  @ApiProperty({ maxLength: KB_LIMITS.suggestionMax })
  @Transform(trim)
  @IsString()
  @TextLength(1, KB_LIMITS.suggestionMax)
  @VisibleText()
  body: string;
}

export class EditorListQueryDto {
  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS, { message: AREA_MESSAGE })
  area?: ThematicArea;

  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES, { message: `status must be one of: ${ARTICLE_STATUSES.join(', ')}` })
  status?: ArticleStatus;
}

export class KnowledgeBaseReportQueryDto {
  @ApiPropertyOptional({ description: 'Start (a date is its midnight UTC); default 30 days before `to`' })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'End, exclusive (a date: the end of that day UTC); default now' })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;
}
