import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { SmtpSink } from '../support/smtp-sink';

/**
 * The signed-in person's own account (issue 18): GET/PATCH /me (name, language, email
 * choice) and POST /me/password (the current password required; every other session ends).
 */
describe('the profile: one’s own details, email choice and password', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  const NEW_PASSWORD = 'Quinua y cafe del valle 2027';

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200' } });
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  const userRow = async (email: string) =>
    (
      await portal.db.query(
        `SELECT id, name, language, email_notifications, password_hash FROM users WHERE email = $1`,
        [email],
      )
    ).rows[0];
  const auditOf = async (userId: string, action: string) =>
    (await portal.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = $2`, [userId, action]))
      .rows;

  it('changes the password with the current one: other sessions end, this device goes on with a new pair', async () => {
    const email = 'luis@valle-alto.example';
    const here = await portal.login(email);
    const otherDevice = await portal.login(email);
    const changed = await portal.request('POST', '/api/v1/me/password', {
      token: here.accessToken,
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.email).toBe(email);

    // The other device's refresh token no longer works; nor does this device's old one.
    const other = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: otherDevice.refreshToken },
    });
    expect(other.status).toBe(401);
    expect(other.body.code).toBe('auth.invalid-refresh-token');
    const old = await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: here.refreshToken } });
    expect(old.status).toBe(401);
    // The pair answered keeps this device signed in.
    const kept = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: changed.body.refreshToken },
    });
    expect(kept.status).toBe(200);

    expect(
      (await portal.request('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status,
    ).toBe(401);
    await expect(portal.login(email, NEW_PASSWORD)).resolves.toMatchObject({ user: { email } });
    expect(await auditOf((await userRow(email)).id, 'user.password-changed')).toHaveLength(1);
  });

  it('refuses a wrong current password and a weak new one, and writes nothing', async () => {
    const email = 'marco@tierra-viva.example';
    const here = await portal.login(email);
    const otherDevice = await portal.login(email);
    const before = await userRow(email);

    const wrong = await portal.request('POST', '/api/v1/me/password', {
      token: here.accessToken,
      body: { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('accounts.wrong-password');

    const weak = await portal.request('POST', '/api/v1/me/password', {
      token: here.accessToken,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'password123' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('validation.failed');
    expect(Object.keys(weak.body.errors)).toEqual(['newPassword']);

    const missing = await portal.request('POST', '/api/v1/me/password', {
      token: here.accessToken,
      body: { newPassword: NEW_PASSWORD },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('currentPassword');

    expect((await userRow(email)).password_hash).toBe(before.password_hash);
    expect(await auditOf(before.id, 'user.password-changed')).toEqual([]);
    const other = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: otherDevice.refreshToken },
    });
    expect(other.status).toBe(200);
  });

  it('counts wrong current passwords like failed sign-ins: the sixth is refused with 429', async () => {
    const email = 'jean@kafe-mon-no.example';
    const { accessToken } = await portal.login(email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await portal.request('POST', '/api/v1/me/password', {
        token: accessToken,
        body: { currentPassword: `wrong guess ${i}`, newPassword: NEW_PASSWORD },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('updates name, language and email choice, validated, and audits it', async () => {
    const email = 'grace@lucia-bananas.example';
    const { accessToken } = await portal.login(email);
    for (const body of [
      { emailNotifications: 'weekly' },
      { language: 'de' },
      { name: '   ' },
      { name: 'x'.repeat(121) },
      { role: 'admin' },
    ]) {
      const refused = await portal.request('PATCH', '/api/v1/me', { token: accessToken, body });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('validation.failed');
    }
    const before = await userRow(email);
    expect(before.email_notifications).toBe('each');

    const updated = await portal.request('PATCH', '/api/v1/me', {
      token: accessToken,
      body: { name: '  Grace Joseph  ', language: 'fr', emailNotifications: 'digest' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Grace Joseph', language: 'fr', emailNotifications: 'digest' });
    const me = await portal.request('GET', '/api/v1/me', { token: accessToken });
    expect(me.body).toMatchObject({ name: 'Grace Joseph', language: 'fr', emailNotifications: 'digest' });
    expect(await userRow(email)).toMatchObject({ name: 'Grace Joseph', language: 'fr', email_notifications: 'digest' });
    expect(await auditOf(before.id, 'user.profile-updated')).toEqual([
      { changes: { name: 'Grace Joseph', language: 'fr', emailNotifications: 'digest' } },
    ]);
  });

  it('sends no email about requests to whom chose none, keeps it in the app, and emails again after “each”', async () => {
    const member = 'ana@valle-alto.example';
    const memberToken = (await portal.login(member)).accessToken;
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: memberToken,
      body: { area: 'market-access', subject: 'Compradores para café especial', description: 'Buscamos compradores.' },
    });
    expect(filed.status).toBe(201);
    const assignee = (await portal.db.query(`SELECT email FROM users WHERE id = $1`, [filed.body.assignee.id])).rows[0]
      .email as string;
    const staffToken = (await portal.login(assignee)).accessToken;
    const reply = (text: string) =>
      portal.request('POST', `/api/v1/requests/${filed.body.id}/messages`, {
        token: staffToken,
        body: { body: text },
      });
    const notificationOfReply = async (messageId: string): Promise<{ id: string; email_status: string }> =>
      (
        await portal.db.query(`SELECT id, email_status FROM notifications WHERE event_key = $1`, [
          `message:${messageId}`,
        ])
      ).rows[0];
    const mailed = (notificationId: string) => smtp.to(member).some((mail) => mail.messageId.includes(notificationId));

    expect(
      (await portal.request('PATCH', '/api/v1/me', { token: memberToken, body: { emailNotifications: 'none' } }))
        .status,
    ).toBe(200);
    const quiet = await reply('Primera respuesta: sin correo.');
    expect(quiet.status).toBe(201);
    const quietNotification = await notificationOfReply(quiet.body.id);
    expect(quietNotification.email_status).toBe('skipped');
    const listed = await portal.request('GET', '/api/v1/notifications', { token: memberToken });
    expect(listed.body.items.map((n: { id: string }) => n.id)).toContain(quietNotification.id);

    await portal.request('PATCH', '/api/v1/me', { token: memberToken, body: { emailNotifications: 'each' } });
    const loud = await reply('Segunda respuesta: con correo.');
    const loudNotification = await notificationOfReply(loud.body.id);
    await smtp.waitFor(() => mailed(loudNotification.id));
    // The first stays unsent even now that the choice is "each" again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(mailed(quietNotification.id)).toBe(false);
    expect((await notificationOfReply(quiet.body.id)).email_status).toBe('skipped');
  });
});
