import { Client } from 'pg';
import { type EmbeddedDefaultPortal, startEmbeddedDefaultPortal } from '../support/api-harness';

/** The test's own loopback port for the embedded database (jest runs two files at once: this one is unique to this file). */
const EMBEDDED_PORT = 54331;
import {
  call,
  checkAfterwards,
  type LoadResult,
  loadPeople,
  mixedRound,
  signIn,
  SUBMISSIONS_PER_ROUND,
} from '../support/mixed-load';

/**
 * The portal as a newcomer starts it (`npm start`: no DATABASE_URL, PGlite in a data
 * folder), used by 17 people at once. Before the session layer (api/src/database/embedded),
 * connections' queries interleaved in PGlite's one session: 401s with valid tokens, 500s,
 * and a member answered with another member's identity.
 */
describe('the embedded default under concurrent use', () => {
  let portal: EmbeddedDefaultPortal;
  const people = loadPeople();

  beforeAll(async () => {
    // A fixed port to look inside; maintenance soon (it has no autovacuum); without the demo
    // history, since the calls count the requests they file (tests/api/demo-history covers it).
    portal = await startEmbeddedDefaultPortal({
      DEMO_HISTORY: 'false',
      EMBEDDED_DATABASE_PORT: String(EMBEDDED_PORT),
      EMBEDDED_MAINTENANCE_SECONDS: '2',
    });
  }, 180_000);
  afterAll(async () => {
    await portal?.stop();
  });

  it('gives every caller its own answer in three rounds of 200+ concurrent mixed calls from 17 people', async () => {
    await signIn(portal.url, people);
    const result: LoadResult = { calls: [], seen: new Map(), created: new Map() };
    for (let round = 1; round <= 3; round++) {
      const before = result.calls.length;
      await mixedRound(portal.url, people, round, result);
      expect(result.calls.length - before).toBeGreaterThanOrEqual(200);
    }
    expect(new Set(result.calls.map((c) => c.person)).size).toBeGreaterThanOrEqual(10);
    expect(result.calls.filter((c) => c.problem !== null)).toEqual([]);
    expect(result.calls.filter((c) => c.status >= 500 || c.status === 401 || c.status === 0)).toEqual([]);
    // Every submission was a 201 for its own person and organization.
    for (const person of people.filter((p) => p.kind === 'member'))
      expect(result.created.get(person.email)).toHaveLength(3 * SUBMISSIONS_PER_ROUND);
    expect(await checkAfterwards(portal.url, people, result)).toEqual([]);
  }, 600_000);

  it('runs VACUUM (ANALYZE) itself, since PGlite has no autovacuum', async () => {
    const db = new Client({ connectionString: `postgres://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres` });
    await db.connect();
    try {
      let analyzed = false;
      for (let attempt = 0; attempt < 40 && !analyzed; attempt++) {
        const { rows } = await db.query(
          `SELECT last_analyze IS NOT NULL AND last_vacuum IS NOT NULL AS done FROM pg_stat_user_tables WHERE relname = 'requests'`,
        );
        analyzed = rows[0].done;
        if (!analyzed) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(analyzed).toBe(true);
    } finally {
      await db.end();
    }
  });

  it('keeps the data folder across a restart', async () => {
    const ana = people.find((p) => p.email === 'ana@valle-alto.example')!;
    await portal.restart();
    const login = await call(portal.url, 'POST', '/api/v1/auth/login', {
      body: { email: ana.email, password: 'Demo-2026!' },
    });
    expect(login.status).toBe(200);
    const kept = await call(portal.url, 'GET', `/api/v1/requests/${ana.keyedRequest!.id}`, {
      token: login.body.accessToken,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.subject).toContain(ana.email);
  }, 180_000);
});
