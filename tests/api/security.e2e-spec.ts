import { spawn } from 'node:child_process';
import { API_MAIN } from '../support/paths';
import { DEMO_PASSWORD, requestRefusedEarly, startTestPortal, type TestPortal } from '../support/api-harness';

describe('hostile input and abuse', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startTestPortal({
      env: {
        RATE_LIMIT_LOGIN_PER_MINUTE: '3',
        RATE_LIMIT_SUBMIT_PER_MINUTE: '2',
        CORS_ORIGINS: 'https://portal.example',
      },
    });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('sends security headers, and a strict Content-Security-Policy with the web app', async () => {
    const api = await portal.request('GET', '/api/v1/health/live');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(api.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await fetch(`${portal.url}/login`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe');
    // No inline script in the page the CSP would have to allow.
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${portal.url}/api/v1/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://portal.example')).headers.get('access-control-allow-origin')).toBe(
      'https://portal.example',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate-limits sign-in per address with RateLimit headers and a 429 problem document', async () => {
    const attempt = () =>
      portal.request('POST', '/api/v1/auth/login', {
        body: { email: 'grace@lucia-bananas.example', password: DEMO_PASSWORD },
      });
    const first = await attempt();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    await attempt();
    await attempt();
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, detail: expect.stringContaining('Too many requests') });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rate-limits submissions per person, writing nothing for the refused one', async () => {
    // The sign-in limit above is spent for this address: take a token straight from a refresh-free login at the DB level.
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    const token = await tokenFor(portal, 'pedro@sierra-madre.example');
    const submit = () =>
      portal.request('POST', '/api/v1/requests', {
        token,
        body: { area: 'market-access', subject: 'Feria de miel', description: 'x' },
      });
    expect((await submit()).status).toBe(201);
    expect((await submit()).status).toBe(201);
    const limited = await submit();
    expect(limited.status).toBe(429);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n).toBe(rows[0].n + 2);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const answer = await requestRefusedEarly(
      'POST',
      `${portal.url}/api/v1/auth/forgot-password`,
      {},
      { email: `${'a'.repeat(2 * 1024 * 1024)}@x.example` },
    );
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses to start in production with a default secret', async () => {
    const child = spawn(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: portal.databaseUrl,
        JWT_SECRET: 'change-me-change-me-change-me-change-me',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('JWT_SECRET: a default or example secret is refused in production');
  });
});

/** A session for a person, made through a second API process (its own address budget is the same, so use refresh). */
async function tokenFor(portal: TestPortal, email: string): Promise<string> {
  const other = await portal.startAnother();
  try {
    const response = await fetch(`${other.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return (await response.json()).accessToken;
  } finally {
    await other.kill();
  }
}
