import { randomUUID } from 'node:crypto';
import { startTestPortal, type TestPortal } from '../support/api-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count()` reaches `atLeast` (polling; a loaded machine only makes it slower). */
async function waitForCount(count: () => number, atLeast: number, what: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; count() < atLeast; await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${count()} of ${atLeast} after 20 s`);
  }
}

/**
 * A member's phone: submits requests one after another, each with its own Idempotency-Key,
 * and retries a submission until it gets a 201, the way the web app does after a dropped
 * connection. Returns the keys and the bodies of the 201 answers.
 */
function startSubmitting(portal: TestPortal, token: string, label: string) {
  let stopped = false;
  const created = new Map<string, { id: string; subject: string }>();
  const failures: string[] = [];
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      const key = randomUUID();
      const subject = `${label} ${i}`;
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await portal.request('POST', '/api/v1/requests', {
            token,
            headers: { 'Idempotency-Key': key },
            body: { area: 'market-access', subject, description: 'Carga durante una falla.' },
          });
          if (answer.status === 201) {
            created.set(key, { id: answer.body.id, subject });
            break;
          }
          if (answer.status !== 503) failures.push(`${answer.status} ${JSON.stringify(answer.body)}`);
        } catch {
          // The connection dropped or was refused: retry with the same key.
        }
        if (attempt > 200) throw new Error(`${subject} never succeeded`);
        await sleep(100);
      }
    }
  })();
  return {
    created,
    failures,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

describe('faults: the database going away, the API killed or stopped', () => {
  describe('database outage under load', () => {
    let portal: TestPortal;
    beforeAll(async () => {
      portal = await startTestPortal({ viaProxy: true });
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it('reports 503 while the database is down, recovers without a restart, and keeps every submission that got a 201', async () => {
      const token = (await portal.login('ana@valle-alto.example')).accessToken;
      const phones = [1, 2, 3, 4].map((n) => startSubmitting(portal, token, `Falla de base ${n}`));
      const createdSoFar = () => phones.reduce((sum, p) => sum + p.created.size, 0);
      await waitForCount(createdSoFar, 4, 'submissions before the outage');
      const port = portal.proxy!.port;
      await portal.proxy!.stop();
      await sleep(300);
      const ready = await portal.request('GET', '/api/v1/health/ready');
      expect(ready.status).toBe(503);
      const during = await portal.request('POST', '/api/v1/requests', {
        token,
        body: { area: 'market-access', subject: 'Durante la caída', description: 'x' },
      });
      expect(during.status).toBe(503);
      expect(during.body).toMatchObject({ status: 503, code: 'database-unavailable' });
      await sleep(1200);
      const beforeRecovery = createdSoFar();
      await portal.proxy!.start(port);
      // Recovered without a restart: the phones' submissions (their retries first) get 201s again.
      await waitForCount(createdSoFar, beforeRecovery + 4, 'submissions after the outage');
      for (const phone of phones) await phone.stop();

      expect((await portal.request('GET', '/api/v1/health/ready')).status).toBe(200);
      const created = phones.flatMap((p) => [...p.created.values()]);
      expect(created.length).toBeGreaterThanOrEqual(8);
      expect(phones.flatMap((p) => p.failures)).toEqual([]);
      const { rows } = await portal.db.query(`SELECT id, subject FROM requests WHERE subject LIKE 'Falla de base %'`);
      // Every 201 is in the database, and nothing was stored twice.
      expect(rows.map((r: { id: string }) => r.id).sort()).toEqual(created.map((c) => c.id).sort());
    });
  });

  describe('the API process killed and stopped', () => {
    let portal: TestPortal;
    beforeAll(async () => {
      portal = await startTestPortal();
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it('loses nothing and duplicates nothing when killed with SIGKILL while clients retry with their Idempotency-Key', async () => {
      const token = (await portal.login('joana@apicultores-sertao.example')).accessToken;
      const phones = [1, 2, 3].map((n) => startSubmitting(portal, token, `Proceso muerto ${n}`));
      await sleep(700);
      await portal.api().kill('SIGKILL');
      await portal.restart();
      await sleep(1000);
      for (const phone of phones) await phone.stop();
      const created = phones.flatMap((p) => [...p.created.entries()]);
      expect(created.length).toBeGreaterThan(5);
      const { rows } = await portal.db.query(
        `SELECT r.id, r.subject, k.key FROM requests r LEFT JOIN idempotency_keys k ON k.response->>'id' = r.id::text WHERE r.subject LIKE 'Proceso muerto %'`,
      );
      // One request per submission the phones made, each under the key it was sent with.
      expect(rows).toHaveLength(created.length);
      expect(new Set(rows.map((r: { subject: string }) => r.subject)).size).toBe(rows.length);
      expect(rows.map((r: { key: string }) => r.key).sort()).toEqual(created.map(([key]) => key).sort());
    });

    it('finishes in-flight requests on SIGTERM before it exits', async () => {
      const token = (await portal.login('jean@kafe-mon-no.example')).accessToken;
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        portal
          .request('POST', '/api/v1/requests', {
            token,
            body: { area: 'social-inclusion', subject: `Apagado suave ${i}`, description: 'x' },
          })
          .then(
            (answer) => ({ status: answer.status, id: answer.body.id as string }),
            (error: { cause?: { code?: string } }) => ({ status: 0, code: error.cause?.code ?? 'unknown' }),
          ),
      );
      await sleep(15);
      const exited = portal.api().kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      await exited;
      const completed = answers.filter((a): a is { status: number; id: string } => a.status === 201 && 'id' in a);
      // Requests the server had not taken in yet are turned away (503 while closing, a
      // refused or reset connection); nothing else may happen to a request.
      const turnedAway = (a: { status: number; code?: string }) =>
        a.status === 503 || ['ECONNREFUSED', 'ECONNRESET'].includes(a.code ?? '');
      expect(answers.filter((a) => a.status !== 201 && !turnedAway(a))).toEqual([]);
      expect(completed.length).toBeGreaterThan(0);
      // Every request it took in was finished and answered: no row without its 201.
      const { rows } = await portal.db.query(`SELECT id FROM requests WHERE subject LIKE 'Apagado suave %'`);
      expect(rows.map((r: { id: string }) => r.id).sort()).toEqual(completed.map((a) => a.id).sort());
      await portal.restart();
    });
  });
});
