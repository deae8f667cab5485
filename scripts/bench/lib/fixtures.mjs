// The bench's own accounts in the volume database, and the removal of what a run wrote.
//
// The seeded people have no passwords (they were never invited) and the demo accounts only
// accept the demo password in demo mode, so the bench signs in with a password of its own
// (hashed by the API's own argon2id hasher): members it adds to existing organizations in
// every country (@bench.example), two directors it adds (@bench.example, scope: a whole
// region; marked unavailable, so routing never gives them a request), and as representatives
// two of the seeded ones, with a whole country each and years of requests assigned, whose
// password it sets (without a volume seed: two representatives of its own). After the run,
// everything the bench's sign-ins and submissions wrote is deleted again (requests with their
// events, messages and notifications, idempotency keys, sessions; the reports' pending
// changes are folded as their job does); the accounts stay.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from './processes.mjs';

const require = createRequire(import.meta.url);
const { hashPassword } = require(join(ROOT, 'api', 'dist', 'api', 'src', 'auth', 'password-hasher.js'));

export const BENCH_PASSWORD = 'Bench-load-2026!';
const DOMAIN = 'bench.example';

/** Staff of the bench's own: two directors (whole regions) and, without seeded ones, two representatives. */
const DIRECTORS = [
  {
    email: `bench.director.and@${DOMAIN}`,
    name: 'Bench Director Andes',
    role: 'director',
    region: 'AND',
    coverage: [],
  },
  {
    email: `bench.director.cam@${DOMAIN}`,
    name: 'Bench Director Central America',
    role: 'director',
    region: 'CAM',
    coverage: [],
  },
];
const OWN_REPRESENTATIVES = [
  {
    email: `bench.rep.mx@${DOMAIN}`,
    name: 'Bench Representative Mexico',
    role: 'representative',
    region: null,
    coverage: [{ country: 'MX' }],
  },
  {
    email: `bench.rep.co@${DOMAIN}`,
    name: 'Bench Representative Colombia',
    role: 'representative',
    region: null,
    coverage: [{ country: 'CO' }],
  },
];
/** Seeded representatives, never the demo accounts (their password is the demo one). */
export const REPRESENTATIVE_COUNTRIES = ['MX', 'CO'];
export const SEEDED_REPRESENTATIVES = `
  SELECT DISTINCT ON (c.country_code) u.id, u.email, c.country_code
  FROM users u JOIN coverage_entries c ON c.user_id = u.id
  WHERE u.role = 'representative' AND u.active AND u.email NOT LIKE '%@clac.example' AND u.email NOT LIKE '%@${DOMAIN}'
    AND c.country_code = ANY($1) AND c.area_code IS NULL
  ORDER BY c.country_code, u.email`;

export async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * What the person searches for in a request they can see, a hundred back from the newest of
 * their region (a director) or country (a representative): its reference (as staff paste one
 * from an email), its organization's name and the name of the member who filed it.
 */
export async function visibleSample(db, { role, region, country }) {
  const { rows } = await db.query(
    `SELECT r.reference, o.name AS organization, u.name AS member
     FROM requests r JOIN organizations o ON o.id = r.organization_id JOIN users u ON u.id = r.created_by
     WHERE r.${role === 'director' ? 'region_code' : 'country_code'} = $1 AND r.created_at <= now()
     ORDER BY r.created_at DESC OFFSET 100 LIMIT 1`,
    [role === 'director' ? region : country],
  );
  return rows[0];
}

export async function countRequests(db) {
  return Number((await db.query('SELECT count(*) AS n FROM requests')).rows[0].n);
}

