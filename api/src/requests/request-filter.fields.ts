import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { REGION_CODES, REQUEST_STATUSES, THEMATIC_AREAS } from '@portal/shared';
import { IsDateOrDateTime } from '../common/text.validators';

/**
 * The filters of GET /requests as optional fields, each with its check and its OpenAPI
 * description: the list's query and a saved inbox view's parameters check them alike.
 */
const STATUS_LIST = new RegExp(`^(${REQUEST_STATUSES.join('|')})(,(${REQUEST_STATUSES.join('|')}))*$`);
const SORT_PATTERN = /^-?(createdAt|updatedAt|priority|dueAt)$/;

export const StatusListFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'One status or several separated by commas', example: 'assigned,in_progress' }),
    IsOptional(),
    Matches(STATUS_LIST, { message: 'status must be statuses separated by commas' }),
  );

export const AreaFilter = () =>
  applyDecorators(ApiPropertyOptional({ enum: THEMATIC_AREAS }), IsOptional(), IsIn(THEMATIC_AREAS));

export const CountryFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'PE' }),
    IsOptional(),
    Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' }),
  );

export const RegionFilter = () =>
  applyDecorators(ApiPropertyOptional({ enum: REGION_CODES }), IsOptional(), IsIn(REGION_CODES));

export const UuidFilter = () => applyDecorators(ApiPropertyOptional({ format: 'uuid' }), IsOptional(), IsUUID());

export const CreatedFromFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Created at or after (date or date-time)', example: '2026-01-01' }),
    IsOptional(),
    IsDateOrDateTime(),
  );

export const CreatedToFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Created before; a date includes its whole day', example: '2026-12-31' }),
    IsOptional(),
    IsDateOrDateTime(),
  );

export const SortField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'createdAt, updatedAt, priority or dueAt; "-" prefix for descending',
      default: '-createdAt',
    }),
    IsOptional(),
    Matches(SORT_PATTERN, {
      message: 'sort must be createdAt, updatedAt, priority or dueAt, optionally prefixed with -',
    }),
  );
