import { startTestPortal, type TestPortal } from '../support/api-harness';
import { SmtpSink } from '../support/smtp-sink';

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('background work: outbox delivery and scheduled jobs', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  let smtpUrl: string;
  let ana: string;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    portal = await startTestPortal({
      env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', OUTBOX_LEASE_SECONDS: '3', JOB_INTERVAL_SECONDS: '1' },
    });
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  const submit = async (subject: string, area = 'market-access') => {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area, subject, description: 'Detalle.' },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  it('sends each email exactly once when the worker is killed mid-delivery and restarted', async () => {
    smtp.acceptDelayMs = 2000;
    const before = smtp.messages.length;
    const requests = [await submit('Correo uno'), await submit('Correo dos'), await submit('Correo tres')];
    await until(async () => smtp.inFlight > 0);
    await portal.api().kill('SIGKILL');
    smtp.acceptDelayMs = 0;
    await portal.restart();
    const ids = requests.map((r) => r.id);
    await until(async () => {
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE request_id = ANY($1) AND email_status = 'sent'`,
        [ids],
      );
      // Each request: the assignee's email and the member's receipt.
      return rows[0].n === 6;
    });
    const { rows: notifications } = await portal.db.query(
      `SELECT id, email_attempts FROM notifications WHERE request_id = ANY($1)`,
      [ids],
    );
    const received = smtp.messages.slice(before);
    expect(received).toHaveLength(6);
    expect(received.map((m) => m.messageId).sort()).toEqual(
      notifications.map((n: { id: string }) => `<${n.id}@portal.notifications>`).sort(),
    );
    // The interrupted one was tried twice; it still arrived once.
    expect(notifications.some((n: { email_attempts: number }) => n.email_attempts === 2)).toBe(true);
  });

  it('runs the breach job once across two API processes on one database', async () => {
    const second = await portal.startAnother();
    try {
      const request = await submit('Plazo corto');
      await portal.db.query(`UPDATE requests SET first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [
        request.id,
      ]);
      await until(async () => smtp.to('director.and@clac.example').some((m) => m.subject.includes(request.reference)));
      // Let several more periods pass with both processes ticking.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(smtp.to('director.and@clac.example').filter((m) => m.subject.includes(request.reference))).toHaveLength(1);
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS runs, count(DISTINCT slot)::int AS slots, COALESCE(sum((result->>'breached')::int), 0)::int AS flagged
         FROM scheduled_job_runs WHERE job = 'sla-breach-sweep'`,
      );
      expect(rows[0].runs).toBe(rows[0].slots);
      expect(rows[0].flagged).toBe(1);
    } finally {
      await second.kill();
    }
  });

  it('closes a resolved request untouched for 7 days, and lets the member reopen within 14 days of resolution only', async () => {
    const staffOf = async (id: string) => {
      const { rows } = await portal.db.query(
        `SELECT u.email FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`,
        [id],
      );
      return (await portal.login(rows[0].email)).accessToken;
    };
    const resolve = async (id: string) => {
      const staff = await staffOf(id);
      expect(
        (
          await portal.request('POST', `/api/v1/requests/${id}/transitions`, {
            token: staff,
            body: { to: 'in_progress' },
          })
        ).status,
      ).toBe(200);
      expect(
        (await portal.request('POST', `/api/v1/requests/${id}/transitions`, { token: staff, body: { to: 'resolved' } }))
          .status,
      ).toBe(200);
    };
    const recent = await submit('Resuelta hace 8 días');
    const old = await submit('Resuelta hace 15 días');
    const fresh = await submit('Resuelta hoy');
    for (const r of [recent, old, fresh]) await resolve(r.id);
    // Move the clock: these were resolved 8 and 15 days ago and nothing happened since.
    await portal.db.query(
      `UPDATE requests SET resolved_at = now() - interval '8 days', updated_at = now() - interval '8 days' WHERE id = $1`,
      [recent.id],
    );
    await portal.db.query(
      `UPDATE requests SET resolved_at = now() - interval '15 days', updated_at = now() - interval '15 days' WHERE id = $1`,
      [old.id],
    );

    await until(async () => {
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM requests WHERE id = ANY($1) AND status = 'closed'`,
        [[recent.id, old.id]],
      );
      return rows[0].n === 2;
    });
    const freshNow = await portal.request('GET', `/api/v1/requests/${fresh.id}`, { token: ana });
    expect(freshNow.body.status).toBe('resolved');
    const closed = await portal.request('GET', `/api/v1/requests/${recent.id}`, { token: ana });
    expect(closed.body.status).toBe('closed');
    const closing = closed.body.timeline.find(
      (e: { type: string; to: string }) => e.type === 'event' && e.to === 'closed',
    );
    expect(closing).toMatchObject({ actor: null, from: 'resolved', reason: expect.stringContaining('7 days') });

    expect(closed.body.allowedTransitions).toEqual(['in_progress']);
    const reopened = await portal.request('POST', `/api/v1/requests/${recent.id}/transitions`, {
      token: ana,
      body: { to: 'in_progress' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null });

    const tooLate = await portal.request('POST', `/api/v1/requests/${old.id}/transitions`, {
      token: ana,
      body: { to: 'in_progress' },
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.allowed).toEqual([]);
  });
});
