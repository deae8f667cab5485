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
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  type InvitationBody,
  LANGUAGES,
  type Language,
  LIMITS,
  REGION_CODES,
  type RegionCode,
  ROLES,
  type Role,
} from '@portal/shared';
import { CoverageEntryDto } from '../users/users.dto';
import { TextLength } from '../common/text.validators';
import { trim } from '../common/transforms';

export class InvitationDto implements InvitationBody {
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

  @ApiProperty({ enum: ROLES, description: "An organization's contact can invite members only" })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: "Members: their organization (a contact's own by default)" })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the invitation email and of the account' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: REGION_CODES, description: 'Directors (admins only)' })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ description: "Members: the organization's contact (admins only)" })
  @IsOptional()
  @IsBoolean()
  contact?: boolean;

  @ApiPropertyOptional({ type: [CoverageEntryDto], description: 'Staff coverage (admins only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.coverageEntriesMax)
  @ValidateNested({ each: true })
  @Type(() => CoverageEntryDto)
  coverage?: CoverageEntryDto[];
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @TextLength(20, 200)
  token: string;

  @ApiProperty({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax })
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(LIMITS.emailMax)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsString()
  @TextLength(20, 200)
  token: string;

  @ApiProperty({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax })
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password: string;
}
