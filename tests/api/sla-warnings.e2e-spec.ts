import { addBusinessHours, type BusinessCalendar } from '../../api/src/sla/business-time';
import { type ApiProcess, startTestPortal, type TestPortal } from '../support/api-harness';
import { SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';

const DIRECTOR = 'director.and@clac.example';

/**
 * The sweep compares the stored warning and due instants with the database's now(). The tests
 * move the clock by moving those instants: to see what the sweep does at a moment T, each is
 * set to its value plus (now() − T). Two API processes sweep the same database every second.
 */
describe('SLA warnings before a breach, and escalation at the breach', () => {
  let portal: TestPortal;
  let replica: ApiProcess;
  const smtp = new SmtpSink();
  let ana: string;
  let rep: string;
  let repEmail: string;
  let assigneeId: string;
  let director: string;
  let requestId: string;
  let reference: string;
  /** The Friday the request is filed on (its UTC date), three weeks or more ahead, so nothing comes due before the tests move the clock. */
  let friday: Date;
  let calendar: BusinessCalendar;
  let stored: { frWarn: Date; frDue: Date; resWarn: Date; resDue: Date };

  /** A wall time in Lima (UTC−5, no daylight saving) `days` after the Friday. */
  const lima = (days: number, hour: number, minute = 0) =>
    new Date(Date.UTC(friday.getUTCFullYear(), friday.getUTCMonth(), friday.getUTCDate() + days, hour + 5, minute));
  const isoDay = (days: number) => lima(days, 12).toISOString().slice(0, 10);

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', JOB_INTERVAL_SECONDS: '1' } });
    replica = await portal.startAnother();
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
    const admin = (await portal.login('admin@clac.example')).accessToken;
    director = (await portal.login(DIRECTOR)).accessToken;

    const start = new Date(Date.now() + 21 * 86_400_000);
    friday = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + ((5 - start.getUTCDay() + 7) % 7)),
    );
    // The Monday after it is a holiday in Peru.
    const holiday = await portal.request('POST', '/api/v1/holidays', {
      token: admin,
      body: { country: 'PE', date: isoDay(3), name: 'Feriado de prueba' },
    });
    expect(holiday.status).toBe(201);
    const years = [...new Set([lima(0, 12).getUTCFullYear(), lima(21, 12).getUTCFullYear()])];
    const holidays = new Set<string>();
    for (const year of years) {
      const listed = await portal.request('GET', `/api/v1/holidays?country=PE&year=${year}`, { token: admin });
      for (const h of listed.body as { date: string }[]) holidays.add(h.date);
    }
    calendar = { timeZone: 'America/Lima', holidays };

    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'standards-compliance', subject: 'Certificado vencido', description: 'Detalle.' },
    });
    expect(created.status).toBe(201);
    requestId = created.body.id;
    reference = created.body.reference;
    assigneeId = created.body.assignee.id;
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [assigneeId]);
    repEmail = rows[0].email;
    rep = (await portal.login(repEmail)).accessToken;
    // Each in a language of its own: the assignee reads English, the director French.
    await portal.db.query(`UPDATE users SET language = 'en' WHERE email = $1`, [repEmail]);
    await portal.db.query(`UPDATE users SET language = 'fr' WHERE email = $1`, [DIRECTOR]);

    // Filed on the Friday at 16:30 in Lima; a change of priority makes the API recompute its times.
    await portal.db.query(`UPDATE requests SET created_at = $2 WHERE id = $1`, [requestId, lima(0, 16, 30)]);
    const patched = await portal.request('PATCH', `/api/v1/requests/${requestId}`, {
      token: rep,
      body: { priority: 'high', version: created.body.version },
    });
    expect(patched.status).toBe(200);
    const times = await portal.db.query(
      `SELECT first_response_warn_at, first_response_due_at, resolution_warn_at, resolution_due_at FROM requests WHERE id = $1`,
      [requestId],
    );
    const t = times.rows[0];
    stored = {
      frWarn: t.first_response_warn_at,
      frDue: t.first_response_due_at,
      resWarn: t.resolution_warn_at,
      resDue: t.resolution_due_at,
    };
  }, 180_000);

  afterAll(async () => {
    await replica?.kill();
    await portal?.stop();
    await smtp.stop();
  });

  /** What the sweep sees at `moment`: the request's instants moved by (now() − moment). */
  async function pretendNowIs(moment: Date) {
    await portal.db.query(
      `UPDATE requests SET first_response_warn_at = $3::timestamptz + (now() - $2::timestamptz),
                           first_response_due_at = $4::timestamptz + (now() - $2::timestamptz),
                           resolution_warn_at = $5::timestamptz + (now() - $2::timestamptz),
                           resolution_due_at = $6::timestamptz + (now() - $2::timestamptz)
       WHERE id = $1`,
      [requestId, moment, stored.frWarn, stored.frDue, stored.resWarn, stored.resDue],
    );
  }

  /** Waits for two more sweeps, started after this call (by either process). */
  async function twoSweeps() {
    const { rows } = await portal.db.query(`SELECT now() AS now`);
    await until(async () => {
      const runs = await portal.db.query(
        `SELECT count(*)::int AS n FROM scheduled_job_runs
         WHERE job = 'sla-breach-sweep' AND started_at > $1 AND finished_at IS NOT NULL`,
        [rows[0].now],
      );
      return runs.rows[0].n >= 2;
    }, 'two sweeps');
  }

  async function slaEvents(id = requestId): Promise<string[]> {
    const { rows } = await portal.db.query(
      `SELECT type || ':' || to_value AS e FROM request_events WHERE request_id = $1 AND type LIKE 'sla_%' ORDER BY created_at`,
      [id],
    );
    return rows.map((r: { e: string }) => r.e);
  }

  async function notifications(): Promise<string[]> {
    const { rows } = await portal.db.query(
      `SELECT u.email || ' ' || n.kind || ' ' || n.event_key AS n FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE n.request_id = $1 AND n.kind IN ('request.sla_warning', 'request.breached') ORDER BY n.created_at, u.email`,
      [requestId],
    );
    return rows.map((r: { n: string }) => r.n);
  }

  it('computes the 75 % instants in business time of Peru, past the weekend and the holiday', () => {
    // 16 business hours from Friday 16:30: ½ h on Friday, Monday is a holiday, 8 h on Tuesday;
    // 75 % (12 h) is used on Wednesday at 11:30, the deadline is Wednesday 16:30.
    expect(stored.frWarn.toISOString()).toBe(lima(5, 11, 30).toISOString());
    expect(stored.frDue.toISOString()).toBe(lima(5, 16, 30).toISOString());
    // Without the holiday the warning would have been on Tuesday at 11:30.
    const noHoliday = { timeZone: 'America/Lima', holidays: new Set<string>() };
    expect(addBusinessHours(lima(0, 16, 30), 12, noHoliday).toISOString()).toBe(lima(4, 11, 30).toISOString());
    expect(stored.resWarn.toISOString()).toBe(addBusinessHours(lima(0, 16, 30), 60, calendar).toISOString());
    expect(stored.resDue.toISOString()).toBe(addBusinessHours(lima(0, 16, 30), 80, calendar).toISOString());
  });

  it('warns nobody during the weekend, the holiday, or on Tuesday afternoon', async () => {
    for (const moment of [lima(1, 12), lima(3, 16), lima(4, 16, 30)]) {
      await pretendNowIs(moment);
      await twoSweeps();
      expect(await slaEvents()).toEqual([]);
    }
    expect(await notifications()).toEqual([]);
    const request = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: rep });
    expect(request.body.sla.warning).toBe(false);
  });

  it('warns the assignee once, in English, when 75 % of the first-response time is used', async () => {
    await pretendNowIs(lima(5, 11, 35));
    await twoSweeps();
    expect(await slaEvents()).toEqual(['sla_warning:first_response']);
    expect(await notifications()).toEqual([`${repEmail} request.sla_warning sla-warning:first_response:${requestId}`]);
    await smtp.waitFor(() => smtp.to(repEmail).some((m) => m.subject === `Deadline approaching: ${reference}`));
    const listed = await portal.request('GET', '/api/v1/notifications', { token: rep });
    const warning = listed.body.items.find((n: { kind: string }) => n.kind === 'request.sla_warning');
    expect(warning.body).toContain('75 % of the first-response time of the request “Certificado vencido” is used.');
    // The due time in words, in Peru's time zone (the moved one: the clock was moved by moving it).
    expect(warning.body).toMatch(/ It is due \w+day, \w+ \d+ at \d\d:\d\d \(Peru time\)\.$/);
    const request = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: rep });
    expect(request.body.escalated).toBe(false);
    expect(request.body.sla).toMatchObject({ breached: false, warning: true });
  });

  it('at the first-response breach flags the case escalated and tells the director once, in French', async () => {
    await pretendNowIs(lima(5, 16, 35));
    await twoSweeps();
    expect(await slaEvents()).toEqual(['sla_warning:first_response', 'sla_breached:first_response']);
    const breach = `sla-breach:first_response:${requestId}`;
    expect((await notifications()).slice(1).sort()).toEqual(
      [`${DIRECTOR} request.breached ${breach}`, `${repEmail} request.breached ${breach}`].sort(),
    );
    const request = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: rep });
    expect(request.body).toMatchObject({ escalated: true, sla: { breached: true } });
    // The case stays with its assignee: the director is told, not handed the work.
    expect(request.body.assignee.id).toBe(assigneeId);
    await smtp.waitFor(() =>
      smtp.to(DIRECTOR).some((m) => m.subject === `Délai de première réponse dépassé : ${reference}`),
    );
    const listed = await portal.request('GET', '/api/v1/notifications', { token: director });
    const told = listed.body.items.filter((n: { requestId: string }) => n.requestId === requestId);
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('a dépassé son délai de première réponse');
    expect(told[0].body).toContain('transmise à la direction régionale');
    // Staff read both on the timeline; the member who filed it reads neither.
    const staffTimeline = request.body.timeline.filter((e: { type: string; event?: string }) =>
      e.event?.startsWith('sla_'),
    );
    expect(staffTimeline.map((e: { event: string; to: string; actor: unknown }) => [e.event, e.to, e.actor])).toEqual([
      ['sla_warning', 'first_response', null],
      ['sla_breached', 'first_response', null],
    ]);
    const memberView = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: ana });
    expect(memberView.body.timeline.some((e: { event?: string }) => e.event?.startsWith('sla_'))).toBe(false);
  });

  it('warns and flags the resolution deadline on its own, once each, the director told once more', async () => {
    // A first response ends the first deadline; the resolution's clock goes on.
    expect(
      (
        await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
          token: rep,
          body: { body: 'Estamos revisando su certificado.' },
        })
      ).status,
    ).toBe(201);
    // The running deadline is now the resolution's, not warned of yet.
    expect((await portal.request('GET', `/api/v1/requests/${requestId}`, { token: rep })).body.sla.warning).toBe(false);
    await pretendNowIs(new Date(stored.resWarn.getTime() + 5 * 60_000));
    await twoSweeps();
    expect((await slaEvents()).slice(2)).toEqual(['sla_warning:resolution']);
    await pretendNowIs(new Date(stored.resDue.getTime() + 5 * 60_000));
    await twoSweeps();
    expect((await slaEvents()).slice(2)).toEqual(['sla_warning:resolution', 'sla_breached:resolution']);
    const all = await notifications();
    expect(all.filter((n) => n.startsWith(DIRECTOR))).toEqual([
      `${DIRECTOR} request.breached sla-breach:first_response:${requestId}`,
      `${DIRECTOR} request.breached sla-breach:resolution:${requestId}`,
    ]);
    expect(all.filter((n) => n.startsWith(repEmail))).toEqual([
      `${repEmail} request.sla_warning sla-warning:first_response:${requestId}`,
      `${repEmail} request.breached sla-breach:first_response:${requestId}`,
      `${repEmail} request.sla_warning sla-warning:resolution:${requestId}`,
      `${repEmail} request.breached sla-breach:resolution:${requestId}`,
    ]);
    await smtp.waitFor(() => smtp.to(DIRECTOR).some((m) => m.subject === `Délai de résolution dépassé : ${reference}`));
    await smtp.waitFor(() => smtp.to(repEmail).some((m) => m.subject === `Resolution deadline missed: ${reference}`));
    expect(smtp.to(DIRECTOR).filter((m) => m.subject.includes(reference))).toHaveLength(2);
    // Every sweep after that finds nothing more to do.
    await twoSweeps();
    expect(await slaEvents()).toHaveLength(4);
    expect(await notifications()).toHaveLength(all.length);
  });

  it('does not sweep a request waiting on the member: its clock is stopped', async () => {
    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'standards-compliance', subject: 'Esperando documentos', description: 'Detalle.' },
    });
    const id = created.body.id;
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
    const staff = (await portal.login(rows[0].email)).accessToken;
    for (const to of ['in_progress', 'waiting_on_member']) {
      const moved = await portal.request('POST', `/api/v1/requests/${id}/transitions`, { token: staff, body: { to } });
      expect(moved.status).toBe(200);
    }
    // Every instant an hour past, while it waits.
    await portal.db.query(
      `UPDATE requests SET first_response_warn_at = now() - interval '1 hour', first_response_due_at = now() - interval '1 hour',
                           resolution_warn_at = now() - interval '1 hour', resolution_due_at = now() - interval '1 hour'
       WHERE id = $1`,
      [id],
    );
    await twoSweeps();
    expect(await slaEvents(id)).toEqual([]);
  });
});
