/**
 * The base of every exception a feature raises on purpose. Each carries a stable code;
 * the problem-details filter turns it into an RFC 9457 answer.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
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
  constructor(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extensions);
  }
}
