import type { RequestStatus } from '@portal/shared';
import { AppException, ConflictException } from '../common/app-exception';

export class TransitionNotAllowedException extends ConflictException {
  constructor(from: RequestStatus, to: RequestStatus, allowed: RequestStatus[]) {
    super('requests.transition-not-allowed', `A request cannot go from ${from} to ${to} for you now.`, { allowed });
  }
}

export class StaleVersionException extends ConflictException {
  /** `changedBy`: who made the latest change, so the page can say whose change it missed. */
  constructor(currentVersion: number, changedBy: string | null) {
    super('requests.stale-version', 'The request changed since you loaded it. Reload it and try again.', {
      currentVersion,
      changedBy,
    });
  }
}

export class RequestClosedException extends ConflictException {
  constructor(status: RequestStatus) {
    super('requests.closed', `The request is ${status}: it takes no more changes of this kind.`);
  }
}

export class RequestForbiddenException extends AppException {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(403, 'requests.forbidden', 'Not allowed', detail, extensions);
  }
}
