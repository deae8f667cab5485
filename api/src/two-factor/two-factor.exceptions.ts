import { AppException } from '../common/app-exception';

export class TwoFactorFailedException extends AppException {
  constructor() {
    super(401, 'auth.two-factor-failed', 'Code not accepted', 'The code is not correct, or it was already used.');
  }
}

export class ChallengeExpiredException extends AppException {
  constructor() {
    super(
      401,
      'auth.challenge-expired',
      'Sign in again',
      'This sign-in step has expired. Sign in with your password again.',
    );
  }
}

export class TwoFactorConflictException extends AppException {
  constructor(detail: string) {
    super(409, 'auth.two-factor-conflict', 'Two-factor sign-in', detail);
  }
}
