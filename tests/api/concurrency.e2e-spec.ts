import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('submissions under concurrency', () => {
  let portal: TestPortal;
  let ana: string;
  let luis: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
    luis = (await portal.login('luis@valle-alto.example')).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const body = (i: number) => ({
    area: 'market-access',
    subject: `Pedido de información ${i}`,
    description: 'Compradores de café en Europa.',
  });

  it('splits 40 concurrent Peru submissions 20/20 between the two Peru representatives, with 40 distinct references', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        portal.request('POST', '/api/v1/requests', { token: i % 2 ? ana : luis, body: body(i) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const references = new Set(answers.map((a) => a.body.reference));
    expect(references.size).toBe(40);
    const byAssignee: Record<string, number> = {};
    for (const answer of answers)
      byAssignee[answer.body.assignee.name] = (byAssignee[answer.body.assignee.name] ?? 0) + 1;
    expect(byAssignee).toEqual({ 'Rosa Quispe': 20, 'Jorge Huamán': 20 });
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(rows[0].n).toBe(40);
  });

  it('creates one request for the same Idempotency-Key sent 5 times, and returns the same body each time', async () => {
    const send = () =>
      portal.request('POST', '/api/v1/requests', {
        token: ana,
        body: body(100),
        headers: { 'Idempotency-Key': 'retry-key-sequential' },
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send());
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests WHERE subject = 'Pedido de información 100'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('creates one request when the same Idempotency-Key arrives 5 times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        portal.request('POST', '/api/v1/requests', {
          token: ana,
          body: body(200),
          headers: { 'Idempotency-Key': 'retry-key-concurrent' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests WHERE subject = 'Pedido de información 200'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('keeps keys apart per person, and refuses a key reused for a different request with 409', async () => {
    const a = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: body(300),
      headers: { 'Idempotency-Key': 'shared-key' },
    });
    const b = await portal.request('POST', '/api/v1/requests', {
      token: luis,
      body: body(300),
      headers: { 'Idempotency-Key': 'shared-key' },
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    const changed = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: body(301),
      headers: { 'Idempotency-Key': 'shared-key' },
    });
    expect(changed.status).toBe(409);
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests WHERE subject = 'Pedido de información 301'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('adds one reply for the same Idempotency-Key sent at once and again (a reply queued offline), refuses the key for another text', async () => {
    const request = (await portal.request('POST', '/api/v1/requests', { token: ana, body: body(400) })).body;
    const reply = (text: string, key: string) =>
      portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
        token: ana,
        body: { body: text },
        headers: { 'Idempotency-Key': key },
      });
    const answers = await Promise.all(Array.from({ length: 4 }, () => reply('Enviado sin conexión', 'reply-key')));
    answers.push(await reply('Enviado sin conexión', 'reply-key'));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);

    const changed = await reply('Otro texto', 'reply-key');
    expect(changed.status).toBe(409);
    const badKey = await reply('Otro texto', 'clave con espacios');
    expect(badKey.status).toBe(400);
    const { rows } = await portal.db.query<{ body: string }>(
      `SELECT body FROM request_messages WHERE request_id = $1 AND body IN ('Enviado sin conexión', 'Otro texto')`,
      [request.id],
    );
    expect(rows.map((row) => row.body)).toEqual(['Enviado sin conexión']);
  });
});
