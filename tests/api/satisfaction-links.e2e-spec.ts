import { signSatisfactionLink } from '../../api/src/satisfaction/satisfaction-link';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { plainTextOf, SmtpSink } from '../support/smtp-sink';

const LINK_SECRET = 'satisfaction-links-secret-of-this-test-0123456789';
const MEMBER = 'ana@valle-alto.example';
const DIRECTOR = 'director.and@clac.example';

/** The one-tap links of an email, score 1 first. */
function scoreLinks(raw: string): URL[] {
  return [...plainTextOf(raw).matchAll(/(http\S+\/rate\?\S+)/g)].map((match) => new URL(match[1]));
}

describe('satisfaction in one tap (signed links of the resolution email)', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  let member: string;
  let memberId: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({
      env: {
        SMTP_URL: smtpUrl,
        OUTBOX_POLL_MS: '200',
        JOB_INTERVAL_SECONDS: '1',
        SATISFACTION_LINK_SECRET: LINK_SECRET,
      },
    });
    member = (await portal.login(MEMBER)).accessToken;
    memberId = (await portal.db.query(`SELECT id FROM users WHERE email = $1`, [MEMBER])).rows[0].id;
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  /** Files a request as the member and has its assignee resolve it; answers it and the email's links. */
  async function resolvedRequest(subject: string): Promise<{ id: string; reference: string; links: URL[] }> {
    const created = await portal.request('POST', '/api/v1/requests', {
      token: member,
      body: { area: 'market-access', subject, description: 'Detalle de la consulta.' },
    });
    expect(created.status).toBe(201);
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
    const staff = (await portal.login(rows[0].email)).accessToken;
    for (const to of ['in_progress', 'resolved']) {
      const moved = await portal.request('POST', `/api/v1/requests/${created.body.id}/transitions`, {
        token: staff,
        body: { to },
      });
      expect(moved.status).toBe(200);
    }
    const resolutionMail = () =>
      smtp.to(MEMBER).find((m) => m.subject === `${created.body.reference} fue resuelta: confirme y califique`);
    await smtp.waitFor(() => resolutionMail() !== undefined);
    return { id: created.body.id, reference: created.body.reference, links: scoreLinks(resolutionMail()!.raw) };
  }

  const tap = (token: string, score: number) =>
    portal.request('POST', '/api/v1/satisfaction-links/score', { body: { token, score } });
  const stored = async (id: string) =>
    (
      await portal.db.query(
        `SELECT satisfaction_score, satisfaction_comment, satisfaction_reasons, version FROM requests WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const lowScoreNotifications = async (id: string) =>
    (
      await portal.db.query(
        `SELECT n.params->>'score' AS score, u.email FROM notifications n JOIN users u ON u.id = n.recipient_id
         WHERE n.request_id = $1 AND n.kind = 'request.low-score' ORDER BY n.created_at`,
        [id],
      )
    ).rows;

  /** Waits until the reminder job has finished `runs` more runs since now (it runs every second). */
  async function reminderRuns(runs: number): Promise<void> {
    const count = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM scheduled_job_runs WHERE job = 'satisfaction-reminder' AND finished_at IS NOT NULL`,
        )
      ).rows[0].n as number;
    const target = (await count()) + runs;
    const deadline = Date.now() + 20_000;
    while ((await count()) < target) {
      if (Date.now() > deadline) throw new Error('the reminder job did not run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  let first: { id: string; reference: string; links: URL[] };
  let token: string;

  it('sends five signed links in the resolution email, one per score, in the member’s language', async () => {
    first = await resolvedRequest('Precio justo del café');
    expect(first.links.map((link) => link.searchParams.get('score'))).toEqual(['1', '2', '3', '4', '5']);
    expect(first.links.every((link) => link.pathname === '/rate' && link.searchParams.get('lang') === 'es')).toBe(true);
    token = first.links[0].searchParams.get('token')!;
    expect(new Set(first.links.map((link) => link.searchParams.get('token')))).toEqual(new Set([token]));
    const mail = smtp.to(MEMBER).find((m) => m.subject.startsWith(`${first.reference} fue resuelta`))!;
    expect(plainTextOf(mail.raw)).toContain('Califique con un toque (sin iniciar sesión):\n1 muy insatisfecho: http');
  });

  it('records a one-tap score without a session, where the portal’s ratings are kept', async () => {
    const answer = await tap(token, 4);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ reference: first.reference, score: 4, comment: null, reasons: [] });
    expect((await stored(first.id)).satisfaction_score).toBe(4);
    const detail = await portal.request('GET', `/api/v1/requests/${first.id}`, { token: member });
    expect(detail.body.satisfaction).toEqual({ score: 4, comment: null });
    // The reports count it like a score given in the portal.
    const director = (await portal.login(DIRECTOR)).accessToken;
    const report = await portal.request(
      'GET',
      `/api/v1/reports/load?groupBy=country&from=${new Date(Date.now() - 86_400_000).toISOString()}`,
      { token: director },
    );
    expect(report.body.rows.find((row: { key: string }) => row.key === 'PE').satisfactionAvg).toBe(4);
    // A score of 4 tells no director.
    expect(await lowScoreNotifications(first.id)).toEqual([]);
  });

  it('changes the score with a second tap, and the same tap again changes nothing', async () => {
    const version = (await stored(first.id)).version;
    expect((await tap(token, 2)).body.score).toBe(2);
    expect((await stored(first.id)).satisfaction_score).toBe(2);
    expect((await tap(token, 2)).status).toBe(200);
    expect((await stored(first.id)).version).toBe(version + 1);
    const events = await portal.db.query(
      `SELECT from_value, to_value, actor_id FROM request_events WHERE request_id = $1 AND type = 'rated' ORDER BY created_at`,
      [first.id],
    );
    expect(events.rows).toEqual([
      { from_value: null, to_value: '4', actor_id: memberId },
      { from_value: '4', to_value: '2', actor_id: memberId },
    ]);
    const view = await portal.request('POST', '/api/v1/satisfaction-links/view', { body: { token } });
    expect(view.body.score).toBe(2);
  });

  it("notifies the region's director of a low score, in the director's language, once per request and score", async () => {
    await smtp.waitFor(() => smtp.to(DIRECTOR).some((m) => m.subject.includes(first.reference)));
    expect(smtp.to(DIRECTOR).filter((m) => m.subject.includes(first.reference))[0].subject).toBe(
      `Calificación baja (2 de 5): ${first.reference}`,
    );
    expect(smtp.to(DIRECTOR)[0].raw).toContain(`/inbox/${first.id}`);
    // 1, then 2 again, then 1 again: one notification for each low score, not one per tap.
    for (const score of [1, 2, 1]) expect((await tap(token, score)).status).toBe(200);
    expect(await lowScoreNotifications(first.id)).toEqual([
      { score: '2', email: DIRECTOR },
      { score: '1', email: DIRECTOR },
    ]);
    await smtp.waitFor(() => smtp.to(DIRECTOR).filter((m) => m.subject.includes(first.reference)).length === 2);
  });

  it('keeps a comment and the reasons of a low score, through the same link', async () => {
    const details = await portal.request('POST', '/api/v1/satisfaction-links/details', {
      body: { token, comment: '  Tardaron mucho en responder.  ', reasons: ['slow', 'not-solved'] },
    });
    expect(details.status).toBe(200);
    expect(details.body).toEqual({
      reference: first.reference,
      score: 1,
      comment: 'Tardaron mucho en responder.',
      reasons: ['slow', 'not-solved'],
    });
    for (const body of [
      { token, reasons: ['too-expensive'] },
      { token, reasons: ['slow', 'slow'] },
      { token, comment: 'x'.repeat(2001) },
      { token, comment: 'ok', extra: true },
    ]) {
      const refused = await portal.request('POST', '/api/v1/satisfaction-links/details', { body });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    // A score above 2 drops the reasons (they explained a low one) and takes none.
    expect((await tap(token, 3)).body).toMatchObject({
      score: 3,
      reasons: [],
      comment: 'Tardaron mucho en responder.',
    });
    const refused = await portal.request('POST', '/api/v1/satisfaction-links/details', {
      body: { token, reasons: ['slow'] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.reasons).toBeDefined();
    expect(await stored(first.id)).toMatchObject({ satisfaction_score: 3, satisfaction_reasons: [] });
  });

  it('refuses a forged or altered token, an expired one and a malformed body, and writes nothing', async () => {
    const before = await stored(first.id);
    const [payload, signature] = token.split('.');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const otherRequest = signSatisfactionLink(`${LINK_SECRET}-guessed`, {
      requestId: first.id,
      memberId,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    for (const bad of [
      `${flip(payload, 10)}.${signature}`,
      `${payload}.${flip(signature, 42)}`,
      `${payload}.${flip(signature, 0)}`,
      otherRequest,
      token.slice(0, -1),
      'not-a-token',
    ]) {
      const answer = await tap(bad, 5);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        code: 'satisfaction.link-invalid',
        type: 'about:blank#satisfaction.link-invalid',
      });
    }
    const expired = signSatisfactionLink(LINK_SECRET, {
      requestId: first.id,
      memberId,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await tap(expired, 5)).body).toMatchObject({ status: 410, code: 'satisfaction.link-expired' });
    // Signed, but for someone who did not file the request: not a link of this request.
    const director = (await portal.db.query(`SELECT id FROM users WHERE email = $1`, [DIRECTOR])).rows[0].id;
    const notTheMember = signSatisfactionLink(LINK_SECRET, {
      requestId: first.id,
      memberId: director,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect((await tap(notTheMember, 5)).status).toBe(410);
    for (const body of [{ token, score: 6 }, { token, score: '5' }, { token }, { score: 5 }]) {
      expect((await portal.request('POST', '/api/v1/satisfaction-links/score', { body })).status).toBe(400);
    }
    expect(await stored(first.id)).toEqual(before);
  });

  it('refuses a tap after the request was closed, with a 410 problem document, and writes nothing', async () => {
    const closed = await portal.request('POST', `/api/v1/requests/${first.id}/transitions`, {
      token: member,
      body: { to: 'closed' },
    });
    expect(closed.status).toBe(200);
    const before = await stored(first.id);
    const answer = await tap(token, 5);
    expect(answer.status).toBe(410);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'satisfaction.closed', type: 'about:blank#satisfaction.closed' });
    expect((await portal.request('POST', '/api/v1/satisfaction-links/view', { body: { token } })).status).toBe(410);
    expect(
      (await portal.request('POST', '/api/v1/satisfaction-links/details', { body: { token, comment: 'Otra' } })).status,
    ).toBe(410);
    expect(await stored(first.id)).toEqual(before);
  });

  it('reminds the member once, three days after resolution, when no score came, and not again', async () => {
    const unrated = await resolvedRequest('Certificación de la bodega');
    const recent = await resolvedRequest('Contrato con el comprador');
    const reminders = (reference: string) =>
      smtp.to(MEMBER).filter((m) => m.subject === `¿Cómo le fue con ${reference}? Califique con un toque`);
    // Resolved just now: runs of the job pass without a reminder.
    await reminderRuns(2);
    expect(reminders(unrated.reference)).toEqual([]);
    // The clock, not a wait: one resolved three days ago (a minute more), the other two days ago.
    await portal.db.query(`UPDATE requests SET resolved_at = now() - interval '3 days 1 minute' WHERE id = $1`, [
      unrated.id,
    ]);
    await portal.db.query(`UPDATE requests SET resolved_at = now() - interval '2 days' WHERE id = $1`, [recent.id]);
    await smtp.waitFor(() => reminders(unrated.reference).length === 1);
    const links = scoreLinks(reminders(unrated.reference)[0].raw);
    expect(links.map((link) => link.searchParams.get('score'))).toEqual(['1', '2', '3', '4', '5']);
    // Later runs remind nobody again; the one resolved two days ago waits.
    await reminderRuns(3);
    expect(reminders(unrated.reference)).toHaveLength(1);
    expect(reminders(recent.reference)).toEqual([]);
    const rows = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE request_id = $1 AND kind = 'request.rating-reminder'`,
      [unrated.id],
    );
    expect(rows.rows[0].n).toBe(1);
    // The reminder's link records the score like the first email's.
    expect((await tap(links[4].searchParams.get('token')!, 5)).body.score).toBe(5);
    // A request scored by then is not reminded.
    await portal.db.query(`UPDATE requests SET resolved_at = now() - interval '4 days' WHERE id = $1`, [recent.id]);
    expect((await tap(recent.links[3].searchParams.get('token')!, 4)).status).toBe(200);
    await reminderRuns(2);
    expect(reminders(recent.reference)).toEqual([]);
  });
});
