import { AppException } from '../common/app-exception';

export class InvalidCredentialsException extends AppException {
  constructor() {
    super(401, 'auth.invalid-credentials', 'Sign-in failed', 'The email or password is not correct.');
  }
}

export class TooManyAttemptsException extends AppException {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'auth.too-many-attempts',
      'Too many attempts',
      'Too many failed sign-ins for this email. Try again later.',
      {
        retryAfterSeconds,
      },
    );
  }
}

export class UnauthenticatedException extends AppException {
  constructor(detail = 'Sign in to continue: the access token is missing, invalid or expired.') {
    super(401, 'auth.unauthenticated', 'Not signed in', detail);
  }
}

export class InvalidRefreshTokenException extends AppException {
  constructor() {
    super(401, 'auth.invalid-refresh-token', 'Session ended', 'The session has ended. Sign in again.');
  }
}

export class ForbiddenRoleException extends AppException {
  constructor() {
    super(403, 'auth.forbidden', 'Not allowed', 'Your role does not allow this action.');
  }
}

/**
 * The caller's token is valid but the database could not be asked who they are (down,
 * or it failed the query): a 503 to retry, never a 401 that would sign a person out.
 */
export class CallerUnavailableException extends AppException {
  constructor() {
    super(
      503,
      'database-unavailable',
      'Service unavailable',
      'The service is briefly unavailable. Please try again in a moment.',
    );
  }
}
