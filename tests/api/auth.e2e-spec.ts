import demo from '../../shared/data/demo.json';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';

describe('sign-in, sessions and access', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('lets every demo account sign in and gives it its role', async () => {
    for (const account of demo.users) {
      const pair = await portal.login(account.email);
      expect(pair.user).toMatchObject({
        email: account.email,
        name: account.name,
        role: account.role,
        language: account.language,
      });
      expect(pair.accessToken.split('.')).toHaveLength(3);
      expect(pair.refreshToken.length).toBeGreaterThan(30);
      const me = await portal.request('GET', '/api/v1/me', { token: pair.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.role).toBe(account.role);
    }
  });

  it("returns the member's organization and the staff member's coverage and availability", async () => {
    const ana = await portal.login('ana@valle-alto.example');
    expect(ana.user.organization).toMatchObject({ name: 'Cooperativa Agraria Cafetalera Valle Alto', country: 'PE' });
    expect(ana.user.coverage).toEqual([]);
    const bo = await portal.login('rep.bo@clac.example');
    expect(bo.user.organization).toBeNull();
    expect(bo.user.coverage).toEqual(
      expect.arrayContaining([
        { country: 'BO', area: 'standards-compliance' },
        { country: 'BO', area: 'market-access' },
      ]),
    );
    const hn = await portal.login('rep.hn@clac.example');
    expect(hn.user.available).toBe(false);
    const director = await portal.login('director.and@clac.example');
    expect(director.user.region).toBe('AND');
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'luis@valle-alto.example', password: 'not-the-password' },
    });
    const unknown = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@nowhere.example', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String) });
  });

  it('refuses the sixth failure for one email within 15 minutes with 429, even with the right password', async () => {
    const email = 'rosa@quinua-andina.example';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await portal.request('POST', '/api/v1/auth/login', {
        body: { email, password: `wrong-${attempt}` },
      });
      expect(answer.status).toBe(401);
    }
    const sixth = await portal.request('POST', '/api/v1/auth/login', { body: { email, password: 'wrong-6' } });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ status: 429, code: 'auth.too-many-attempts' });
    const right = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: email.toUpperCase(), password: DEMO_PASSWORD },
    });
    expect(right.status).toBe(429);
    // Other people are not locked out by someone else's failures.
    await expect(portal.login('marco@tierra-viva.example')).resolves.toBeDefined();
  });

  it('counts parallel failures too: a burst of guesses cannot slip past the limit', async () => {
    const email = 'pedro@sierra-madre.example';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        portal.request('POST', '/api/v1/auth/login', { body: { email, password: `guess-${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
  });

  it('rotates the refresh token, and a reused refresh token revokes its whole family', async () => {
    const first = await portal.login('joana@apicultores-sertao.example');
    const second = await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user.email).toBe('joana@apicultores-sertao.example');

    const reuse = await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    // The newest token of the family dies with it.
    const afterReuse = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(afterReuse.status).toBe(401);
    const { rows } = await portal.db.query(
      `SELECT f.revoked_reason FROM refresh_token_families f
       WHERE f.id = (SELECT family_id FROM refresh_tokens WHERE token_hash = encode(digest($1, 'sha256'), 'hex'))`,
      [first.refreshToken],
    );
    expect(rows).toEqual([{ revoked_reason: 'reuse-detected' }]);
    // A session from another sign-in is untouched.
    const other = await portal.login('joana@apicultores-sertao.example');
    const refreshed = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: other.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('stores refresh tokens only as hashes', async () => {
    const pair = await portal.login('jean@kafe-mon-no.example');
    const { rows } = await portal.db.query(`SELECT token_hash FROM refresh_tokens WHERE token_hash = $1`, [
      pair.refreshToken,
    ]);
    expect(rows).toHaveLength(0);
    const { rows: hashed } = await portal.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = encode(digest($1, 'sha256'), 'hex')`,
      [pair.refreshToken],
    );
    expect(hashed[0].n).toBe(1);
  });

  it('ends the session on logout', async () => {
    const pair = await portal.login('maria@los-altos.example');
    const logout = await portal.request('POST', '/api/v1/auth/logout', { body: { refreshToken: pair.refreshToken } });
    expect(logout.status).toBe(204);
    const refresh = await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    expect(refresh.status).toBe(401);
  });

  it('refuses protected routes without a valid token (401)', async () => {
    const none = await portal.request('GET', '/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
    const forged = await portal.request('GET', '/api/v1/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.status).toBe(401);
  });

  it('keeps members out of admin routes (403)', async () => {
    const { accessToken } = await portal.login('ana@valle-alto.example');
    for (const [method, path, body] of [
      ['GET', '/api/v1/users', undefined],
      ['POST', '/api/v1/users', { email: 'x@y.example', name: 'X', role: 'admin' }],
      ['GET', '/api/v1/organizations', undefined],
      ['POST', '/api/v1/organizations', { name: 'X', country: 'PE', kind: 'workers' }],
    ] as const) {
      const answer = await portal.request(method, path, { token: accessToken, body });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, code: 'auth.forbidden' });
    }
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'x@y.example'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses an unknown body field with a 400 problem document naming it', async () => {
    const answer = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'ana@valle-alto.example', password: DEMO_PASSWORD, isAdmin: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    expect(answer.body.errors.isAdmin).toEqual([expect.stringContaining('should not exist')]);
  });

  it('lets a person change its own language, and nothing else of its account', async () => {
    const { accessToken } = await portal.login('grace@lucia-bananas.example');
    const changed = await portal.request('PATCH', '/api/v1/me', { token: accessToken, body: { language: 'fr' } });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('fr');
    expect((await portal.request('GET', '/api/v1/me', { token: accessToken })).body.language).toBe('fr');
    const escalation = await portal.request('PATCH', '/api/v1/me', { token: accessToken, body: { role: 'admin' } });
    expect(escalation.status).toBe(400);
    expect((await portal.request('GET', '/api/v1/me', { token: accessToken })).body.role).toBe('member');
    expect((await portal.request('PATCH', '/api/v1/me', { token: accessToken, body: { language: 'de' } })).status).toBe(
      400,
    );
  });

  it('answers malformed JSON and a wrong content type with 4xx problem documents', async () => {
    const badJson = await portal.request('POST', '/api/v1/auth/login', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.status).toBe(400);
    const text = await portal.request('POST', '/api/v1/auth/login', {
      body: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body.status).toBe(415);
    const array = await portal.request('POST', '/api/v1/auth/login', { body: [1, 2] });
    expect(array.status).toBe(400);
  });
});
