import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * The audit trail (issue 23): administrative changes, sign-ins, refused sign-ins and exports
 * are written with who, when, from where and what changed; admins read it filtered, page by
 * page, and export it; nobody changes it, not even with SQL.
 */
describe('audit trail', () => {
  let portal: TestPortal;
  let admin: string;
  let adminId: string;
  const AGENT = 'AuditTrailTest/1.0 (phone)';

  const entries = async (query: string, token = admin) =>
    portal.request('GET', `/api/v1/audit-log${query}`, { token, headers: { 'user-agent': AGENT } });

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = (await portal.login('admin@clac.example')).accessToken;
    adminId = (await portal.db.query(`SELECT id FROM users WHERE email = 'admin@clac.example'`)).rows[0].id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('records a sign-in and a refused one, with the address and the user agent', async () => {
    const signIn = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'rep.pe1@clac.example', password: 'Demo-2026!' },
      headers: { 'user-agent': AGENT },
    });
    expect(signIn.status).toBe(200);
    const refused = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'Rep.PE1@clac.example', password: 'not the password' },
      headers: { 'user-agent': AGENT },
    });
    expect(refused.status).toBe(401);
    const unknown = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@nowhere.example', password: 'whatever-it-is' },
      headers: { 'user-agent': AGENT },
    });
    expect(unknown.status).toBe(401);

    const repId = signIn.body.user.id;
    const mine = await entries(`?actor=rep.pe1@clac.example&action=auth.signed-in`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      actor: { id: repId, email: 'rep.pe1@clac.example' },
      entityType: 'user',
      entityId: repId,
      userAgent: AGENT,
    });
    expect(mine.body.items[0].ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);

    const failed = await entries(`?action=auth.sign-in-failed`);
    expect(
      failed.body.items.map((e: { entityId: string; actor: unknown; changes: unknown }) => [
        e.entityId,
        e.actor,
        e.changes,
      ]),
    ).toEqual([
      ['nobody@nowhere.example', null, { email: 'nobody@nowhere.example', reason: 'credentials' }],
      [repId, null, { email: 'rep.pe1@clac.example', reason: 'credentials' }],
    ]);
  });

  it('records an administrative change with what it was before and after', async () => {
    const org = (await portal.db.query(`SELECT id, name FROM organizations ORDER BY name LIMIT 1`)).rows[0];
    const changed = await portal.request('PATCH', `/api/v1/organizations/${org.id}`, {
      token: admin,
      body: { name: `${org.name} (renamed)` },
      headers: { 'user-agent': AGENT },
    });
    expect(changed.status).toBe(200);
    const trail = await entries(`?entityType=organization&entityId=${org.id}`);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        action: 'organization.updated',
        actor: { id: adminId, name: expect.any(String), email: 'admin@clac.example' },
        changes: { before: { name: org.name }, after: { name: `${org.name} (renamed)` } },
        userAgent: AGENT,
      }),
    ]);

    const user = (await portal.db.query(`SELECT id FROM users WHERE email = 'rep.pe2@clac.example'`)).rows[0];
    expect(
      (await portal.request('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { available: false } })).status,
    ).toBe(200);
    const userTrail = await entries(`?action=user.updated&entityId=${user.id}`);
    expect(userTrail.body.items[0].changes).toEqual({ before: { available: true }, after: { available: false } });
  });

  it('records the exports of reports, in CSV and XLSX', async () => {
    const csv = await portal.request('GET', '/api/v1/reports/load.csv?groupBy=country', { token: admin });
    expect(csv.status).toBe(200);
    const xlsx = await portal.request('GET', '/api/v1/reports/trend.csv?format=xlsx', { token: admin });
    expect(xlsx.status).toBe(200);
    const quality = await portal.request('GET', '/api/v1/reports/quality.csv', { token: admin });
    expect(quality.status).toBe(200);
    const exports = await entries(`?action=report.exported`);
    expect(
      exports.body.items.map((e: { entityId: string; changes: { file: string } }) => [e.entityId, e.changes.file]),
    ).toEqual([
      ['quality', expect.stringMatching(/^quality-by-.*\.csv$/)],
      ['trend', expect.stringMatching(/^trend-by-week-.*\.xlsx$/)],
      ['load', expect.stringMatching(/^load-by-country-.*\.csv$/)],
    ]);
    expect(exports.body.items[2].changes.query).toEqual({ groupBy: 'country' });
  });

  it('pages newest first by keyset, filters by date, and exports the filtered trail as CSV (audited)', async () => {
    const first = await entries(`?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const second = await entries(`?limit=2&before=${first.body.nextCursor}`);
    expect(BigInt(second.body.items[0].id)).toBeLessThan(BigInt(first.body.items[1].id));
    const all = await entries(`?limit=100`);
    expect(all.body.items.slice(2, 4)).toEqual(second.body.items);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await entries(`?from=${tomorrow}`)).body).toEqual({ items: [], nextCursor: null });
    const today = new Date().toISOString().slice(0, 10);
    expect((await entries(`?to=${today}&action=auth.signed-in`)).body.items.length).toBeGreaterThan(0);

    const csv = await portal.request('GET', '/api/v1/audit-log/export.csv?action=auth.sign-in-failed', {
      token: admin,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,at,actor_email,actor_name,action,entity_type,entity_id,ip,user_agent,changes');
    expect(lines.slice(1).map((line) => line.split(',')[4])).toEqual(['auth.sign-in-failed', 'auth.sign-in-failed']);
    expect(lines[1]).toContain('nobody@nowhere.example');
    const audited = await entries(`?action=audit-log.exported`);
    expect(audited.body.items[0].changes).toEqual({ filter: { action: 'auth.sign-in-failed' }, entries: 2 });
  });

  it('is for admins only, and refuses bad filters without writing anything', async () => {
    const director = (await portal.login('director.and@clac.example')).accessToken;
    expect((await entries('', director)).status).toBe(403);
    const member = (await portal.login('ana@valle-alto.example')).accessToken;
    expect((await portal.request('GET', '/api/v1/audit-log/export.csv', { token: member })).status).toBe(403);
    const count = async () => (await portal.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const before = await count();
    for (const query of [
      '?limit=0',
      '?limit=101',
      '?before=abc',
      '?from=2026-02-30',
      '?action=DROP%20TABLE',
      '?extra=1',
    ]) {
      const answer = await entries(query);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'validation.failed']);
    }
    expect(await count()).toBe(before);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    const count = (await portal.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    await expect(
      portal.db.query(`UPDATE audit_log SET action = 'forged' WHERE id = (SELECT min(id) FROM audit_log)`),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(portal.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
    const after = await portal.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE action = 'forged')::int AS forged FROM audit_log`,
    );
    expect(after.rows[0]).toEqual({ n: count, forged: 0 });
  });
});
