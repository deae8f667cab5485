import { type ApiProcess, startTestPortal, type TestPortal } from '../support/api-harness';
import { decodedText, SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';

const ANA = 'ana@valle-alto.example';
const MARCO = 'marco@tierra-viva.example';

/**
 * The daily digest (issue 18). The job runs every second; the tests move the clock by moving
 * the person's last-digest mark (users.last_digest_at) back: a digest is due once the
 * person's 07:00 (local) has passed since that mark.
 */
describe('the daily digest of emails', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  const token: Record<string, string> = {};
  let requestA: { id: string; reference: string };
  let requestB: { id: string; reference: string };
  let repA: string;

  const digestsTo = (email: string) => smtp.to(email).filter((m) => m.subject.startsWith('Résumé quotidien'));
  const statuses = async (email: string, requestId: string) => {
    const { rows } = await portal.db.query(
      `SELECT n.kind, n.email_status, n.digest_id FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE u.email = $1 AND n.request_id = $2 ORDER BY n.created_at`,
      [email, requestId],
    );
    return rows as { kind: string; email_status: string; digest_id: string | null }[];
  };
  /** Waits for `n` more runs of the digest job, started after this call (by any process). */
  const runs = async (n: number) => {
    const { rows } = await portal.db.query(`SELECT now() AS now`);
    await until(async () => {
      const done = await portal.db.query(
        `SELECT count(*)::int AS n FROM scheduled_job_runs WHERE job = 'email-digest' AND started_at > $1 AND finished_at IS NOT NULL`,
        [rows[0].now],
      );
      return done.rows[0].n >= n;
    }, `${n} digest runs`);
  };
  const reply = async (staff: string, requestId: string, body: string) => {
    const answer = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: staff,
      body: { body },
    });
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', JOB_INTERVAL_SECONDS: '1' } });
    for (const email of [ANA, MARCO]) token[email] = (await portal.login(email)).accessToken;
    const chosen = await portal.request('PATCH', '/api/v1/me', {
      token: token[ANA],
      body: { emailNotifications: 'digest', language: 'fr' },
    });
    expect(chosen.status).toBe(200);
    const file = async (member: string, subject: string) => {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: token[member],
        body: { area: 'standards-compliance', subject, description: 'Detalle.' },
      });
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const a = await file(ANA, 'Auditoría de la cosecha');
    requestA = a;
    requestB = await file(MARCO, 'Plan de mejora');
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [a.assignee.id]);
    repA = (await portal.login(rows[0].email)).accessToken;
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  it('holds the replies of a member on digest, then sends them in one digest in her language, once', async () => {
    await reply(repA, requestA.id, 'Primera respuesta: revisamos sus documentos.');
    await reply(repA, requestA.id, 'Segunda respuesta: falta el certificado.');
    const { rows } = await portal.db.query(
      `SELECT u.email FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`,
      [requestB.id],
    );
    const repB = (await portal.login(rows[0].email)).accessToken;
    await reply(repB, requestB.id, 'Respuesta para Marco.');
    // Marco (on "each") gets his reply at once; the outbox sends in order, so Ana's would be out by now.
    await smtp.waitFor(() =>
      smtp.to(MARCO).some((m) => m.subject.includes(`Nueva respuesta en ${requestB.reference}`)),
    );
    expect(smtp.to(ANA)).toEqual([]);
    expect((await statuses(ANA, requestA.id)).map((n) => `${n.kind}:${n.email_status}`)).toEqual([
      'request.received:held',
      'request.reply:held',
      'request.reply:held',
    ]);
    // Still in her in-app list.
    const listed = await portal.request('GET', '/api/v1/notifications', { token: token[ANA] });
    expect(listed.body.items.filter((n: { requestId: string }) => n.requestId === requestA.id)).toHaveLength(2);

    // Her last digest was two days ago: her 07:00 has passed since.
    await portal.db.query(`UPDATE users SET last_digest_at = now() - interval '2 days' WHERE email = $1`, [ANA]);
    await smtp.waitFor(() => digestsTo(ANA).length > 0);
    const [digest] = digestsTo(ANA);
    expect(digest.subject).toBe('Résumé quotidien : 3 nouveautés sur 1 demande');
    const text = decodedText(digest.raw);
    expect(text).toContain(`${requestA.reference} · Auditoría de la cosecha`);
    expect(text).toContain('Primera respuesta: revisamos sus documentos.');
    expect(text).toContain('Segunda respuesta: falta el certificado.');
    expect(text).toContain(`Nouvelle réponse sur ${requestA.reference}`);
    expect(text).toContain(`/requests/${requestA.id}`);
    const after = await statuses(ANA, requestA.id);
    expect(after.every((n) => n.email_status === 'digested' && n.digest_id === after[0].digest_id)).toBe(true);

    // The next runs send nothing more; Marco, on "each", is in no digest.
    await runs(2);
    expect(smtp.to(ANA)).toHaveLength(1);
    const marco = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.email = $1 AND n.kind = 'email.digest'`,
      [MARCO],
    );
    expect(marco.rows[0].n).toBe(0);
    expect(smtp.to(MARCO).filter((m) => m.subject.startsWith('Résumé') || m.subject.startsWith('Resumen'))).toEqual([]);
  });

  it('sends an account email to a person on digest at once', async () => {
    const asked = await portal.request('POST', '/api/v1/auth/forgot-password', { body: { email: ANA } });
    expect(asked.status).toBe(202);
    await smtp.waitFor(() => smtp.to(ANA).some((m) => m.subject === 'Réinitialiser votre mot de passe'));
  });

  it('keeps what came after a digest for the next day, and two API processes send that one once', async () => {
    const replica: ApiProcess = await portal.startAnother({ JOB_INTERVAL_SECONDS: '2' });
    try {
      await reply(repA, requestA.id, 'Tercera respuesta: recibido.');
      await runs(2);
      expect(digestsTo(ANA)).toHaveLength(1);
      expect((await statuses(ANA, requestA.id)).at(-1)?.email_status).toBe('held');

      // A day later (her mark and her first digest, whose key names its slot, a day back): one
      // more digest, with only the new reply, although both processes (whose job periods
      // differ, so their runs overlap) run the job.
      await portal.db.query(
        `UPDATE notifications SET event_key = 'digest:the-day-before' FROM users u
         WHERE u.email = $1 AND notifications.recipient_id = u.id AND notifications.kind = 'email.digest'`,
        [ANA],
      );
      const { rows } = await portal.db.query(
        `UPDATE users SET last_digest_at = last_digest_at - interval '1 day' WHERE email = $1 RETURNING now() AS moved`,
        [ANA],
      );
      await smtp.waitFor(() => digestsTo(ANA).length > 1);
      await until(async () => {
        const by = await portal.db.query(
          `SELECT count(DISTINCT run_by)::int AS n FROM scheduled_job_runs WHERE job = 'email-digest' AND started_at > $1 AND finished_at IS NOT NULL`,
          [rows[0].moved],
        );
        return by.rows[0].n === 2;
      }, 'runs by both processes');
      await runs(2);
      const digests = digestsTo(ANA);
      expect(digests).toHaveLength(2);
      expect(digests[1].subject).toBe('Résumé quotidien : 1 nouveauté sur 1 demande');
      const text = decodedText(digests[1].raw);
      expect(text).toContain('Tercera respuesta: recibido.');
      expect(text).not.toContain('Primera respuesta');
    } finally {
      await replica.kill();
    }
  });

  it("leaves out of a staff member's digest the events whose email is switched off", async () => {
    const { rows } = await portal.db.query(
      `SELECT u.email FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`,
      [requestA.id],
    );
    const staffEmail: string = rows[0].email;
    expect(
      (await portal.request('PATCH', '/api/v1/me', { token: repA, body: { emailNotifications: 'digest' } })).status,
    ).toBe(200);
    const saved = await portal.request('PUT', '/api/v1/me/notification-settings', {
      token: repA,
      body: { events: [{ event: 'request.reply', channel: 'in_app' }] },
    });
    expect(saved.status).toBe(200);
    const answer = await portal.request('POST', `/api/v1/requests/${requestA.id}/messages`, {
      token: token[ANA],
      body: { body: 'Aquí va el certificado.' },
    });
    expect(answer.status).toBe(201);
    const mine = await statuses(staffEmail, requestA.id);
    // The assignment went out at once (she was on "each"); the member's reply: in the app only, in no digest.
    expect(mine.map((n) => `${n.kind}:${n.email_status}`)).toEqual(['request.assigned:sent', 'request.reply:skipped']);
  });
});
