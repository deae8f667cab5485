import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each(['/requests', '/requests/new?draft=1', '/admin/users#top'])('keeps the local path %s', (url) => {
    expect(safeReturnUrl(url)).toBe(url);
  });

  it.each([
    ['another site by scheme', 'https://evil.example/'],
    ['another site by protocol-relative URL', '//evil.example/x'],
    ['another site through a backslash', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the sign-in page itself', '/login?returnUrl=%2Frequests'],
    ['nothing', undefined],
  ])('goes home instead of %s', (_case, url) => {
    expect(safeReturnUrl(url)).toBe('/');
  });
});
