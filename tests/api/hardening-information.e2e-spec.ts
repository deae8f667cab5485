import { Client } from 'pg';
import { deriveAccountToken } from '../../api/src/auth/token-hash';
import { startTestPortal, TEST_JWT_SECRET, type TestPortal } from '../support/api-harness';
import { eventually } from '../support/from-address';

/**
 * Issue 16, class 6: what members and the log must not get, and a forgot-password that says
 * nothing about who has an account, not even by how long it takes.
 */
describe('information members and logs should not get', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    // No SMTP_URL: emails go to the log (info level, where the mailer writes them).
    portal = await startTestPortal({ env: { LOG_LEVEL: 'info', OUTBOX_POLL_MS: '200' } });
    for (const email of ['ana@valle-alto.example', 'admin@clac.example'])
      token[email] = (await portal.login(email)).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("tells members why their request went to whom without colleagues' open-case counts, and staff the whole of it", async () => {
    const ana = token['ana@valle-alto.example'];
    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: {
        area: 'standards-compliance',
        subject: 'Auditoría de diciembre',
        description: 'Necesitamos orientación.',
      },
    });
    expect(created.status).toBe(201);
    const forMember = {
      tier: 2,
      coverage: { country: 'PE', region: null, area: null },
      assignee: { id: created.body.assignee.id, name: created.body.assignee.name, role: 'representative' },
      reasonCode: 'country',
      reason: `${created.body.assignee.name} (representante de país) atiende todas las áreas en Perú; por eso tiene su solicitud.`,
    };
    expect(created.body.routing).toEqual(forMember);
    const detail = await portal.request('GET', `/api/v1/requests/${created.body.id}`, { token: ana });
    expect(detail.body.routing).toEqual(forMember);
    const list = await portal.request('GET', '/api/v1/requests', { token: ana });
    expect(list.body.items.find((r: { id: string }) => r.id === created.body.id).routing).toEqual(forMember);
    expect(JSON.stringify([created.body, detail.body, list.body])).not.toMatch(/\(\d+ (open|abiertas?)\)/);

    const staff = await portal.request('GET', `/api/v1/requests/${created.body.id}`, {
      token: token['admin@clac.example'],
    });
    expect(staff.body.routing.reason).toMatch(/^Perú · todas las áreas → .+ \(\d+ abiertas?\)$/);
  });

  it('writes emails to the log without the tokens of invitation and reset links', async () => {
    const invited = await portal.request('POST', '/api/v1/auth/invitations', {
      token: token['admin@clac.example'],
      body: {
        email: 'sin.smtp@valle-alto.example',
        name: 'Sin Smtp',
        role: 'member',
        organizationId: (
          await portal.db.query(`SELECT organization_id FROM users WHERE email = 'ana@valle-alto.example'`)
        ).rows[0].organization_id,
      },
    });
    expect(invited.status).toBe(201);
    expect(
      (await portal.request('POST', '/api/v1/auth/forgot-password', { body: { email: 'luis@valle-alto.example' } }))
        .status,
    ).toBe(202);

    const mailed = async (email: string, kind: string) =>
      (
        await portal.db.query(
          `SELECT n.params->>'tokenId' AS token_id FROM notifications n JOIN users u ON u.id = n.recipient_id
           WHERE u.email = $1 AND n.kind = $2 AND n.email_status = 'logged'`,
          [email, kind],
        )
      ).rows[0]?.token_id as string | undefined;
    await eventually(async () =>
      Boolean(
        (await mailed('sin.smtp@valle-alto.example', 'account.invitation')) &&
        (await mailed('luis@valle-alto.example', 'account.password-reset')),
      ),
    );
    const invitationToken = deriveAccountToken(
      TEST_JWT_SECRET,
      (await mailed('sin.smtp@valle-alto.example', 'account.invitation'))!,
    );
    const resetToken = deriveAccountToken(
      TEST_JWT_SECRET,
      (await mailed('luis@valle-alto.example', 'account.password-reset'))!,
    );

    const log = portal.api().output();
    expect(log).not.toContain(invitationToken);
    expect(log).not.toContain(resetToken);
    expect(log).toContain('accept-invitation?token=[token withheld]');
    expect(log).toContain('reset-password?token=[token withheld]');
    // The links themselves still work (the token went nowhere but the email).
    const accepted = await portal.request('POST', '/api/v1/auth/accept-invitation', {
      body: { token: invitationToken, password: 'Un-cafe-de-altura-2026' },
    });
    expect(accepted.status).toBe(200);
  });

  it('answers forgot-password before doing any of its work, for a known email as for an unknown one', async () => {
    // Hold every write of a reset link: an answer that waited for the work could not come.
    const blocker = new Client({ connectionString: portal.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE account_tokens IN EXCLUSIVE MODE');
      const ask = (email: string) =>
        fetch(`${portal.url}/api/v1/auth/forgot-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
          // Only so the old behaviour fails rather than hangs: the answer must come while the lock is held.
          signal: AbortSignal.timeout(20_000),
        });
      const known = await ask('marco@tierra-viva.example');
      const unknown = await ask('nadie@tierra-viva.example');
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(await known.text()).toBe(await unknown.text());
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'marco@tierra-viva.example'`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    // The work happens once the lock is gone: the known email gets its link.
    const links = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'marco@tierra-viva.example'`,
        )
      ).rows[0].n;
    await eventually(async () => (await links()) === 1);
    expect(await links()).toBe(1);
  });
});
