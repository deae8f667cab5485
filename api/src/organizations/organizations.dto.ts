import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import {
  type CreateOrganizationBody,
  LIMITS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type UpdateOrganizationBody,
} from '@portal/shared';
import { PagingQueryDto } from '../common/paging.dto';
import { TextLength } from '../common/text.validators';
import { trim, toBoolean } from '../common/transforms';

export class CreateOrganizationDto implements CreateOrganizationBody {
  @ApiProperty({ maxLength: LIMITS.organizationNameMax })
  @Transform(trim)
  @IsString()
  @TextLength(1, LIMITS.organizationNameMax)
  name: string;

  @ApiProperty({ example: 'PE' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiPropertyOptional({ type: [String], example: ['coffee'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.productsMax)
  @IsString({ each: true })
  @TextLength(1, LIMITS.productMax, { each: true })
  products?: string[];

  @ApiPropertyOptional({ nullable: true, maxLength: LIMITS.fairtradeIdMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, LIMITS.fairtradeIdMax)
  fairtradeId?: string | null;
}

export class UpdateOrganizationDto implements UpdateOrganizationBody {
  @ApiPropertyOptional({ maxLength: LIMITS.organizationNameMax })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, LIMITS.organizationNameMax)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.productsMax)
  @IsString({ each: true })
  @TextLength(1, LIMITS.productMax, { each: true })
  products?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @TextLength(1, LIMITS.fairtradeIdMax)
  fairtradeId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListOrganizationsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Active (true) or deactivated (false) organizations' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'PE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @TextLength(0, 100)
  q?: string;
}
