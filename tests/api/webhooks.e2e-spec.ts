import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiProcess, startTestPortal, type TestPortal } from '../support/api-harness';
import { until } from '../support/until';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver of the test's own: records every POST and answers with `status`. */
async function startReceiver(status: number): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

/** The Standard Webhooks signature, computed here independently of the API's code. */
function expectedSignature(secret: string, received: Received): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${String(received.headers['webhook-id'])}.${String(received.headers['webhook-timestamp'])}.${received.body}`;
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

/**
 * Webhooks (issue 23): endpoints registered by an admin, deliveries queued with the change
 * (the outbox), signed, sent once even with two API processes delivering, retried, and
 * the endpoint disabled after failures in a row with the admins told; the delivery log
 * and redelivery.
 */
describe('webhooks', () => {
  let portal: TestPortal;
  let second: ApiProcess;
  let good: Awaited<ReturnType<typeof startReceiver>>;
  let failing: Awaited<ReturnType<typeof startReceiver>>;
  const token: Record<string, string> = {};
  const member = 'joana@apicultores-sertao.example';
  const admin = 'admin@clac.example';
  let goodEndpoint: { id: string; secret: string };

  const submit = async (subject: string) => {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: token[member],
      body: { area: 'market-access', subject, description: 'Detalle de la consulta.' },
    });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; reference: string };
  };
  const deliveries = async (endpointId: string) =>
    (await portal.request('GET', `/api/v1/webhooks/${endpointId}/deliveries?pageSize=100`, { token: token[admin] }))
      .body;

  beforeAll(async () => {
    good = await startReceiver(204);
    failing = await startReceiver(500);
    portal = await startTestPortal({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '0',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
        OUTBOX_POLL_MS: '100',
      },
    });
    for (const email of [member, admin, 'rep.br@clac.example']) token[email] = (await portal.login(email)).accessToken;
  });
  afterAll(async () => {
    await second?.kill();
    await portal?.stop();
    good?.server.close();
    failing?.server.close();
  });

  it('refuses what is not an endpoint, and anyone but an admin', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM webhook_endpoints`)).rows[0].n;
    const ftp = await portal.request('POST', '/api/v1/webhooks', {
      token: token[admin],
      body: { url: 'ftp://127.0.0.1/hook', events: ['request.created'] },
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.code).toBe('webhooks.target-refused');
    const badEvent = await portal.request('POST', '/api/v1/webhooks', {
      token: token[admin],
      body: { url: good.url, events: ['request.note_added'] },
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.code).toBe('validation.failed');
    const staff = await portal.request('POST', '/api/v1/webhooks', {
      token: token['rep.br@clac.example'],
      body: { url: good.url, events: ['request.created'] },
    });
    expect(staff.status).toBe(403);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM webhook_endpoints`)).rows[0].n).toBe(before);
  });

  it('registers an endpoint: the secret shown once, kept encrypted, the change audited', async () => {
    const created = await portal.request('POST', '/api/v1/webhooks', {
      token: token[admin],
      body: {
        url: good.url,
        description: 'CRM',
        events: ['request.created', 'request.message_added'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    goodEndpoint = { id: created.body.id, secret: created.body.secret };
    const listed = await portal.request('GET', '/api/v1/webhooks', { token: token[admin] });
    expect(listed.body).toEqual([expect.objectContaining({ id: goodEndpoint.id, enabled: true })]);
    expect(listed.body[0].secret).toBeUndefined();
    const stored = await portal.db.query(`SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1`, [
      goodEndpoint.id,
    ]);
    expect(stored.rows[0].secret_encrypted).not.toContain(goodEndpoint.secret.slice(6));
    const audited = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'webhook.created' AND entity_id = $1`,
      [goodEndpoint.id],
    );
    expect(audited.rows[0].n).toBe(1);
  });

  it('delivers each event once, signed, with two API processes sending; internal notes are never sent', async () => {
    second = await portal.startAnother();
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await submit(`Consulta de prueba número ${i + 1}`));
    const note = await portal.request('POST', `/api/v1/requests/${filed[0].id}/messages`, {
      token: token[admin],
      body: { body: 'Nota interna secreta', internal: true },
    });
    expect(note.status).toBe(201);
    const reply = await portal.request('POST', `/api/v1/requests/${filed[0].id}/messages`, {
      token: token[admin],
      body: { body: 'Respuesta pública al miembro' },
    });
    expect(reply.status).toBe(201);

    await until(async () => good.received.length >= 7, 'seven deliveries');
    // Let both workers poll several more times: nothing more may come.
    const log = async () => (await deliveries(goodEndpoint.id)).items as { status: string; attempts: number }[];
    await until(async () => (await log()).every((d) => d.status === 'delivered'), 'all delivered');
    expect(good.received).toHaveLength(7);
    const ids = good.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(7);
    for (const received of good.received) {
      expect(received.headers['webhook-signature']).toBe(expectedSignature(goodEndpoint.secret, received));
      expect(Math.abs(Number(received.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
      expect(received.headers['content-type']).toBe('application/json');
    }
    const payloads = good.received.map((r) => JSON.parse(r.body));
    expect(
      payloads
        .filter((p) => p.type === 'request.created')
        .map((p) => p.data.reference)
        .sort(),
    ).toEqual(filed.map((f) => f.reference).sort());
    const messages = payloads.filter((p) => p.type === 'request.message_added');
    expect(messages).toHaveLength(1);
    expect(messages[0].data).toMatchObject({ requestId: filed[0].id, messageId: reply.body.id ?? expect.any(String) });
    expect(good.received.some((r) => r.body.includes('Nota interna') || r.body.includes('Respuesta pública'))).toBe(
      false,
    );
    expect((await log()).every((d) => d.attempts === 1)).toBe(true);

    // The bodies are the ones the API document describes, one entry per event.
    const doc = (await portal.request('GET', '/api/docs-json')).body;
    expect(Object.keys(doc['x-webhooks']).sort()).toEqual([
      'request.assigned',
      'request.created',
      'request.message_added',
      'request.rated',
      'request.status_changed',
    ]);
    const schema = doc.components.schemas.WebhookPayload;
    expect(doc['x-webhooks']['request.created'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/WebhookPayload',
    );
    for (const payload of payloads) {
      expect(Object.keys(payload).sort()).toEqual(Object.keys(schema.properties).sort());
      expect(Object.keys(payload.data).sort()).toEqual(Object.keys(schema.properties.data.properties).sort());
    }
  });

  it('retries a failing receiver, disables the endpoint after three failures in a row and tells the admins', async () => {
    const created = await portal.request('POST', '/api/v1/webhooks', {
      token: token[admin],
      body: { url: failing.url, events: ['request.created'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await submit('Consulta para un receptor que falla');
    await until(
      async () =>
        (await portal.request('GET', '/api/v1/webhooks', { token: token[admin] })).body.find(
          (e: { id: string }) => e.id === id,
        ).enabled === false,
      'the failing endpoint disabled',
    );
    const endpoint = (await portal.request('GET', '/api/v1/webhooks', { token: token[admin] })).body.find(
      (e: { id: string }) => e.id === id,
    );
    expect(endpoint).toMatchObject({ consecutiveFailures: 3, disabledReason: 'failures' });
    // The same message three times (retries keep their webhook-id), then nothing more.
    expect(failing.received).toHaveLength(3);
    expect(new Set(failing.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const log = (await deliveries(id)).items;
    expect(log).toEqual([expect.objectContaining({ status: 'pending', attempts: 3, lastStatusCode: 500 })]);
    const told = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE n.kind = 'account.webhook-disabled' AND u.email = $1`,
      [admin],
    );
    expect(told.rows[0].n).toBe(1);
    // A disabled endpoint gets no new deliveries.
    await submit('Otra consulta mientras está desactivado');
    expect((await deliveries(id)).total).toBe(1);

    // Enabled again: its failures start over (and its pending delivery is tried again).
    const enabled = await portal.request('PATCH', `/api/v1/webhooks/${id}`, {
      token: token[admin],
      body: { enabled: true, events: ['request.created', 'request.rated'] },
    });
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
    const removed = await portal.request('DELETE', `/api/v1/webhooks/${id}`, { token: token[admin] });
    expect(removed.status).toBe(204);
  });

  it('redelivers from the log with the same webhook-id', async () => {
    // The requests of the test above went to this endpoint too: first let them all arrive.
    let log: { id: string; messageId: string; status: string }[] = [];
    await until(async () => {
      log = (await deliveries(goodEndpoint.id)).items;
      return log.every((d) => d.status === 'delivered') && good.received.length === log.length;
    }, 'the earlier deliveries');
    const first = log[log.length - 1];
    const before = good.received.length;
    const again = await portal.request('POST', `/api/v1/webhooks/${goodEndpoint.id}/deliveries/${first.id}/redeliver`, {
      token: token[admin],
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ messageId: first.messageId, status: 'pending' });
    await until(async () => good.received.length === before + 1, 'the redelivery');
    expect(good.received[before].headers['webhook-id']).toBe(first.messageId);
    expect(good.received[before].headers['webhook-signature']).toBe(
      expectedSignature(goodEndpoint.secret, good.received[before]),
    );
    const unknown = await portal.request(
      'POST',
      `/api/v1/webhooks/${goodEndpoint.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`,
      { token: token[admin] },
    );
    expect(unknown.status).toBe(404);
  });

  it('refuses private addresses where the setting does not allow them (SSRF)', async () => {
    await second.kill();
    await portal.restart({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    for (const url of [good.url, 'https://127.0.0.1/hook', 'https://169.254.169.254/latest', 'https://localhost/x']) {
      const refused = await portal.request('POST', '/api/v1/webhooks', {
        token: token[admin],
        body: { url, events: ['request.created'] },
      });
      expect([url, refused.status, refused.body.code]).toEqual([url, 400, 'webhooks.target-refused']);
    }
  });
});
