import { unzipSync } from 'fflate';
import { REDACTED_TEXT } from '@portal/shared';
import { until } from '../support/until';
import { startTestPortal, type TestPortal } from '../support/api-harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Personal data rights (issue 23): a member downloads everything the portal holds about it,
 * and nothing of a colleague's; an admin erases a member, which keeps the requests and every
 * report figure while nothing the member wrote stays findable; closed requests' files go
 * after the retention period.
 */
describe('personal data', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  let requestId: string;
  let fileId: string;
  let repEmail: string;

  const call = (method: string, path: string, email: string, body?: unknown) =>
    portal.request(method, `/api/v1${path}`, { token: token[email], body });
  const zipOf = async (path: string, email: string) => {
    const answer = await fetch(`${portal.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token[email]}` } });
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const files = unzipSync(new Uint8Array(await answer.arrayBuffer()));
    const json = (name: string) => JSON.parse(Buffer.from(files[name]).toString('utf8'));
    return {
      files,
      json,
      text: Object.values(files)
        .map((f) => Buffer.from(f).toString('utf8'))
        .join('\n'),
    };
  };
  const search = async (email: string, q: string) =>
    (await call('GET', `/requests?q=${encodeURIComponent(q)}`, email)).body.items.map((r: { id: string }) => r.id);

  beforeAll(async () => {
    portal = await startTestPortal({ env: { ATTACHMENT_RETENTION_DAYS: '30', JOB_INTERVAL_SECONDS: '1' } });
    for (const email of ['admin@clac.example', 'ana@valle-alto.example', 'luis@valle-alto.example'])
      token[email] = (await portal.login(email)).accessToken;
    for (const row of (await portal.db.query(`SELECT id, email FROM users`)).rows) id[row.email] = row.id;

    // Ana files a request with a file; her colleague Luis and the representative write on it;
    // it is resolved and Ana rates it with a comment.
    const created = await call('POST', '/requests', 'ana@valle-alto.example', {
      area: 'standards-compliance',
      subject: 'Consulta mariposaana sobre el registro',
      description: 'Texto de Ana con la palabra libelulaana.',
    });
    expect(created.status).toBe(201);
    requestId = created.body.id;
    repEmail = (await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id])).rows[0]
      .email;
    token[repEmail] = (await portal.login(repEmail)).accessToken;
    expect(
      (
        await call('POST', `/requests/${requestId}/messages`, 'ana@valle-alto.example', {
          body: 'Mensaje de Ana: colibriana.',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('POST', `/requests/${requestId}/messages`, 'luis@valle-alto.example', {
          body: 'Mensaje de Luis: zorzalluis.',
        })
      ).status,
    ).toBe(201);
    expect(
      (await call('POST', `/requests/${requestId}/messages`, repEmail, { body: 'Respuesta del equipo: tucanstaff.' }))
        .status,
    ).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'acta-ana.pdf');
    const upload = await fetch(`${portal.url}/api/v1/requests/${requestId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token['ana@valle-alto.example']}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    fileId = ((await upload.json()) as { id: string }).id;
    // The staff's reply put it in progress.
    expect((await call('POST', `/requests/${requestId}/transitions`, repEmail, { to: 'resolved' })).status).toBe(200);
    const rated = await call('POST', `/requests/${requestId}/satisfaction`, 'ana@valle-alto.example', {
      score: 4,
      comment: 'Comentario de Ana: jilgueroana.',
    });
    expect(rated.status).toBe(201);
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("gives a member everything the portal holds about it as a ZIP, and nothing of a colleague's", async () => {
    const zip = await zipOf('/me/data-export', 'ana@valle-alto.example');
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        'attachments.json',
        `files/${(await call('GET', `/requests/${requestId}`, 'ana@valle-alto.example')).body.reference}/${fileId}-acta-ana.pdf`,
        'messages.json',
        'notifications.json',
        'profile.json',
        'ratings.json',
        'requests.json',
        'sign-ins.json',
      ].sort(),
    );
    expect(zip.json('profile.json')).toMatchObject({
      id: id['ana@valle-alto.example'],
      email: 'ana@valle-alto.example',
    });
    expect(zip.json('requests.json')).toEqual([
      expect.objectContaining({
        subject: 'Consulta mariposaana sobre el registro',
        description: 'Texto de Ana con la palabra libelulaana.',
        status: 'resolved',
        rating: { score: 4, comment: 'Comentario de Ana: jilgueroana.', reasons: [] },
      }),
    ]);
    expect(zip.json('messages.json').map((m: { body: string }) => m.body)).toEqual(['Mensaje de Ana: colibriana.']);
    expect(zip.json('ratings.json')).toEqual([expect.objectContaining({ score: 4 })]);
    const pdf = Object.entries(zip.files).find(([name]) => name.endsWith('.pdf'))![1];
    expect(Buffer.from(pdf).equals(PDF)).toBe(true);
    expect(zip.json('attachments.json')[0]).toMatchObject({ name: 'acta-ana.pdf', size: PDF.length });
    expect(zip.json('notifications.json').length).toBeGreaterThan(0);
    expect(zip.json('sign-ins.json')[0]).toMatchObject({ outcome: 'signed-in', ip: expect.any(String) });
    // Neither the colleague's words nor the colleague.
    expect(zip.text).not.toContain('zorzalluis');
    expect(zip.text).not.toContain('luis@valle-alto.example');

    const audited = await portal.db.query(
      `SELECT actor_id, entity_id FROM audit_log WHERE action = 'personal-data.exported'`,
    );
    expect(audited.rows).toEqual([{ actor_id: id['ana@valle-alto.example'], entity_id: id['ana@valle-alto.example'] }]);
  });

  it('lets an admin download it for a person, and nobody else', async () => {
    const zip = await zipOf(`/users/${id['ana@valle-alto.example']}/data-export`, 'admin@clac.example');
    expect(zip.json('messages.json')).toHaveLength(1);
    expect(
      (await call('GET', `/users/${id['ana@valle-alto.example']}/data-export`, 'luis@valle-alto.example')).status,
    ).toBe(403);
    expect(
      (await call('POST', `/users/${id['ana@valle-alto.example']}/erasure`, 'luis@valle-alto.example')).status,
    ).toBe(403);
  });

  it('erases a member: the report figures stay identical and no word of theirs stays findable', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const period = `from=2026-01-01&to=${tomorrow}`;
    const reports = async () => {
      const figures: unknown[] = [];
      for (const path of [
        '/reports/load?groupBy=organization',
        '/reports/load?groupBy=status',
        '/reports/load?groupBy=assignee',
        '/reports/trend?interval=month',
        '/reports/quality?groupBy=organization',
      ]) {
        const answer = await call('GET', `${path}&${period}`, 'admin@clac.example');
        expect(answer.status).toBe(200);
        figures.push(answer.body);
      }
      return figures;
    };
    const before = await reports();
    const anaName = (await portal.db.query(`SELECT name FROM users WHERE id = $1`, [id['ana@valle-alto.example']]))
      .rows[0].name;
    // The staff's notice of her message named her.
    const notices = await portal.db.query(`SELECT count(*)::int AS n FROM notifications WHERE params->>'author' = $1`, [
      anaName,
    ]);
    expect(notices.rows[0].n).toBeGreaterThan(0);
    const words = ['mariposaana', 'libelulaana', 'colibriana', 'jilgueroana', 'ana@valle-alto.example'];
    expect(await search(repEmail, 'colibriana')).toEqual([requestId]);

    const erased = await call('POST', `/users/${id['ana@valle-alto.example']}/erasure`, 'admin@clac.example');
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ messagesRedacted: 1, requestsRedacted: 1, attachmentsRemoved: 1 });

    expect(await reports()).toEqual(before);
    for (const word of words) {
      expect([word, await search(repEmail, word)]).toEqual([word, []]);
      expect([word, await search('admin@clac.example', word)]).toEqual([word, []]);
    }
    // The request stays for the organization, with the colleague's and the staff's words.
    expect(await search('luis@valle-alto.example', 'zorzalluis')).toEqual([requestId]);
    expect(await search(repEmail, 'tucanstaff')).toEqual([requestId]);
    const detail = await call('GET', `/requests/${requestId}`, 'luis@valle-alto.example');
    expect(detail.body).toMatchObject({
      subject: REDACTED_TEXT,
      description: REDACTED_TEXT,
      status: 'resolved',
      createdBy: { name: 'Former member' },
      satisfaction: { score: 4, comment: REDACTED_TEXT },
    });
    const bodies = detail.body.timeline
      .filter((t: { type: string }) => t.type === 'message')
      .map((m: { body: string }) => m.body);
    expect(bodies).toEqual([REDACTED_TEXT, 'Mensaje de Luis: zorzalluis.', 'Respuesta del equipo: tucanstaff.']);
    expect((await call('GET', `/attachments/${fileId}`, 'luis@valle-alto.example')).status).toBe(404);

    // The account: anonymized, closed, its sessions gone; nothing of it in the database's texts.
    const user = (await portal.db.query(`SELECT * FROM users WHERE id = $1`, [id['ana@valle-alto.example']])).rows[0];
    expect(user).toMatchObject({
      name: 'Former member',
      email: `erased-${user.id}@erased.invalid`,
      password_hash: null,
      active: false,
    });
    expect(user.erased_at).not.toBeNull();
    // The admin's view of the account says so (the user page then offers no access action).
    const view = await call('GET', `/users/${user.id}`, 'admin@clac.example');
    expect([view.status, view.body.erased, view.body.active]).toEqual([200, true, false]);
    const colleague = await call('GET', `/users/${id['luis@valle-alto.example']}`, 'admin@clac.example');
    expect([colleague.status, colleague.body.erased]).toEqual([200, false]);
    const leftovers = await portal.db.query(
      `SELECT (SELECT count(*)::int FROM refresh_token_families WHERE user_id = $1) AS sessions,
              (SELECT count(*)::int FROM notifications WHERE recipient_id = $1) AS notifications,
              (SELECT count(*)::int FROM attachments WHERE uploaded_by = $1) AS files,
              (SELECT count(*)::int FROM requests WHERE search_public::text ~ 'colibri|mariposa|libelula') AS searchable,
              (SELECT count(*)::int FROM notifications WHERE params::text ~ ('colibriana|mariposaana|' || $2)) AS quoted`,
      [user.id, anaName],
    );
    expect(leftovers.rows[0]).toEqual({ sessions: 0, notifications: 0, files: 0, searchable: 0, quoted: 0 });
    const signIn = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'ana@valle-alto.example', password: 'Demo-2026!' },
    });
    expect(signIn.status).toBe(401);
    expect((await call('GET', '/me', 'ana@valle-alto.example')).status).toBe(401);

    const audit = await portal.db.query(
      `SELECT actor_id, changes FROM audit_log WHERE action = 'personal-data.erased'`,
    );
    expect(audit.rows).toEqual([
      {
        actor_id: id['admin@clac.example'],
        changes: expect.objectContaining({ userId: user.id, messagesRedacted: 1 }),
      },
    ]);
  });

  it('refuses to erase staff, oneself, or someone twice, or to bring an erased account back, and writes nothing then', async () => {
    const count = async () => (await portal.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const before = await count();
    for (const target of [repEmail, 'admin@clac.example', 'ana@valle-alto.example']) {
      const answer = await call('POST', `/users/${id[target]}/erasure`, 'admin@clac.example');
      expect([target, answer.status, answer.body.code]).toEqual([target, 409, 'erasure.not-allowed']);
    }
    expect(
      (await call('POST', `/users/00000000-0000-4000-8000-000000000000/erasure`, 'admin@clac.example')).status,
    ).toBe(404);
    // Nor is an erased account brought back.
    const reactivated = await call('PATCH', `/users/${id['ana@valle-alto.example']}`, 'admin@clac.example', {
      active: true,
    });
    expect([reactivated.status, reactivated.body.code]).toEqual([409, 'users.erased']);
    expect(await count()).toBe(before);
  });

  it('removes the files of requests closed longer than the retention period, audited', async () => {
    const created = await call('POST', '/requests', 'luis@valle-alto.example', {
      area: 'standards-compliance',
      subject: 'Documentos del cierre',
      description: 'Adjunto el informe.',
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'informe.pdf');
    const upload = await fetch(`${portal.url}/api/v1/requests/${created.body.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token['luis@valle-alto.example']}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const kept = ((await upload.json()) as { id: string }).id;
    // Closed 29 days ago: kept. Then 31 days ago: removed by the next sweep.
    await portal.db.query(
      `UPDATE requests SET status = 'closed', closed_at = now() - interval '29 days' WHERE id = $1`,
      [created.body.id],
    );
    const audited = async () =>
      (
        await portal.db.query(
          `SELECT changes FROM audit_log WHERE action = 'attachments.retention-deleted' AND entity_id = $1`,
          [created.body.id],
        )
      ).rows;
    const sweeps = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM scheduled_job_runs WHERE job = 'attachment-retention' AND finished_at IS NOT NULL`,
        )
      ).rows[0].n;
    const runs = await sweeps();
    await until(async () => (await sweeps()) >= runs + 2, 'two sweeps after the closing');
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM attachments WHERE id = $1`, [kept])).rows[0].n).toBe(
      1,
    );
    await portal.db.query(`UPDATE requests SET closed_at = now() - interval '31 days' WHERE id = $1`, [
      created.body.id,
    ]);
    await until(async () => (await audited()).length === 1, 'the retention sweep');
    expect((await audited())[0].changes).toEqual({ retentionDays: 30, attachments: [kept] });
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM attachments WHERE id = $1`, [kept])).rows[0].n).toBe(
      0,
    );
  });
});
