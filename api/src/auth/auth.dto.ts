import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  type ChangePasswordBody,
  EMAIL_NOTIFICATION_CHOICES,
  type EmailNotificationChoice,
  LANGUAGES,
  type Language,
  LIMITS,
  type LoginBody,
  type RefreshBody,
  type UpdateProfileBody,
} from '@portal/shared';
import { TextLength } from '../common/text.validators';
import { trim } from '../common/transforms';

export class LoginDto implements LoginBody {
  @ApiProperty({ example: 'ana@valle-alto.example', maxLength: LIMITS.emailMax })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(LIMITS.emailMax)
  email: string;

  @ApiProperty({ example: 'Demo-2026!', maxLength: LIMITS.passwordMax })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.passwordMax)
  password: string;

  @ApiPropertyOptional({
    description: 'The device token of an earlier code step with rememberDevice: skips the code step while it is valid.',
  })
  @IsOptional()
  @IsString()
  @TextLength(20, 200)
  deviceToken?: string;
}

export class RefreshDto implements RefreshBody {
  @ApiProperty({ description: 'The refresh token of the last login or refresh; it rotates on each use.' })
  @IsString()
  @MinLength(20)
  @TextLength(0, 200)
  refreshToken: string;
}

export class UpdateMeDto implements UpdateProfileBody {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the interface and the notifications' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ maxLength: LIMITS.nameMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.nameMin, LIMITS.nameMax)
  name?: string;

  @ApiPropertyOptional({
    enum: EMAIL_NOTIFICATION_CHOICES,
    description: 'Emails about requests: each one, a daily digest, or none (account emails always go)',
  })
  @IsOptional()
  @IsIn(EMAIL_NOTIFICATION_CHOICES)
  emailNotifications?: EmailNotificationChoice;
}

export class ChangePasswordDto implements ChangePasswordBody {
  @ApiProperty({ maxLength: LIMITS.passwordMax, description: 'The password the person signs in with now' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.passwordMax)
  currentPassword: string;

  @ApiProperty({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax })
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  newPassword: string;
}
