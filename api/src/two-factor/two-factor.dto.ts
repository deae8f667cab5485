import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import type { TwoFactorVerifyBody } from '@portal/shared';
import { TextLength } from '../common/text.validators';

export class TwoFactorCodeDto {
  @ApiProperty({ description: 'Six digits from the authenticator app, or a recovery code', example: '123456' })
  @IsString()
  @TextLength(6, 40)
  code: string;
}

export class ChallengeDto {
  @ApiProperty({ description: 'The challengeToken of the password step' })
  @IsString()
  @TextLength(20, 2000)
  challengeToken: string;
}

export class ChallengeCodeDto extends ChallengeDto {
  @ApiProperty({
    description: 'Six digits from the authenticator app (a recovery code too when signing in)',
    example: '123456',
  })
  @IsString()
  @TextLength(6, 40)
  code: string;
}

export class TwoFactorVerifyDto extends ChallengeCodeDto implements TwoFactorVerifyBody {
  @ApiPropertyOptional({
    description: 'Remember this device for 30 days: the answer carries a deviceToken for later sign-ins',
  })
  @IsOptional()
  @IsBoolean()
  rememberDevice?: boolean;
}
