import { totpCode, totpStep } from '../../api/src/two-factor/totp';
import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Two-factor sign-in (issue 23): enrolment with a code, the code step of sign-in (wrong
 * codes refused and throttled per account), single-use recovery codes, remembered devices,
 * an admin's reset for a lost device, and enrolment required of staff by the setting.
 */
describe('two-factor sign-in', () => {
  let portal: TestPortal;
  const member = 'joana@apicultores-sertao.example';
  const ids: Record<string, string> = {};
  let memberToken: string;
  let adminToken: string;
  let secret: string;
  let recoveryCodes: string[];
  let deviceToken: string;

  /** A code of the step `offset` steps from now (the server takes the step before and after too). */
  const code = (offset = 0) => totpCode(secret, totpStep(Date.now()) + offset);
  const login = (email: string, extra: Record<string, string> = {}) =>
    portal.request('POST', '/api/v1/auth/login', { body: { email, password: 'Demo-2026!', ...extra } });
  const verify = (challengeToken: string, value: string, rememberDevice?: boolean) =>
    portal.request('POST', '/api/v1/auth/two-factor/verify', {
      body: { challengeToken, code: value, ...(rememberDevice === undefined ? {} : { rememberDevice }) },
    });
  const audited = async (action: string, entityId: string) =>
    (
      await portal.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`, [
        action,
        entityId,
      ])
    ).rows[0].n;

  beforeAll(async () => {
    portal = await startTestPortal();
    memberToken = (await portal.login(member)).accessToken;
    adminToken = (await portal.login('admin@clac.example')).accessToken;
    const { rows } = await portal.db.query(`SELECT id, email FROM users`);
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('enrols with a QR code and a first code, and shows ten recovery codes once', async () => {
    expect((await portal.request('GET', '/api/v1/me/two-factor', { token: memberToken })).body).toMatchObject({
      enabled: false,
      required: false,
    });
    const setup = await portal.request('POST', '/api/v1/me/two-factor/setup', { token: memberToken });
    expect(setup.status).toBe(200);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.otpauthUri).toContain('algorithm=SHA1&digits=6&period=30');
    secret = setup.body.secret;
    // The key is kept encrypted, never in clear.
    const stored = (
      await portal.db.query(`SELECT secret_encrypted FROM user_two_factor WHERE user_id = $1`, [ids[member]])
    ).rows[0].secret_encrypted;
    expect(stored).not.toContain(secret);

    const wrong = await portal.request('POST', '/api/v1/me/two-factor/enable', {
      token: memberToken,
      body: { code: code() === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('auth.two-factor-failed');
    expect(await audited('two-factor.enabled', ids[member])).toBe(0);

    const enabled = await portal.request('POST', '/api/v1/me/two-factor/enable', {
      token: memberToken,
      body: { code: code() },
    });
    expect(enabled.status).toBe(200);
    recoveryCodes = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const hashes = await portal.db.query(`SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = $1`, [
      ids[member],
    ]);
    expect(hashes.rows).toHaveLength(10);
    expect(hashes.rows.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    expect(await audited('two-factor.enabled', ids[member])).toBe(1);
    const status = await portal.request('GET', '/api/v1/me/two-factor', { token: memberToken });
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // A second set-up while on is refused.
    expect((await portal.request('POST', '/api/v1/me/two-factor/setup', { token: memberToken })).status).toBe(409);
  });

  it('answers the password with a challenge, not a session; the challenge opens nothing', async () => {
    const signInsBefore = await audited('auth.signed-in', ids[member]);
    const first = await login(member);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactor: 'verify', challengeToken: expect.any(String), expiresIn: 300 });
    // The password alone is no sign-in in the audit trail: the code step's session is.
    expect(await audited('auth.signed-in', ids[member])).toBe(signInsBefore);
    expect(first.body.accessToken).toBeUndefined();
    const asBearer = await portal.request('GET', '/api/v1/me', { token: first.body.challengeToken });
    expect(asBearer.status).toBe(401);
    // A made-up challenge is refused as expired.
    expect((await verify(`${first.body.challengeToken.slice(0, -4)}AAAA`, code(1))).body.code).toBe(
      'auth.challenge-expired',
    );
  });

  it('signs in with a code and remembers the device, which then skips the code step', async () => {
    const challenge = (await login(member)).body.challengeToken;
    // The step of the enrolment was used: the code of the next step (within the drift allowed).
    const used = code(1);
    const signInsBefore = await audited('auth.signed-in', ids[member]);
    const session = await verify(challenge, used, true);
    expect(session.status).toBe(200);
    expect(await audited('auth.signed-in', ids[member])).toBe(signInsBefore + 1);
    expect(session.body.user.email).toBe(member);
    deviceToken = session.body.deviceToken;
    expect(deviceToken).toEqual(expect.any(String));
    expect((await portal.request('GET', '/api/v1/me', { token: session.body.accessToken })).status).toBe(200);
    // The same code again (a replay) is refused.
    expect((await verify((await login(member)).body.challengeToken, used)).status).toBe(401);

    const remembered = await login(member, { deviceToken });
    expect(remembered.status).toBe(200);
    expect(remembered.body.accessToken).toEqual(expect.any(String));
    // The device is the account's: another account's sign-in with it still needs its own step.
    const status = await portal.request('GET', '/api/v1/me/two-factor', { token: memberToken });
    expect(status.body.devices).toHaveLength(1);
  });

  it('takes each recovery code once', async () => {
    const once = await verify((await login(member)).body.challengeToken, recoveryCodes[0].toUpperCase());
    expect(once.status).toBe(200);
    expect(once.body.deviceToken).toBeNull();
    const twice = await verify((await login(member)).body.challengeToken, recoveryCodes[0]);
    expect(twice.status).toBe(401);
    expect(twice.body.code).toBe('auth.two-factor-failed');
    const status = await portal.request('GET', '/api/v1/me/two-factor', { token: memberToken });
    expect(status.body.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes per account: after five, even a right code gets 429 until the window passes', async () => {
    // The failed replay of the recovery code above counted once; four more make five.
    const challenge = (await login(member)).body.challengeToken;
    for (let i = 0; i < 4; i++) expect((await verify(challenge, '12345-abcde')).status).toBe(401);
    const limited = await verify(challenge, recoveryCodes[1]);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('auth.too-many-attempts');
    expect(limited.headers.get('content-type')).toContain('problem+json');
    // The refused attempt used nothing: the recovery code is still there.
    expect(
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM two_factor_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
          [ids[member]],
        )
      ).rows[0].n,
    ).toBe(9);
    // The password step is a separate throttle: it still answers with a challenge.
    expect((await login(member)).body.twoFactor).toBe('verify');
    // Once the window has passed (here: its rows aged), the code is taken.
    await portal.db.query(`UPDATE login_failures SET failed_at = failed_at - interval '1 hour' WHERE email_key = $1`, [
      `2fa:${ids[member]}`,
    ]);
    expect((await verify(challenge, recoveryCodes[1])).status).toBe(200);
  });

  it('lets an admin reset a lost device: audited, the person told by email, devices forgotten', async () => {
    const refused = await portal.request('POST', `/api/v1/users/${ids[member]}/two-factor/reset`, {
      token: memberToken,
    });
    expect(refused.status).toBe(403);
    const reset = await portal.request('POST', `/api/v1/users/${ids[member]}/two-factor/reset`, { token: adminToken });
    expect(reset.status).toBe(204);
    expect(await audited('two-factor.reset', ids[member])).toBe(1);
    const told = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'account.two-factor-reset'`,
      [ids[member]],
    );
    expect(told.rows[0].n).toBe(1);
    const plain = await login(member, { deviceToken });
    expect(plain.body.accessToken).toEqual(expect.any(String));
    expect(
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM remembered_devices WHERE user_id = $1 AND revoked_at IS NULL`,
          [ids[member]],
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it('turns off with a current code (audited)', async () => {
    const setup = await portal.request('POST', '/api/v1/me/two-factor/setup', { token: memberToken });
    secret = setup.body.secret;
    expect(
      (await portal.request('POST', '/api/v1/me/two-factor/enable', { token: memberToken, body: { code: code() } }))
        .status,
    ).toBe(200);
    const off = await portal.request('POST', '/api/v1/me/two-factor/disable', {
      token: memberToken,
      body: { code: code(1) },
    });
    expect(off.status).toBe(204);
    expect(await audited('two-factor.disabled', ids[member])).toBe(1);
    expect((await login(member)).body.accessToken).toEqual(expect.any(String));
  });

  it('with REQUIRE_TWO_FACTOR_FOR_STAFF, leads staff to enrol after the password; members are not asked', async () => {
    await portal.restart({ REQUIRE_TWO_FACTOR_FOR_STAFF: 'true' });
    expect((await login(member)).body.accessToken).toEqual(expect.any(String));
    const staff = await login('rep.br@clac.example');
    expect(staff.body).toMatchObject({ twoFactor: 'enrol' });
    // An enrol challenge is not a code step.
    expect((await verify(staff.body.challengeToken, '123456')).body.code).toBe('auth.challenge-expired');
    const setup = await portal.request('POST', '/api/v1/auth/two-factor/setup', {
      body: { challengeToken: staff.body.challengeToken },
    });
    expect(setup.status).toBe(200);
    secret = setup.body.secret;
    const enrolled = await portal.request('POST', '/api/v1/auth/two-factor/enable', {
      body: { challengeToken: staff.body.challengeToken, code: code() },
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.recoveryCodes).toHaveLength(10);
    expect(
      (await portal.request('GET', '/api/v1/me/two-factor', { token: enrolled.body.accessToken })).body,
    ).toMatchObject({
      enabled: true,
      required: true,
    });
    // Required: it cannot be turned off by its owner.
    const off = await portal.request('POST', '/api/v1/me/two-factor/disable', {
      token: enrolled.body.accessToken,
      body: { code: code(1) },
    });
    expect(off.status).toBe(409);
    expect((await login('rep.br@clac.example')).body.twoFactor).toBe('verify');
  });
});
