import { requestKeepingEarlyAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('attachments', () => {
  let portal: TestPortal;
  let ana: string;
  let marco: string;
  let rep: string;
  let requestId: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
    marco = (await portal.login('marco@tierra-viva.example')).accessToken;
    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'standards-compliance', subject: 'Acta de la asamblea', description: 'Adjuntamos el acta.' },
    });
    requestId = created.body.id;
    const assignee = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
    rep = (await portal.login(assignee.rows[0].email)).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function upload(token: string, id: string, name: string, content: Buffer, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }), name);
    const response = await fetch(`${portal.url}/api/v1/requests/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  const count = async () => (await portal.db.query(`SELECT count(*)::int AS n FROM attachments`)).rows[0].n as number;

  it('stores a PDF with its type taken from the content, and serves it back as an attachment with its name', async () => {
    const uploaded = await upload(ana, requestId, 'Acta asamblea – Perú.pdf', PDF);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      name: 'Acta asamblea – Perú.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
    });
    const download = await fetch(`${portal.url}/api/v1/attachments/${uploaded.body.id}`, {
      headers: { authorization: `Bearer ${rep}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Acta asamblea  Peru.pdf"; filename*=UTF-8''Acta%20asamblea%20%E2%80%93%20Per%C3%BA.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const detail = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: ana });
    expect(detail.body.attachments.map((a: { id: string }) => a.id)).toContain(uploaded.body.id);
  });

  it('refuses a disguised executable with 415 and stores nothing', async () => {
    const before = await count();
    const exe = await upload(
      ana,
      requestId,
      'informe.pdf',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'),
    );
    expect(exe.status).toBe(415);
    expect(exe.headers.get('content-type')).toContain('application/problem+json');
    expect(exe.body).toMatchObject({ status: 415, code: 'attachments.type-refused' });
    expect(await count()).toBe(before);
  });

  it('refuses a file over 10 MB with 413 and stores nothing', async () => {
    const before = await count();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    // The form as fetch would send it, sent so that the server's answer counts even if it closes before the last bytes are written.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(big)], { type: 'application/octet-stream' }), 'grande.pdf');
    const encoded = new Request('http://form.invalid', { method: 'POST', body: form });
    const answer = await requestKeepingEarlyAnswer(
      'POST',
      `${portal.url}/api/v1/requests/${requestId}/attachments`,
      { authorization: `Bearer ${ana}`, 'content-type': encoded.headers.get('content-type')! },
      Buffer.from(await encoded.arrayBuffer()),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ status: 413 });
    expect(await count()).toBe(before);
  });

  it('strips a path from the name: no traversal out of the storage folder', async () => {
    const answer = await upload(ana, requestId, '../../../../etc/cron.d/evil.txt', Buffer.from('hola'));
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('evil.txt');
    const { rows } = await portal.db.query(`SELECT storage_key FROM attachments WHERE id = $1`, [answer.body.id]);
    expect(rows[0].storage_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never lets another organization's member upload to or download from a request (404)", async () => {
    expect((await upload(marco, requestId, 'x.png', PNG)).status).toBe(404);
    const mine = await upload(ana, requestId, 'foto.png', PNG);
    const download = await portal.request('GET', `/api/v1/attachments/${mine.body.id}`, { token: marco });
    expect(download.status).toBe(404);
  });

  it('hides the files of an internal note from the member', async () => {
    const note = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: rep,
      body: { body: 'Nota interna con informe', internal: true },
    });
    expect(note.status).toBe(201);
    const file = await upload(rep, requestId, 'interno.pdf', PDF, { messageId: note.body.id });
    expect(file.status).toBe(201);
    expect((await portal.request('GET', `/api/v1/attachments/${file.body.id}`, { token: ana })).status).toBe(404);
    expect(
      (await fetch(`${portal.url}/api/v1/attachments/${file.body.id}`, { headers: { authorization: `Bearer ${rep}` } }))
        .status,
    ).toBe(200);
    const memberView = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: ana });
    expect(JSON.stringify(memberView.body)).not.toContain(file.body.id);
  });

  it("allows at most 5 files on one message, and only on the caller's own message", async () => {
    const reply = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: ana,
      body: { body: 'Van los documentos' },
    });
    for (let i = 0; i < 5; i++)
      expect((await upload(ana, requestId, `doc${i}.pdf`, PDF, { messageId: reply.body.id })).status).toBe(201);
    expect((await upload(ana, requestId, 'doc6.pdf', PDF, { messageId: reply.body.id })).status).toBe(409);
    expect((await upload(rep, requestId, 'rep.pdf', PDF, { messageId: reply.body.id })).status).toBe(403);
  });

  it('answers a request without multipart with 415 and without a file with 400', async () => {
    const json = await portal.request('POST', `/api/v1/requests/${requestId}/attachments`, {
      token: ana,
      body: { file: 'x' },
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('messageId', '00000000-0000-4000-8000-000000000000');
    const empty = await fetch(`${portal.url}/api/v1/requests/${requestId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana}` },
      body: form,
    });
    expect(empty.status).toBe(400);
  });
});
