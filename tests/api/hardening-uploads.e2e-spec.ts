import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip, docx, odt, pptx, xlsx, zipMentioningDocxParts } from '../../api/src/attachments/zip.fixtures';
import { type ApiAnswer, requestKeepingEarlyAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Issue 16, classes 3 and 4: uploads are decided on every field of the form whatever their
 * order, and a file's name must agree with its content. Every refusal is a 4xx problem
 * document that leaves no row and no file in ATTACHMENTS_DIR.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

type Part = { field: 'messageId'; value: string } | { field: 'file'; name: string; content: Buffer };

/** Every order of the parts (the same part twice counts as two parts). */
function orders(parts: Part[]): Part[][] {
  if (parts.length <= 1) return [parts];
  return parts.flatMap((part, i) =>
    orders([...parts.slice(0, i), ...parts.slice(i + 1)]).map((rest) => [part, ...rest]),
  );
}

const describeOrder = (parts: Part[]) => parts.map((p) => p.field).join(' → ');

let portal: TestPortal;
let attachmentsDir: string;
const tokens: Record<string, string> = {};
let requestId: string;
let otherOrgRequestId: string;
let assigneeEmail: string;
const message: Record<'staffReply' | 'internalNote' | 'memberOwn' | 'otherOrg', string> = {
  staffReply: '',
  internalNote: '',
  memberOwn: '',
  otherOrg: '',
};

const ANA = 'ana@valle-alto.example';
const MARCO = 'marco@tierra-viva.example';

async function upload(email: string, id: string, parts: Part[]): Promise<ApiAnswer> {
  const form = new FormData();
  for (const part of parts) {
    if (part.field === 'messageId') form.append('messageId', part.value);
    else form.append('file', new Blob([new Uint8Array(part.content)], { type: 'application/octet-stream' }), part.name);
  }
  const response = await fetch(`${portal.url}/api/v1/requests/${id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[email]}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** What an upload may leave behind: rows, and files on disk. */
async function stored(): Promise<{ rows: number; files: string[] }> {
  const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM attachments`);
  return { rows: rows[0].n, files: readdirSync(attachmentsDir).sort() };
}

function expectProblem(answer: ApiAnswer, status: number, code?: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { status, ...(code ? { code } : {}) },
  });
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ title: expect.any(String), detail: expect.any(String) });
}

/** Refused, as a problem document, with nothing written. */
async function expectRefusedWithoutTrace(
  email: string,
  id: string,
  parts: Part[],
  status: number,
  code?: string,
): Promise<void> {
  const before = await stored();
  expectProblem(await upload(email, id, parts), status, code);
  expect(await stored()).toEqual(before);
}