/** Creates (or refreshes) the bench accounts; answers the members and the staff, by role. */
export async function prepareAccounts(db, { membersPerCountry = 2 } = {}) {
  const hash = await hashPassword(BENCH_PASSWORD);
  await cleanUp(db);
  // Active organizations, the first few of each country (a stable choice from run to run).
  const { rows: organizations } = await db.query(
    `SELECT id, country_code FROM (
       SELECT o.id, o.country_code, row_number() OVER (PARTITION BY o.country_code ORDER BY o.created_at, o.id) AS n
       FROM organizations o WHERE o.active) ranked
     WHERE n <= $1 ORDER BY country_code, n`,
    [membersPerCountry],
  );
  const members = [];
  for (const [i, organization] of organizations.entries()) {
    const email = `bench.member.${organization.country_code.toLowerCase()}.${i}@${DOMAIN}`;
    const { rows } = await db.query(
      `INSERT INTO users (email, name, role, language, organization_id, password_hash, active, available)
       VALUES ($1, $2, 'member', 'es', $3, $4, true, true)
       ON CONFLICT ((lower(email))) DO UPDATE SET organization_id = EXCLUDED.organization_id, password_hash = EXCLUDED.password_hash, active = true
       RETURNING id`,
      [email, `Bench member ${i}`, organization.id, hash],
    );
    members.push({ id: rows[0].id, email, country: organization.country_code });
  }
  const staff = [];
  const seeded = (await db.query(SEEDED_REPRESENTATIVES, [REPRESENTATIVE_COUNTRIES])).rows;
  for (const person of seeded) {
    await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [person.id, hash]);
    staff.push({
      id: person.id,
      email: person.email,
      role: 'representative',
      region: null,
      coverage: [{ country: person.country_code }],
    });
  }
  for (const person of [...(seeded.length ? [] : OWN_REPRESENTATIVES), ...DIRECTORS]) {
    const { rows } = await db.query(
      `INSERT INTO users (email, name, role, language, region_code, password_hash, active, available)
       VALUES ($1, $2, $3, 'es', $4, $5, true, false)
       ON CONFLICT ((lower(email))) DO UPDATE SET role = EXCLUDED.role, region_code = EXCLUDED.region_code,
         password_hash = EXCLUDED.password_hash, active = true, available = false
       RETURNING id`,
      [person.email, person.name, person.role, person.region, hash],
    );
    await db.query(`DELETE FROM coverage_entries WHERE user_id = $1`, [rows[0].id]);
    for (const entry of person.coverage) {
      await db.query(`INSERT INTO coverage_entries (user_id, country_code) VALUES ($1, $2)`, [
        rows[0].id,
        entry.country,
      ]);
    }
    staff.push({
      id: rows[0].id,
      email: person.email,
      role: person.role,
      region: person.region,
      coverage: person.coverage,
    });
  }
  return { members, staff };
}

/**
 * Removes what the bench's sign-ins and submissions wrote (the accounts stay): everything of
 * its own accounts, and the sessions the seeded representatives got since `since`.
 */
export async function cleanUp(db, { since = null, representatives = [] } = {}) {
  if (since && representatives.length) {
    await db.query(
      `DELETE FROM refresh_tokens WHERE family_id IN (SELECT id FROM refresh_token_families WHERE user_id = ANY($1::uuid[]) AND created_at >= $2)`,
      [representatives, since],
    );
    await db.query(`DELETE FROM refresh_token_families WHERE user_id = ANY($1::uuid[]) AND created_at >= $2`, [
      representatives,
      since,
    ]);
  }
  const { rows } = await db.query(`SELECT id FROM users WHERE email LIKE $1`, [`%@${DOMAIN}`]);
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return { requests: 0 };
  let deleted;
  await db.query('BEGIN');
  try {
    await db.query(
      `CREATE TEMP TABLE bench_requests ON COMMIT DROP AS SELECT id FROM requests WHERE created_by = ANY($1::uuid[])`,
      [ids],
    );
    await db.query(`DELETE FROM notifications WHERE request_id IN (SELECT id FROM bench_requests)`);
    await db.query(`DELETE FROM request_events WHERE request_id IN (SELECT id FROM bench_requests)`);
    await db.query(`DELETE FROM request_messages WHERE request_id IN (SELECT id FROM bench_requests)`);
    await db.query(`DELETE FROM attachments WHERE request_id IN (SELECT id FROM bench_requests)`);
    deleted = await db.query(`DELETE FROM requests WHERE id IN (SELECT id FROM bench_requests)`);
    await db.query(`DELETE FROM idempotency_keys WHERE user_id = ANY($1::uuid[])`, [ids]);
    await db.query(
      `DELETE FROM refresh_tokens WHERE family_id IN (SELECT id FROM refresh_token_families WHERE user_id = ANY($1::uuid[]))`,
      [ids],
    );
    await db.query(`DELETE FROM refresh_token_families WHERE user_id = ANY($1::uuid[])`, [ids]);
    await db.query(`DELETE FROM login_failures WHERE email_key LIKE $1`, [`%@${DOMAIN}`]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
  // The reports' triggers logged each of those requests twice (+1 inserted, -1 deleted): fold
  // the pending changes into the rollups as the reports' scheduled job does (the bench's API
  // runs without workers), so the reports do not read them on every call until it runs.
  const { rows: fold } = await db.query(`SELECT to_regprocedure('report_rollup_compact()') IS NOT NULL AS present`);
  if (fold[0].present) {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      await db.query('SELECT report_rollup_compact()');
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }
  return { requests: deleted.rowCount };
}
