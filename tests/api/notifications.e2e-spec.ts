import { startTestPortal, type TestPortal } from '../support/api-harness';
import { decodedText, SmtpSink } from '../support/smtp-sink';

describe('notifications by email and in the app', () => {
  let portal: TestPortal;
  const smtp = new SmtpSink();
  const token: Record<string, string> = {};

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', JOB_INTERVAL_SECONDS: '1' } });
    for (const email of [
      'ana@valle-alto.example',
      'joana@apicultores-sertao.example',
      'jean@kafe-mon-no.example',
      'rep.br@clac.example',
      'director.car@clac.example',
      'marco@tierra-viva.example',
      'rep.bo@clac.example',
    ]) {
      token[email] = (await portal.login(email)).accessToken;
    }
  });
  afterAll(async () => {
    await portal?.stop();
    await smtp.stop();
  });

  const submit = async (member: string, area: string, subject: string) => {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: token[member],
      body: { area, subject, description: 'Detalle de la consulta.' },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  it('tells the assignee of a new request by email, once', async () => {
    const request = await submit('marco@tierra-viva.example', 'standards-compliance', 'Plan de acción correctiva');
    await smtp.waitFor(() => smtp.to('rep.bo@clac.example').some((m) => m.subject.includes(request.reference)));
    const mails = smtp.to('rep.bo@clac.example').filter((m) => m.subject.includes(request.reference));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`${request.reference} le fue asignada: Plan de acción correctiva`);
    expect(mails[0].raw).toContain(`/inbox/${request.id}`);
  });

  it("sends the member who filed a receipt, once, in the member's language, with the reference, due time and link", async () => {
    const request = await submit('joana@apicultores-sertao.example', 'market-access', 'Certificação orgânica');
    const receipts = () =>
      smtp.to('joana@apicultores-sertao.example').filter((m) => m.subject.includes(request.reference));
    await smtp.waitFor(() => receipts().length >= 1);
    // The worker polls every 200 ms: a second copy would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receipts()).toHaveLength(1);
    const [mail] = receipts();
    expect(mail.subject).toBe(`Recebemos sua solicitação ${request.reference}: Certificação orgânica`);
    const text = decodedText(mail.raw);
    expect(text).toContain(`/requests/${request.id}`);
    expect(text).toContain(`Quem atende: ${request.assignee.name}`);
    // Brazil's time zone, in Portuguese words.
    const due = new Intl.DateTimeFormat('pt', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'America/Sao_Paulo',
    }).format(new Date(request.sla.firstResponseDueAt));
    expect(text).toContain(`Primeira resposta: até ${due} (horário de Brasil)`);
    // Not in the in-app list: it confirms her own action.
    const listed = await portal.request('GET', '/api/v1/notifications', {
      token: token['joana@apicultores-sertao.example'],
    });
    expect(listed.body.items.some((n: { reference: string }) => n.reference === request.reference)).toBe(false);
  });

  it("tells the member of a staff reply in the member's language, and never of an internal note", async () => {
    const request = await submit('joana@apicultores-sertao.example', 'market-access', 'Compradores de mel');
    const note = await portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
      token: token['rep.br@clac.example'],
      body: { body: 'Nota interna: verificar lote', internal: true },
    });
    expect(note.status).toBe(201);
    const reply = await portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
      token: token['rep.br@clac.example'],
      body: { body: 'Olá Joana, temos três compradores interessados.' },
    });
    expect(reply.status).toBe(201);
    // Her earlier receipts are there already: wait for the reply itself (on a busy machine it may take a while).
    await smtp.waitFor(() =>
      smtp.to('joana@apicultores-sertao.example').some((m) => m.subject === `Nova resposta em ${request.reference}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Her receipt of the filing aside (below), the reply is the only email.
    const mails = smtp.to('joana@apicultores-sertao.example').filter((m) => !m.subject.startsWith('Recebemos'));
    expect(mails.map((m) => m.subject)).toEqual([`Nova resposta em ${request.reference}`]);
    expect(mails[0].raw).not.toContain('verificar lote');

    const french = await submit('jean@kafe-mon-no.example', 'social-inclusion', 'Formation des jeunes');
    await portal.request('POST', `/api/v1/requests/${french.id}/messages`, {
      token: token['director.car@clac.example'],
      body: { body: 'Bonjour Jean' },
    });
    await smtp.waitFor(() => smtp.to('jean@kafe-mon-no.example').some((m) => m.subject.startsWith('Nouvelle')));
    expect(smtp.to('jean@kafe-mon-no.example').map((m) => m.subject)).toContain(
      `Nouvelle réponse sur ${french.reference}`,
    );
  });

  it("asks the member to confirm and rate when staff resolve, in the member's language", async () => {
    const request = await submit('joana@apicultores-sertao.example', 'climate-resilience', 'Seca no sertão');
    const rep = token['rep.br@clac.example'];
    await portal.request('POST', `/api/v1/requests/${request.id}/transitions`, {
      token: rep,
      body: { to: 'in_progress' },
    });
    await portal.request('POST', `/api/v1/requests/${request.id}/transitions`, {
      token: rep,
      body: { to: 'resolved' },
    });
    await smtp.waitFor(() =>
      smtp.to('joana@apicultores-sertao.example').some((m) => m.subject.includes('confirme e avalie')),
    );
  });

  it("tells the region's director of a breach, once, and flags the request", async () => {
    const request = await submit('ana@valle-alto.example', 'market-access', 'Feria de café en Lima');
    // The deadline passed: move the request's due time into the past (the clock, not a wait).
    await portal.db.query(`UPDATE requests SET first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [
      request.id,
    ]);
    await smtp.waitFor(
      () => smtp.to('director.and@clac.example').some((m) => m.subject.includes(request.reference)),
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      smtp
        .to('director.and@clac.example')
        .filter((m) => m.subject.includes(request.reference))
        .map((m) => m.subject),
    ).toEqual([`Plazo de primera respuesta vencido: ${request.reference}`]);
    const detail = await portal.request('GET', `/api/v1/requests/${request.id}`, {
      token: token['ana@valle-alto.example'],
    });
    expect(detail.body.sla.breached).toBe(true);
    const breachedList = await portal.request('GET', '/api/v1/requests?breached=true', {
      token: token['ana@valle-alto.example'],
    });
    expect(breachedList.body.items.map((r: { id: string }) => r.id)).toEqual([request.id]);
  });

  it('lists in-app notifications unread first, in the reader’s language, and marks them read', async () => {
    const list = await portal.request('GET', '/api/v1/notifications', {
      token: token['joana@apicultores-sertao.example'],
    });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    const first = list.body.items[0];
    expect(first).toMatchObject({
      readAt: null,
      reference: expect.stringMatching(/^SR-/),
      title: expect.any(String),
      body: expect.any(String),
    });
    expect(list.body.items.some((n: { title: string }) => n.title.startsWith('Nova resposta em'))).toBe(true);

    expect(
      (
        await portal.request('POST', `/api/v1/notifications/${first.id}/read`, {
          token: token['joana@apicultores-sertao.example'],
        })
      ).status,
    ).toBe(204);
    const after = await portal.request('GET', '/api/v1/notifications', {
      token: token['joana@apicultores-sertao.example'],
    });
    expect(after.body.items.at(-1).id).toBe(first.id);
    expect(after.body.items.at(-1).readAt).not.toBeNull();
    // Someone else's notification is not there to mark.
    expect(
      (
        await portal.request('POST', `/api/v1/notifications/${first.id}/read`, {
          token: token['ana@valle-alto.example'],
        })
      ).status,
    ).toBe(404);

    expect(
      (
        await portal.request('POST', '/api/v1/notifications/read-all', {
          token: token['joana@apicultores-sertao.example'],
        })
      ).status,
    ).toBe(204);
    const unread = await portal.request('GET', '/api/v1/notifications?unread=true', {
      token: token['joana@apicultores-sertao.example'],
    });
    expect(unread.body.total).toBe(0);
  });

  it('commits no notification for a change that was refused', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n;
    const refused = await portal.request('POST', '/api/v1/requests', {
      token: token['ana@valle-alto.example'],
      body: { area: 'market-access', subject: 'x', description: '' },
    });
    expect(refused.status).toBe(400);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n).toBe(before);
  });
});
