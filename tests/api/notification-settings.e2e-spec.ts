import { startTestPortal, type TestPortal } from '../support/api-harness';
import { SmtpSink } from '../support/smtp-sink';

interface Group {
  requestId: string | null;
  reference: string | null;
  count: number;
  unread: number;
  latest: { kind: string; title: string; readAt: string | null };
}

/**
 * Issue 19: each staff member chooses per event about cases how it reaches them (in the app
 * and by email, in the app only, off), honoured where notifications are written; account
 * emails always go. And the bell's list grouped by request, a group read at once.
 */
describe('notification settings per staff member, and the bell grouped by request', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const JORGE = 'rep.pe2@clac.example';
  const SETTINGS = '/api/v1/me/notification-settings';

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200' } });
    for (const email of ['ana@valle-alto.example', JORGE, 'admin@clac.example']) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
    const { rows } = await portal.db.query(`SELECT id, email FROM users`);
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  const storedSettings = async () =>
    (await portal.db.query(`SELECT kind, channel FROM notification_settings ORDER BY user_id, kind`)).rows;

  it('answers every event with its default: in the app and by email', async () => {
    const answer = await portal.request('GET', SETTINGS, { token: tokens[JORGE] });
    expect(answer.status).toBe(200);
    expect(answer.body.events).toEqual([
      { event: 'request.assigned', channel: 'email' },
      { event: 'request.reply', channel: 'email' },
      { event: 'request.status_changed', channel: 'email' },
      { event: 'request.escalated', channel: 'email' },
      { event: 'request.breached', channel: 'email' },
    ]);
  });

  it('refuses anything but known events, each once, with a known channel; writing nothing', async () => {
    const bodies: [unknown, string][] = [
      [{ events: [{ event: 'account.password-reset', channel: 'off' }] }, 'events.0.event'],
      [{ events: [{ event: 'request.received', channel: 'off' }] }, 'events.0.event'],
      [{ events: [{ event: 'request.assigned', channel: 'digest' }] }, 'events.0.channel'],
      [{ events: [{ event: 'request.assigned' }] }, 'events.0.channel'],
      [
        {
          events: [
            { event: 'request.assigned', channel: 'off' },
            { event: 'request.assigned', channel: 'email' },
          ],
        },
        'events',
      ],
      [{ events: [] }, 'events'],
      [{ events: 'request.assigned=off' }, 'events'],
      [{}, 'events'],
      [{ events: [{ event: 'request.assigned', channel: 'off', extra: true }] }, 'events.0.extra'],
    ];
    for (const [body, field] of bodies) {
      const answer = await portal.request('PUT', SETTINGS, { token: tokens[JORGE], body });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('validation.failed');
      expect(Object.keys(answer.body.errors)).toContain(field);
    }
    expect(await storedSettings()).toEqual([]);
  });

  it('is for staff only: a member gets 403 and nothing is stored', async () => {
    const member = tokens['ana@valle-alto.example'];
    expect((await portal.request('GET', SETTINGS, { token: member })).status).toBe(403);
    const put = await portal.request('PUT', SETTINGS, {
      token: member,
      body: { events: [{ event: 'request.reply', channel: 'off' }] },
    });
    expect(put.status).toBe(403);
    expect(await storedSettings()).toEqual([]);
  });

  it('honours the choice: "in the app only" sends no email, "off" writes nothing, the others still email', async () => {
    const saved = await portal.request('PUT', SETTINGS, {
      token: tokens[JORGE],
      body: {
        events: [
          { event: 'request.assigned', channel: 'in_app' },
          { event: 'request.reply', channel: 'off' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.events.slice(0, 3)).toEqual([
      { event: 'request.assigned', channel: 'in_app' },
      { event: 'request.reply', channel: 'off' },
      { event: 'request.status_changed', channel: 'email' },
    ]);
    // Another PUT changes only what it lists.
    await portal.request('PUT', SETTINGS, {
      token: tokens[JORGE],
      body: { events: [{ event: 'request.breached', channel: 'in_app' }] },
    });
    const read = await portal.request('GET', SETTINGS, { token: tokens[JORGE] });
    expect(read.body.events.map((e: { channel: string }) => e.channel)).toEqual([
      'in_app',
      'off',
      'email',
      'email',
      'in_app',
    ]);

    const filed = await portal.request('POST', '/api/v1/requests', {
      token: tokens['ana@valle-alto.example'],
      body: { area: 'market-access', subject: 'Precio mínimo del café', description: 'Consulta sobre el precio.' },
    });
    expect(filed.status).toBe(201);
    const request = filed.body;
    // Handed to Jorge by an admin (through Rosa first if routing chose him already).
    const assign = (to: string) =>
      portal.request('POST', `/api/v1/requests/${request.id}/assign`, {
        token: tokens['admin@clac.example'],
        body: { assigneeId: ids[to], reason: 'Reparto de casos' },
      });
    if (request.assignee?.id === ids[JORGE]) expect((await assign('rep.pe1@clac.example')).status).toBe(200);
    expect((await assign(JORGE)).status).toBe(200);

    const jorgeRows = async () =>
      (
        await portal.db.query(
          `SELECT kind, email_status FROM notifications WHERE recipient_id = $1 AND request_id = $2 ORDER BY created_at`,
          [ids[JORGE], request.id],
        )
      ).rows as { kind: string; email_status: string }[];
    // In the app: listed; by email: never (the outbox does not take a skipped one).
    expect((await jorgeRows()).filter((r) => r.kind === 'request.assigned').map((r) => r.email_status)).toEqual(
      expect.arrayContaining(['skipped']),
    );
    expect(
      (await jorgeRows()).filter((r) => r.kind === 'request.assigned').every((r) => r.email_status === 'skipped'),
    ).toBe(true);
    const listed = await portal.request('GET', '/api/v1/notifications', { token: tokens[JORGE] });
    expect(
      listed.body.items.some(
        (n: { kind: string; reference: string }) => n.kind === 'request.assigned' && n.reference === request.reference,
      ),
    ).toBe(true);

    // The member replies (off: nothing at all), then withdraws (still by email).
    const reply = await portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
      token: tokens['ana@valle-alto.example'],
      body: { body: 'Agrego un dato más.' },
    });
    expect(reply.status).toBe(201);
    expect((await jorgeRows()).some((r) => r.kind === 'request.reply')).toBe(false);
    const withdrawn = await portal.request('POST', `/api/v1/requests/${request.id}/transitions`, {
      token: tokens['ana@valle-alto.example'],
      body: { to: 'withdrawn', reason: 'Ya lo resolvimos.' },
    });
    expect(withdrawn.status).toBe(200);
    const mine = () => smtp.to(JORGE).filter((m) => m.subject.includes(request.reference));
    await smtp.waitFor(() => mine().length >= 1);
    // The outbox sends in order: an assignment email, had there been one, came before this.
    expect(mine().map((m) => m.subject)).toEqual([`${request.reference}: ahora está retirada`]);

    // The bell: one entry for the request, with every notification of it.
    const groups = await portal.request<{ items: Group[]; total: number }>('GET', '/api/v1/notifications/by-request', {
      token: tokens[JORGE],
    });
    expect(groups.status).toBe(200);
    const group = groups.body.items.find((g) => g.requestId === request.id)!;
    const count = (await jorgeRows()).length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(group).toMatchObject({ reference: request.reference, count, unread: count });
    expect(group.latest.kind).toBe('request.status_changed');
    expect(groups.body.items.filter((g) => g.requestId === request.id)).toHaveLength(1);

    const markedRead = await portal.request('POST', `/api/v1/notifications/by-request/${request.id}/read`, {
      token: tokens[JORGE],
    });
    expect(markedRead.status).toBe(204);
    const unread = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND request_id = $2 AND read_at IS NULL`,
      [ids[JORGE], request.id],
    );
    expect(unread.rows[0].n).toBe(0);
    const after = await portal.request<{ items: Group[] }>('GET', '/api/v1/notifications/by-request', {
      token: tokens[JORGE],
    });
    expect(after.body.items.find((g) => g.requestId === request.id)).toMatchObject({ count, unread: 0 });

    // Someone else's group, or none: 404, and nobody's notifications change.
    const notMine = await portal.request('POST', `/api/v1/notifications/by-request/${request.id}/read`, {
      token: tokens['admin@clac.example'],
    });
    expect(notMine.status).toBe(404);
    expect(
      (
        await portal.request('POST', '/api/v1/notifications/by-request/not-a-request/read', {
          token: tokens[JORGE],
        })
      ).status,
    ).toBe(404);
  });

  it('always sends account emails, whatever the choices', async () => {
    await portal.request('PUT', SETTINGS, {
      token: tokens[JORGE],
      body: {
        events: [
          { event: 'request.assigned', channel: 'off' },
          { event: 'request.reply', channel: 'off' },
          { event: 'request.status_changed', channel: 'off' },
          { event: 'request.escalated', channel: 'off' },
          { event: 'request.breached', channel: 'off' },
        ],
      },
    });
    const asked = await portal.request('POST', '/api/v1/auth/forgot-password', { body: { email: JORGE } });
    expect(asked.status).toBe(202);
    await smtp.waitFor(() => smtp.to(JORGE).some((m) => m.subject === 'Restablecer su contraseña'));
  });
});
