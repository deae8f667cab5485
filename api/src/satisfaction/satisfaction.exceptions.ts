import { AppException } from '../common/app-exception';

/** Not a link of ours: altered, cut short, made up, or signed with another key. One answer for all. */
export class SatisfactionLinkInvalidException extends AppException {
  constructor() {
    super(403, 'satisfaction.link-invalid', 'Invalid link', 'This link is not a valid satisfaction link.');
  }
}

/** A genuine link past its date, or whose request or member is no longer there. */
export class SatisfactionLinkExpiredException extends AppException {
  constructor() {
    super(410, 'satisfaction.link-expired', 'Link expired', 'This satisfaction link has expired.');
  }
}

/** The request was closed (or withdrawn): its score can no longer change. */
export class SatisfactionClosedException extends AppException {
  constructor() {
    super(
      410,
      'satisfaction.closed',
      'Request closed',
      'The request is closed: its satisfaction score can no longer be given or changed.',
    );
  }
}
