// The embedded default for `npm run bench -- --embedded`: the API started as `npm start`
// starts it (no DATABASE_URL: PGlite in the API process, through the session layer), on a
// data folder the bench keeps (.data/bench-embedded) with the demo data and, added once,
// 20,000 requests of the demo organizations spread over 18 months.
import { join } from 'node:path';
import { ROOT } from './processes.mjs';

export const EMBEDDED_DATA_DIR = join(ROOT, '.data', 'bench-embedded');
/** A fixed loopback port for the embedded database, so that the bench's own client reaches it. */
export const EMBEDDED_DATABASE_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgres://postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/postgres`;

const SUBJECTS = [
  [
    'standards-compliance',
    'Auditoria de certificacion de cafe',
    'La certificadora visita en marzo; dudas sobre el criterio de trazabilidad.',
  ],
  [
    'market-access',
    'Compradores de cafe organico',
    'Buscamos compradores en Europa para dos contenedores de la proxima cosecha.',
  ],
  [
    'climate-resilience',
    'Sequia en la zona alta',
    'La sequia afecta a 40 productores; pedimos orientacion sobre el fondo de resiliencia.',
  ],
  [
    'sustainable-production',
    'Roya en parcelas de cafe',
    'La roya avanza en las parcelas altas; necesitamos apoyo tecnico.',
  ],
  [
    'fair-trade-visibility',
    'Materiales para la feria nacional',
    'Queremos presentar la prima de Comercio Justo en la feria de mayo.',
  ],
  [
    'human-rights',
    'Trabajadores temporales de la cosecha',
    'Revisamos las condiciones de los trabajadores temporales.',
  ],
  ['social-inclusion', 'Jovenes en el consejo directivo', 'Queremos incluir a mas jovenes y mujeres en el consejo.'],
];

/**
 * Adds requests until there are `target`: the demo organizations' members file them, the
 * representative of the country (else the region's director) has them, older ones closed or
 * resolved, recent ones open. One statement per batch, with the reports' triggers on, then
 * the reports' pending changes folded as their job does.
 */
export async function seedEmbeddedRequests(db, target, log) {
  const have = Number((await db.query('SELECT count(*) AS n FROM requests')).rows[0].n);
  if (have >= target) return have;
  log(`  adding ${(target - have).toLocaleString('en')} requests to the embedded database (once per data folder)…`);
  const started = Date.now();
  const batch = 2000;
  for (let done = have; done < target; done += batch) {
    const n = Math.min(batch, target - done);
    await db.query(
      `WITH orgs AS (
         SELECT o.id, o.country_code, c.region_code, (row_number() OVER (ORDER BY o.name) - 1)::int AS k, count(*) OVER ()::int AS total,
                (SELECT u.id FROM users u WHERE u.organization_id = o.id AND u.role = 'member' AND u.email NOT LIKE '%@bench.example' ORDER BY u.email LIMIT 1) AS member,
                COALESCE((SELECT ce.user_id FROM coverage_entries ce JOIN users u ON u.id = ce.user_id
                          WHERE ce.country_code = o.country_code AND ce.area_code IS NULL AND u.active ORDER BY u.email LIMIT 1),
                         (SELECT u.id FROM users u WHERE u.role = 'director' AND u.region_code = c.region_code ORDER BY u.email LIMIT 1)) AS assignee
         FROM organizations o JOIN countries c ON c.code = o.country_code WHERE o.active),
       texts AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS t(k int, area text, subject text, description text)),
       g AS (
         SELECT i, now() - make_interval(mins => ((i * 7919) % (548 * 24 * 60))) AS created FROM generate_series($1::int, $1::int + $2::int - 1) i),
       rows AS (
         SELECT g.i, g.created, o.*, t.area, t.subject || ' ' || g.i AS subject, t.description,
                CASE WHEN g.created < now() - interval '60 days' THEN (ARRAY['closed','closed','closed','resolved','withdrawn'])[1 + g.i % 5]
                     ELSE (ARRAY['assigned','in_progress','waiting_on_member','resolved','in_progress'])[1 + g.i % 5] END AS status
         FROM g JOIN orgs o ON o.k = g.i % o.total JOIN texts t ON t.k = g.i % 7)
       INSERT INTO requests (reference, subject, description, status, priority, area_code, organization_id, country_code, region_code,
                             assignee_id, assigned_at, created_by, created_at, updated_at, first_responded_at, resolved_at, closed_at,
                             routing_tier, routing_reason, first_response_due_at, resolution_due_at, search_public)
       SELECT 'SR-' || extract(year FROM created)::int || '-' || lpad((500000 + i)::text, 6, '0'), subject, description, status,
              (ARRAY['low','normal','normal','normal','high','urgent'])[1 + i % 6], area, id, country_code, region_code,
              assignee, created + interval '5 minutes', member, created, created + interval '2 days',
              CASE WHEN status <> 'assigned' THEN created + interval '1 day' END,
              CASE WHEN status IN ('resolved', 'closed') THEN created + interval '9 days' END,
              CASE WHEN status IN ('closed', 'withdrawn') THEN created + interval '16 days' END,
              2, 'Representative of the country', created + interval '2 days', created + interval '15 days',
              to_tsvector('simple', unaccent('SR-' || extract(year FROM created)::int || '-' || lpad((500000 + i)::text, 6, '0') || ' ' || subject || ' ' || description))
       FROM rows`,
      [
        done + 1,
        n,
        JSON.stringify(SUBJECTS.map(([area, subject, description], k) => ({ k, area, subject, description }))),
      ],
    );
  }
  // New submissions take numbers after the ones used here.
  await db.query(
    `INSERT INTO request_reference_counters (year, last_value)
     SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM requests GROUP BY 1
     ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(request_reference_counters.last_value, EXCLUDED.last_value)`,
  );
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  await db.query('SELECT report_rollup_compact()');
  await db.query('COMMIT');
  log(`  added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return target;
}
