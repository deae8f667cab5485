import { createHmac } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../api/src/auth/token.constants';
import { type ApiAnswer, startTestPortal, TEST_JWT_SECRET, type TestPortal } from '../support/api-harness';

/** A token signed with the server's own secret, issuer and audience: valid but for what `claims` leave out. */
function serverSignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: Math.floor(Date.now() / 1000), ...claims })}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

function expectProblem(answer: ApiAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status });
}

/** Issue 16, class 7: the smaller gaps. */
describe('smaller gaps, closed', () => {
  let portal: TestPortal;
  let ana: { id: string; accessToken: string };

  beforeAll(async () => {
    portal = await startTestPortal();
    const pair = await portal.login('ana@valle-alto.example');
    ana = { id: pair.user.id, accessToken: pair.accessToken };
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('refuses a validly signed token that never expires', async () => {
    const forever = serverSignedToken({ sub: ana.id, role: 'member' });
    const refused = await portal.request('GET', '/api/v1/me', { token: forever });
    expectProblem(refused, 401);
    expect(refused.body.code).toBe('auth.unauthenticated');
    // The same token with an expiry is accepted: only the missing exp was refused.
    const expiring = serverSignedToken({ sub: ana.id, role: 'member', exp: Math.floor(Date.now() / 1000) + 300 });
    expect((await portal.request('GET', '/api/v1/me', { token: expiring })).status).toBe(200);
  });

  it("keeps a client's X-Request-Id only when it is short and plain, and replaces it otherwise", async () => {
    const echoed = async (id: string) =>
      (await portal.request('GET', '/api/v1/health/live', { headers: { 'x-request-id': id } })).headers.get(
        'x-request-id',
      );
    for (const plain of ['3f2c9a1e-8b7d-4c6e-9f01-23456789abcd', '5c3f0e7b9a8d4e2f1a0b9c8d7e6f5a4b', 'client.trace:42'])
      expect(await echoed(plain)).toBe(plain);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const hostile of ['x'.repeat(65), '{"level":60,"msg":"forged"}', 'a b', 'id\t"quoted"', '<script>', '']) {
      const answer = await echoed(hostile);
      expect(answer).not.toBe(hostile);
      expect(answer).toMatch(uuid);
    }
  });

  it('marks signed-in answers, token answers and errors of the API no-store', async () => {
    const answers = [
      await portal.request('GET', '/api/v1/me', { token: ana.accessToken }),
      await portal.request('GET', '/api/v1/requests', { token: ana.accessToken }),
      await portal.request('GET', '/api/v1/notifications', { token: ana.accessToken }),
      await portal.request('POST', '/api/v1/auth/login', {
        body: { email: 'luis@valle-alto.example', password: 'Demo-2026!' },
      }),
      await portal.request('GET', '/api/v1/requests/00000000-0000-4000-8000-000000000000', { token: ana.accessToken }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('serves /api/docs only when API_DOCS allows it: on by default outside production, off in production', async () => {
    expect((await portal.request('GET', '/api/docs-json')).status).toBe(200);
    const off = await portal.startAnother({ API_DOCS: 'false' });
    const production = await portal.startAnother({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-long-random-value-for-the-production-check-0123456789',
    });
    try {
      for (const api of [off, production]) {
        for (const path of ['/api/docs', '/api/docs-json']) {
          const answer = await fetch(`${api.url}${path}`);
          expect(`${path} ${answer.status}`).toBe(`${path} 404`);
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
        }
      }
    } finally {
      await off.kill();
      await production.kill();
    }
  });

  it('refuses a subject, description or reply made only of invisible characters, writing nothing', async () => {
    const count = async () =>
      (
        await portal.db.query(
          `SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_messages)::int AS messages`,
        )
      ).rows[0];
    const before = await count();
    const invisible = [
      '\u200B\u200B\u200B\u200B',
      '\u202E\u202D\u2066\u2069\u200F',
      '\u3164\u3164\u3164',
      '\u0007\u0008\u001B\u007F',
      '\uFEFF\u2060\u00AD\u034F',
    ];
    for (const text of invisible) {
      const subject = await portal.request('POST', '/api/v1/requests', {
        token: ana.accessToken,
        body: { area: 'market-access', subject: text, description: 'Una descripción visible.' },
      });
      expectProblem(subject, 400);
      expect(Object.keys(subject.body.errors)).toEqual(['subject']);
      const description = await portal.request('POST', '/api/v1/requests', {
        token: ana.accessToken,
        body: { area: 'market-access', subject: 'Un asunto visible', description: text },
      });
      expectProblem(description, 400);
      expect(Object.keys(description.body.errors)).toEqual(['description']);
    }
    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana.accessToken,
      body: { area: 'market-access', subject: '\u200BMercado\u200B', description: 'Con algo que ver.' },
    });
    expect(created.status).toBe(201);
    const reply = await portal.request('POST', `/api/v1/requests/${created.body.id}/messages`, {
      token: ana.accessToken,
      body: { body: '\u200B\u202E\u200B' },
    });
    expectProblem(reply, 400);
    expect(await count()).toEqual({ requests: before.requests + 1, messages: before.messages });
  });
});
