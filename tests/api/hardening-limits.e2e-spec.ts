import { createHmac, randomUUID } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../api/src/auth/token.constants';
import { type ApiAnswer, DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { eventually, requestFrom } from '../support/from-address';

/** An HS256 token with the API's issuer and audience, signed with `secret`. */
function signToken(claims: Record<string, unknown>, secret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: Math.floor(Date.now() / 1000), ...claims })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function expectTooMany(answer: ApiAnswer): void {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
}

/**
 * Issue 16, class 2: rate limits that cannot be walked around. Each test is its own client
 * (its own loopback address), so the limits of one do not leak into the next.
 */
describe('rate limits that hold', () => {
  let portal: TestPortal;
  const signIn = (from: string, email: string, headers: Record<string, string> = {}) =>
    requestFrom(from, 'POST', `${portal.url}/api/v1/auth/login`, {
      headers,
      body: { email, password: 'not-the-password' },
    });

  beforeAll(async () => {
    portal = await startTestPortal({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3', RATE_LIMIT_SUBMIT_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('counts sign-ins by the connecting address: a made-up X-Forwarded-For does not reset the limit', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('127.0.0.11', `nobody-${i}@nowhere.example`)).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      const limited = await signIn('127.0.0.11', `nobody-x${i}@nowhere.example`, {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      expectTooMany(limited);
      // The limiter's own wait (the rest of the minute), the same as its RateLimit-Reset.
      expect(limited.headers.get('retry-after')).toBe(limited.headers.get('ratelimit-reset'));
    }
  });

  it('gives a made-up bearer token no fresh allowance on sign-in', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('127.0.0.12', `someone-${i}@nowhere.example`)).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      const forged = signToken(
        { sub: randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 },
        'not-the-server-secret-0123456789abcdef',
      );
      expectTooMany(await signIn('127.0.0.12', `someone-x${i}@nowhere.example`, { authorization: `Bearer ${forged}` }));
    }
  });

  it('counts submissions per verified person, whatever the case of the scheme and the address', async () => {
    const member = await portal.login('pedro@sierra-madre.example');
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n;
    const submit = (from: string, scheme: string) =>
      requestFrom(from, 'POST', `${portal.url}/api/v1/requests`, {
        headers: { authorization: `${scheme} ${member.accessToken}` },
        body: { area: 'market-access', subject: 'Feria de miel', description: 'Queremos participar.' },
      });
    expect((await submit('127.0.0.13', 'Bearer')).status).toBe(201);
    expect((await submit('127.0.0.13', 'bearer')).status).toBe(201);
    // The same person: the lowercase scheme and another address share the allowance.
    expectTooMany(await submit('127.0.0.13', 'bearer'));
    expectTooMany(await submit('127.0.0.14', 'BEARER'));
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n).toBe(before + 2);
  });

  it('does not let a forged token spend the allowance of the person it names', async () => {
    const victim = await portal.login('marco@tierra-viva.example');
    const victimId = victim.user.id;
    const forged = signToken(
      { sub: victimId, role: 'member', exp: Math.floor(Date.now() / 1000) + 600 },
      'not-the-server-secret-0123456789abcdef',
    );
    for (let i = 0; i < 3; i++) {
      const answer = await requestFrom('127.0.0.15', 'POST', `${portal.url}/api/v1/requests`, {
        headers: { authorization: `Bearer ${forged}` },
        body: { area: 'market-access', subject: 'Falsa', description: 'x' },
      });
      expect([401, 429]).toContain(answer.status);
    }
    for (let i = 0; i < 2; i++) {
      const own = await requestFrom('127.0.0.16', 'POST', `${portal.url}/api/v1/requests`, {
        headers: { authorization: `Bearer ${victim.accessToken}` },
        body: { area: 'market-access', subject: `Propia ${i}`, description: 'Nuestra solicitud.' },
      });
      expect(own.status).toBe(201);
    }
  });

  it('answers the per-email sign-in throttle with Retry-After', async () => {
    const email = 'rosa@quinua-andina.example';
    for (let i = 0; i < 5; i++) expect((await signIn(`127.0.0.2${i}`, email)).status).toBe(401);
    const sixth = await requestFrom('127.0.0.26', 'POST', `${portal.url}/api/v1/auth/login`, {
      body: { email, password: DEMO_PASSWORD },
    });
    expectTooMany(sixth);
    expect(sixth.body).toMatchObject({ status: 429, code: 'auth.too-many-attempts' });
    expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  it('sends at most 3 reset links an hour to one account, answering every request alike', async () => {
    const email = 'grace@lucia-bananas.example';
    const answers: ApiAnswer[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        await requestFrom(`127.0.0.3${i}`, 'POST', `${portal.url}/api/v1/auth/forgot-password`, {
          body: { email: i % 2 ? email.toUpperCase() : email },
        }),
      );
    }
    const unknown = await requestFrom('127.0.0.35', 'POST', `${portal.url}/api/v1/auth/forgot-password`, {
      body: { email: 'nobody@nowhere.example' },
    });
    for (const answer of [...answers, unknown]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(unknown.body);
    }
    const links = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1 AND t.purpose = 'password-reset'`,
          [email],
        )
      ).rows[0].n as number;
    // The work happens after the answer: wait until all five were handled (two refused in the log).
    await eventually(
      async () =>
        (await links()) >= 3 &&
        (
          portal
            .api()
            .output()
            .match(/hourly limit reached/g) ?? []
        ).length >= 2,
    );
    expect(await links()).toBe(3);
    const mails = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.email = $1 AND n.kind = 'account.password-reset'`,
      [email],
    );
    expect(mails.rows[0].n).toBe(3);
  });

  it('believes X-Forwarded-For only from a proxy named in TRUSTED_PROXIES', async () => {
    const behindProxy = await portal.startAnother({ TRUSTED_PROXIES: '127.0.0.2' });
    const attempt = (from: string, forwardedFor: string, i: number) =>
      requestFrom(from, 'POST', `${behindProxy.url}/api/v1/auth/login`, {
        headers: { 'x-forwarded-for': forwardedFor },
        body: { email: `proxied-${from}-${i}@nowhere.example`, password: 'not-the-password' },
      });
    // Through the trusted proxy, each client has its own allowance.
    for (let i = 0; i < 3; i++) expect((await attempt('127.0.0.2', '198.51.100.7', i)).status).toBe(401);
    expectTooMany(await attempt('127.0.0.2', '198.51.100.7', 3));
    expect((await attempt('127.0.0.2', '198.51.100.8', 4)).status).toBe(401);
    // From anyone else the header is only text: the address is the connection's.
    for (let i = 0; i < 3; i++) expect((await attempt('127.0.0.3', `198.51.100.${20 + i}`, i)).status).toBe(401);
    expectTooMany(await attempt('127.0.0.3', '198.51.100.30', 3));
    await behindProxy.kill();
  });
});
