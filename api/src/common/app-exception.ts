import type { ProblemCode, ProblemDocument } from '@portal/shared';

/**
 * The base of every exception a feature raises on purpose. Each carries a stable code of
 * the shared list (shared/src/problem.ts: a code not in it does not compile); the
 * problem-details filter turns it into an RFC 9457 answer.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** The RFC 9457 document of an exception: what the problem-details filter answers, and a bulk call's item. */
export function toProblemDocument(exception: AppException): ProblemDocument {
  return {
    type: `about:blank#${exception.code}`,
    title: exception.title,
    status: exception.status,
    detail: exception.detail,
    code: exception.code,
    ...exception.extensions,
  };
}

export class ValidationException extends AppException {
  constructor(errors: Record<string, string[]>, detail = 'Some fields are missing or invalid.') {
    super(400, 'validation.failed', 'Invalid request', detail, { errors });
  }
}

export class NotFoundException extends AppException {
  constructor(what = 'resource') {
    super(404, 'not-found', 'Not found', `The ${what} does not exist or is not visible to you.`);
  }
}

export class ConflictException extends AppException {
  constructor(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extensions);
  }
}
