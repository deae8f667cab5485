import { startTestPortal, type ApiAnswer, type TestPortal } from '../support/api-harness';

/**
 * Issue 16, class 1: password hashing never holds a database connection and runs a few at
 * a time, so a flood of wrong-password sign-ins leaves everybody else's requests answering.
 */
describe('availability under a sign-in flood', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('keeps signed-in requests and /health/ready at 200 while 48 wrong-password sign-ins arrive at once', async () => {
    const ana = await portal.login('ana@valle-alto.example');
    const known = [
      'luis@valle-alto.example',
      'marco@tierra-viva.example',
      'pedro@sierra-madre.example',
      'rep.pe1@clac.example',
    ];
    const emails = Array.from({ length: 48 }, (_, i) => (i < known.length ? known[i] : `flood-${i}@nowhere.example`));
    let settled = 0;
    const flood = emails.map((email, i) =>
      portal
        .request('POST', '/api/v1/auth/login', { body: { email, password: `wrong-password-${i}` } })
        .finally(() => settled++),
    );

    // While the flood is being checked, round after round: the signed-in person and the balancer's probe.
    const during: { path: string; answer: ApiAnswer }[] = [];
    let roundsWhileFlooding = 0;
    do {
      const [me, requests, ready] = await Promise.all([
        portal.request('GET', '/api/v1/me', { token: ana.accessToken }),
        portal.request('GET', '/api/v1/requests', { token: ana.accessToken }),
        portal.request('GET', '/api/v1/health/ready'),
      ]);
      during.push({ path: 'me', answer: me }, { path: 'requests', answer: requests }, { path: 'ready', answer: ready });
      if (settled < emails.length) roundsWhileFlooding++;
    } while (settled < emails.length);
    const answers = await Promise.all(flood);

    expect(during.map(({ path, answer }) => `${path} ${answer.status}`)).toEqual(
      during.map(({ path }) => `${path} 200`),
    );
    // At least one round answered while sign-ins were still waiting to be checked, or it proves nothing.
    expect(roundsWhileFlooding).toBeGreaterThan(0);

    // Every sign-in got a clear answer: refused (401), or the hashing queue was full (503 + Retry-After); never a 500.
    expect(answers.filter((a) => a.status !== 401 && a.status !== 503).map((a) => a.status)).toEqual([]);
    for (const busy of answers.filter((a) => a.status === 503)) {
      expect(busy.headers.get('content-type')).toContain('application/problem+json');
      expect(busy.body).toMatchObject({ status: 503, code: 'auth.busy' });
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const refused = answers.filter((a) => a.status === 401).length;
    expect(refused).toBeGreaterThan(0);
    // A checked attempt counts as one failure of its email; one refused as busy counts as none.
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM login_failures WHERE email_key = ANY($1)`, [
      emails,
    ]);
    expect(rows[0].n).toBe(refused);
  });

  it('lets the person in once the flood is over, and still counts five failures per email exactly under parallel guesses', async () => {
    await expect(portal.login('ana@valle-alto.example')).resolves.toMatchObject({
      user: { email: 'ana@valle-alto.example' },
    });
    const email = 'joana@apicultores-sertao.example';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        portal.request('POST', '/api/v1/auth/login', { body: { email, password: `guess-${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(7);
    for (const answer of throttled) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM login_failures WHERE email_key = $1`, [
      email,
    ]);
    expect(rows[0].n).toBe(5);
  });
});