async function post(email: string, path: string, body: unknown): Promise<ApiAnswer> {
  const answer = await portal.request('POST', `/api/v1${path}`, { token: tokens[email], body });
  if (answer.status !== 201) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

beforeAll(async () => {
  attachmentsDir = mkdtempSync(join(tmpdir(), 'portal-attachments-'));
  portal = await startTestPortal({ env: { ATTACHMENTS_DIR: attachmentsDir } });
  for (const email of [ANA, MARCO]) tokens[email] = (await portal.login(email)).accessToken;
  const created = await post(ANA, '/requests', {
    area: 'standards-compliance',
    subject: 'Acta de la asamblea',
    description: 'Adjuntamos el acta.',
  });
  requestId = created.body.id;
  const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
  assigneeEmail = rows[0].email;
  tokens[assigneeEmail] = (await portal.login(assigneeEmail)).accessToken;
  message.staffReply = (
    await post(assigneeEmail, `/requests/${requestId}/messages`, { body: 'Respuesta de la representante' })
  ).body.id;
  message.internalNote = (
    await post(assigneeEmail, `/requests/${requestId}/messages`, { body: 'Nota interna', internal: true })
  ).body.id;
  message.memberOwn = (await post(ANA, `/requests/${requestId}/messages`, { body: 'Van los documentos' })).body.id;
  otherOrgRequestId = (
    await post(MARCO, '/requests', {
      area: 'market-access',
      subject: 'Compradores',
      description: 'Buscamos compradores.',
    })
  ).body.id;
  message.otherOrg = (
    await post(MARCO, `/requests/${otherOrgRequestId}/messages`, { body: 'Un mensaje de otra organización' })
  ).body.id;
  for (const id of Object.values(message)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});

afterAll(async () => {
  await portal?.stop();
  rmSync(attachmentsDir, { recursive: true, force: true });
});

describe('upload checks do not depend on the order of the form fields', () => {
  const file: Part = { field: 'file', name: 'acta.pdf', content: PDF };
  const onMessage = (key: keyof typeof message): Part[] => [{ field: 'messageId', value: message[key] }, file];

  const refusals: [string, string, () => Part[], () => string, number, string | undefined][] = [
    [
      "a member's file on the staff's public reply",
      ANA,
      () => onMessage('staffReply'),
      () => requestId,
      403,
      'requests.forbidden',
    ],
    // An internal note is no message at all to a member (its existence is not confirmed).
    [
      "a member's file on an internal note",
      ANA,
      () => onMessage('internalNote'),
      () => requestId,
      400,
      'validation.failed',
    ],
    [
      "a member's file on a message of another organization's request",
      ANA,
      () => onMessage('otherOrg'),
      () => requestId,
      400,
      'validation.failed',
    ],
    [
      "the staff's file on the member's message",
      'assignee',
      () => onMessage('memberOwn'),
      () => requestId,
      403,
      'requests.forbidden',
    ],
    [
      "a member's file on another organization's request",
      ANA,
      () => [{ field: 'messageId', value: message.otherOrg }, file],
      () => otherOrgRequestId,
      404,
      'not-found',
    ],
    // The same field twice: the first checked, the second stored, was the way around the checks.
    [
      'messageId sent twice (own message and the staff reply)',
      ANA,
      () => [...onMessage('memberOwn'), { field: 'messageId', value: message.staffReply }],
      () => requestId,
      400,
      'validation.failed',
    ],
  ];

  for (const [label, who, parts, target, status, code] of refusals) {
    it(`refuses ${label} in every order, leaving no row and no file`, async () => {
      const email = who === 'assignee' ? assigneeEmail : who;
      for (const order of orders(parts())) {
        await expectRefusedWithoutTrace(email, target(), order, status, code).catch((error: Error) => {
          throw new Error(`${describeOrder(order)}: ${error.message}`);
        });
      }
    });
  }

  it("attaches a member's file to its own message in every order, recording that message", async () => {
    for (const order of orders(onMessage('memberOwn'))) {
      const answer = await upload(ANA, requestId, order);
      expect({ order: describeOrder(order), status: answer.status }).toEqual({
        order: describeOrder(order),
        status: 201,
      });
      expect(answer.body.messageId).toBe(message.memberOwn);
      const { rows } = await portal.db.query(`SELECT message_id, storage_key FROM attachments WHERE id = $1`, [
        answer.body.id,
      ]);
      expect(rows[0].message_id).toBe(message.memberOwn);
      expect(readdirSync(attachmentsDir)).toContain(rows[0].storage_key);
    }
  });

  it('holds to 5 files per message in every order', async () => {
    const reply = (await post(ANA, `/requests/${requestId}/messages`, { body: 'Cinco documentos' })).body.id as string;
    const parts: Part[] = [{ field: 'messageId', value: reply }, file];
    const both = orders(parts);
    for (let i = 0; i < 5; i++) expect((await upload(ANA, requestId, both[i % both.length])).status).toBe(201);
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM attachments WHERE message_id = $1`, [reply]);
    expect(rows[0].n).toBe(5);
    for (const order of orders(parts))
      await expectRefusedWithoutTrace(ANA, requestId, order, 409, 'attachments.too-many');
  });

  it('holds to 5 files per message when 8 uploads to it arrive at once, leaving files only for the rows', async () => {
    const reply = (await post(ANA, `/requests/${requestId}/messages`, { body: 'Ocho a la vez' })).body.id as string;
    const before = await stored();
    const parts: Part[] = [file, { field: 'messageId', value: reply }];
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(ANA, requestId, i % 2 ? parts : [...parts].reverse())),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409]);
    const after = await stored();
    expect(after.rows).toBe(before.rows + 5);
    expect(after.files.length).toBe(before.files.length + 5);
  });

  it('refuses a file over 10 MB sent before its messageId with 413, leaving no row and no file', async () => {
    const before = await stored();
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]))]),
      'grande.pdf',
    );
    form.append('messageId', message.memberOwn);
    const encoded = new Request('http://form.invalid', { method: 'POST', body: form });
    const answer = await requestKeepingEarlyAnswer(
      'POST',
      `${portal.url}/api/v1/requests/${requestId}/attachments`,
      { authorization: `Bearer ${tokens[ANA]}`, 'content-type': encoded.headers.get('content-type')! },
      Buffer.from(await encoded.arrayBuffer()),
    );
    expect(answer).toMatchObject({ status: 413, body: { status: 413, code: 'attachments.too-large' } });
    expect(await stored()).toEqual(before);
  });
});

describe("a file's name must agree with its content", () => {
  const send = (name: string, content: Buffer) => upload(ANA, requestId, [{ field: 'file', name, content }]);

  it.each(['exe', 'bat', 'js', 'svg', 'hta', 'html', 'png', 'docx'])(
    'refuses a PDF named .%s with 415, leaving no row and no file',
    async (extension) => {
      await expectRefusedWithoutTrace(
        ANA,
        requestId,
        [{ field: 'file', name: `factura.${extension}`, content: PDF }],
        415,
        'attachments.name-refused',
      );
    },
  );

  it('refuses a PDF whose name only looks like a PDF (a right-to-left override before "fdp.hta")', async () => {
    const before = await stored();
    const answer = await send('invoice\u202Efdp.hta', PDF);
    expectProblem(answer, 415, 'attachments.name-refused');
    expect(answer.body).toMatchObject({ extension: 'hta', contentType: 'application/pdf', allowedExtensions: ['pdf'] });
    expect(await stored()).toEqual(before);
  });

  it('refuses names whose trailing dots or spaces hide an executable extension', async () => {
    for (const name of ['factura.exe.', 'factura.exe . ', 'factura.exe\u200B']) {
      await expectRefusedWithoutTrace(
        ANA,
        requestId,
        [{ field: 'file', name, content: PDF }],
        415,
        'attachments.name-refused',
      );
    }
  });

  it('refuses an image named as another image type', async () => {
    await expectRefusedWithoutTrace(
      ANA,
      requestId,
      [{ field: 'file', name: 'foto.jpg', content: PNG }],
      415,
      'attachments.name-refused',
    );
  });

  it('stores names without bidi or invisible characters, and serves them so', async () => {
    const answer = await send('acta\u202Egpj\u200B.pdf', PDF);
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('actagpj.pdf');
    const { rows } = await portal.db.query(`SELECT file_name FROM attachments WHERE id = $1`, [answer.body.id]);
    expect(rows[0].file_name).toBe('actagpj.pdf');
    const download = await fetch(`${portal.url}/api/v1/attachments/${answer.body.id}`, {
      headers: { authorization: `Bearer ${tokens[ANA]}` },
    });
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="actagpj.pdf"; filename*=UTF-8''actagpj.pdf`,
    );
  });

  it('keeps an agreeing extension in any case, and gives a name without one its type', async () => {
    expect((await send('FOTO.JPG', JPEG)).body).toMatchObject({ name: 'FOTO.JPG', contentType: 'image/jpeg' });
    expect((await send('foto.jpeg', JPEG)).body).toMatchObject({ name: 'foto.jpeg', contentType: 'image/jpeg' });
    expect((await send('acta', PDF)).body).toMatchObject({ name: 'acta.pdf', contentType: 'application/pdf' });
  });

  it('accepts real DOCX, XLSX and ODT packages under their own extensions', async () => {
    expect((await send('acta.docx', docx())).body).toMatchObject({
      name: 'acta.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect((await send('cosecha.xlsx', xlsx())).body).toMatchObject({
      name: 'cosecha.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect((await send('informe.odt', odt())).body).toMatchObject({
      name: 'informe.odt',
      contentType: 'application/vnd.oasis.opendocument.text',
    });
    await expectRefusedWithoutTrace(
      ANA,
      requestId,
      [{ field: 'file', name: 'acta.pdf', content: docx() }],
      415,
      'attachments.name-refused',
    );
  });

  it('refuses ZIPs that only mention the parts of a DOCX, and formats not accepted, with 415', async () => {
    const markersOnly = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('[Content_Types].xml'),
      Buffer.from('word/document.xml'),
    ]);
    for (const content of [
      zipMentioningDocxParts(),
      markersOnly,
      pptx(),
      buildZip([{ name: 'payload.exe', content: 'MZ' }]),
    ]) {
      await expectRefusedWithoutTrace(
        ANA,
        requestId,
        [{ field: 'file', name: 'acta.docx', content }],
        415,
        'attachments.type-refused',
      );
    }
  });
});
