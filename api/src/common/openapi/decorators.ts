import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@portal/shared';
import { type ComponentName, ref } from './schemas';

/** The error statuses an operation of this API may answer, each with a problem document. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 414 | 415 | 422 | 429 | 503;

export const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: validation.failed with `errors` by field (or a malformed body or URL, without a code)',
  401: 'Not signed in: auth.unauthenticated (or the route’s own 401 code)',
  403: 'Not allowed: auth.forbidden for the role (or the route’s own 403 code)',
  404: 'not-found: absent, or not visible to the caller (a path id that is not a UUID too)',
  409: 'Conflict with the current state (the route’s 409 codes)',
  410: 'accounts.link-gone: the link was used, has expired or is not valid',
  413: 'Content too large',
  414: 'URI too long: a path parameter longer than the router takes (500 characters)',
  415: 'Unsupported media type: send JSON (or the route’s upload format)',
  422: 'Unprocessable content',
  429: 'Too many requests, with Retry-After',
  503: 'database-unavailable (or the route’s own 503 code): retry after Retry-After',
};

/** A problem answer (RFC 9457), as `common/problem-details.filter.ts` sends every error. */
export function problemResponse(status: ProblemStatus, description = PROBLEM_DESCRIPTIONS[status]) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } } };
}

/**
 * The error statuses an operation answers besides those every operation of its kind does
 * (added in one place, `completeContract`: 401 and 403 from the route's roles, 400/413/415
 * for a JSON body, 400 for a query, 404 for a path id, 503 for the database).
 */
export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));

/** A JSON success answer: a component's name or a schema. */
export const ApiJson = (status: 200 | 201, schema: ComponentName | SchemaObject, description = 'Success') =>
  ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: typeof schema === 'string' ? ref(schema) : schema } },
  });

/** A JSON success answer holding a list of a component. */
export const ApiJsonList = (name: ComponentName, description = 'Success') =>
  ApiJson(200, { type: 'array', items: ref(name) }, description);

/** A success answer without a body (204 No Content, or 202 Accepted). */
export const ApiEmpty = (status: 202 | 204 = 204, description = 'Done; no body') =>
  ApiResponse({ status, description });

/** A success answer that is a file of one of these types (not JSON). */
export const ApiFileAnswer = (contentTypes: readonly string[], description: string) =>
  ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/** An operation that never asks the database (no 503 database-unavailable). */
export const ApiWithoutDatabase = () => ApiExtension('x-without-database', true);
