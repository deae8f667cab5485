import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  type CoverageEntry,
  type CreateUserBody,
  LANGUAGES,
  type Language,
  LIMITS,
  REGION_CODES,
  type RegionCode,
  ROLES,
  type Role,
  THEMATIC_AREAS,
  type ThematicArea,
  type UpdateUserBody,
} from '@portal/shared';
import { PagingQueryDto } from '../common/paging.dto';
import { TextLength } from '../common/text.validators';
import { trim, toBoolean } from '../common/transforms';

export class CoverageEntryDto implements CoverageEntry {
  @ApiPropertyOptional({ example: 'PE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ enum: THEMATIC_AREAS })
  @IsOptional()
  @IsIn(THEMATIC_AREAS)
  area?: ThematicArea;
}

export class CreateUserDto implements CreateUserBody {
  @ApiProperty({ maxLength: LIMITS.emailMax })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(LIMITS.emailMax)
  email: string;

  @ApiProperty({ maxLength: LIMITS.nameMax })
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.nameMin, LIMITS.nameMax)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'es' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Required for members, refused for staff' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: REGION_CODES, nullable: true, description: 'Required for directors' })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode | null;

  @ApiPropertyOptional({ type: [CoverageEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.coverageEntriesMax)
  @ValidateNested({ each: true })
  @Type(() => CoverageEntryDto)
  coverage?: CoverageEntryDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ default: false, description: "A member who manages its organization's people" })
  @IsOptional()
  @IsBoolean()
  contact?: boolean;
}

export class UpdateUserDto implements UpdateUserBody {
  @ApiPropertyOptional({ maxLength: LIMITS.nameMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.nameMin, LIMITS.nameMax)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: REGION_CODES, nullable: true })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode | null;

  @ApiPropertyOptional({ type: [CoverageEntryDto], description: 'Replaces the whole coverage' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.coverageEntriesMax)
  @ValidateNested({ each: true })
  @Type(() => CoverageEntryDto)
  coverage?: CoverageEntryDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  contact?: boolean;

  @ApiPropertyOptional({ description: 'false deactivates the person (history is kept)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListUsersQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'On leave or vacancy (false), or available (true)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or email' })
  @IsOptional()
  @IsString()
  @TextLength(0, 100)
  q?: string;
}
