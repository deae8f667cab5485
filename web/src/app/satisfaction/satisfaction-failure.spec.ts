import { satisfactionFailure } from './satisfaction-failure';

describe('what the score page says when a call fails', () => {
  it('explains a closed request kindly and for good', () => {
    expect(satisfactionFailure(410, { code: 'satisfaction.closed' })).toEqual({
      key: 'satisfaction.error.closed',
      final: true,
      notice: true,
    });
  });

  it('tells an expired link from one that is not ours, both for good', () => {
    expect(satisfactionFailure(410, { code: 'satisfaction.link-expired' })).toEqual({
      key: 'satisfaction.error.expired',
      final: true,
    });
    expect(satisfactionFailure(403, { code: 'satisfaction.link-invalid' }).key).toBe('satisfaction.error.invalid');
    expect(satisfactionFailure(409, { code: 'requests.not-resolved' }).key).toBe('satisfaction.error.reopened');
  });

  it('lets the person try again after a lost connection, a rate limit or a server error', () => {
    for (const status of [0, 429, 500, 503]) expect(satisfactionFailure(status, null).final).toBe(false);
  });
});
