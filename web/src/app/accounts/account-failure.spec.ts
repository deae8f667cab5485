import type { ProblemDocument } from '@portal/shared';

import { describeAccountFailure } from './account-failure';

const problem = (status: number, extra: Partial<ProblemDocument> = {}): ProblemDocument => ({
  type: 'about:blank',
  title: 'x',
  detail: 'x',
  status,
  ...extra,
});

describe('reading a failed account call', () => {
  it('calls a used or expired link gone (410)', () => {
    expect(describeAccountFailure(410, problem(410, { code: 'accounts.link-gone' }))).toEqual({ kind: 'link-gone' });
  });

  it('calls a mangled token gone too, not a form error', () => {
    expect(
      describeAccountFailure(
        400,
        problem(400, { errors: { token: ['token must be longer than or equal to 20 characters'] } }),
      ),
    ).toEqual({
      kind: 'link-gone',
    });
  });

  it('puts the reasons of a refused password next to the field, translated', () => {
    const failure = describeAccountFailure(
      400,
      problem(400, { errors: { password: ['is one of the most common passwords: choose another'] } }),
    );
    expect(failure).toEqual({ kind: 'password', problems: ['password.error.common'] });
  });

  it('knows an address that already has an account', () => {
    expect(describeAccountFailure(409, problem(409, { code: 'users.email-taken' }))).toEqual({ kind: 'email-taken' });
  });

  it('keeps other field messages by field', () => {
    expect(
      describeAccountFailure(400, problem(400, { errors: { email: ['email must be an email address'] } })),
    ).toEqual({
      kind: 'fields',
      fields: { email: ['email must be an email address'] },
    });
  });

  it.each([
    [0, null, 'accounts.error.network'],
    [429, problem(429), 'accounts.error.rateLimited'],
    [500, problem(500), 'accounts.error.server'],
    [503, null, 'accounts.error.server'],
    [400, problem(400), 'accounts.error.invalid'],
  ] as const)('says status %s in words', (status, body, key) => {
    expect(describeAccountFailure(status, body)).toEqual({ kind: 'message', key });
  });

  it('says the session ended when it could not be refreshed, whatever the status', () => {
    expect(describeAccountFailure(401, null, true)).toEqual({ kind: 'message', key: 'accounts.error.sessionEnded' });
  });

  it('tells a non-contact that it may not manage people (403)', () => {
    expect(describeAccountFailure(403, problem(403, { code: 'accounts.forbidden' }))).toEqual({ kind: 'forbidden' });
  });
});
