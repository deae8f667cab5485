import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The current definitions of the report rollup's SQL functions and triggers, as PostgreSQL
 * holds them once every migration has run: api/src/reports/sql/current-definitions.sql keeps
 * them in one place for a reader (the migrations that made them stay as they were written),
 * and tests/api/schema.e2e-spec.ts checks that file against a migrated database.
 */
export const CURRENT_DEFINITIONS_FILE = join(__dirname, '../../api/src/reports/sql/current-definitions.sql');

const HEADER = `-- The report rollup's SQL functions and triggers as they are after every migration: the one place
-- to read their current definitions (design and measurements: docs/performance.md). Several
-- migrations (ReportIndexes, ReportSpans, ReportOrganizations, ReportHistograms, ReportCellStamps)
-- built them up, some redefining what an earlier one made; migrations are never edited, so a
-- change is a new migration (CREATE OR REPLACE …) and then this file written again.
--
-- Written from a migrated database, by PostgreSQL itself (pg_get_functiondef, pg_get_triggerdef):
--   UPDATE_REPORT_SQL=1 sh scripts/node24.sh npx jest --ci --config tests/api/jest.config.cjs tests/api/schema.e2e-spec.ts
-- tests/api/schema.e2e-spec.ts fails when this file and the migrated database differ.
`;

/** What runs a query: a pg Pool or Client. */
interface Queryable {
  query<Row>(text: string): Promise<{ rows: Row[] }>;
}

/** Each definition under its name ("function report_hours(…)", "trigger requests.requests_report_delta"). */
export type Definitions = Map<string, string>;

/** Trailing spaces and surrounding blank lines are not part of a definition. */
const normalized = (text: string) =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

/** The rollup's definitions as the database holds them: functions and aggregates named report_*, the triggers running them. */
export async function databaseDefinitions(db: Queryable): Promise<Definitions> {
  const reportFunctions = `
    SELECT p.oid, p.oid::regprocedure::text AS signature, p.prokind
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proname LIKE 'report\\_%'`;
  const { rows: functions } = await db.query<{ signature: string; definition: string }>(`
    SELECT f.signature, pg_get_functiondef(f.oid) AS definition
    FROM (${reportFunctions}) f WHERE f.prokind = 'f' ORDER BY f.signature`);
  const { rows: aggregates } = await db.query<{ signature: string; definition: string }>(`
    SELECT f.signature,
           format('CREATE AGGREGATE public.%s (SFUNC = %s, STYPE = %s%s);', f.signature, a.aggtransfn::regproc,
                  format_type(a.aggtranstype, NULL), COALESCE(', INITCOND = ' || quote_literal(a.agginitval), '')) AS definition
    FROM (${reportFunctions}) f JOIN pg_aggregate a ON a.aggfnoid = f.oid ORDER BY f.signature`);
  const { rows: triggers } = await db.query<{ name: string; definition: string }>(`
    SELECT c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid, true) || ';' AS definition
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgfoid IN (SELECT oid FROM (${reportFunctions}) f)
    ORDER BY c.relname, t.tgname`);
  // Other kinds (a procedure, a window function) would need a way of their own to be shown.
  const { rows: others } = await db.query<{ signature: string }>(
    `SELECT signature FROM (${reportFunctions}) f WHERE f.prokind NOT IN ('f', 'a')`,
  );
  if (others.length)
    throw new Error(`report functions of a kind not written out: ${others.map((o) => o.signature).join(',')}`);
  return new Map([
    ...functions.map((f) => [`function ${f.signature}`, normalized(`${f.definition};`)] as const),
    ...aggregates.map((a) => [`aggregate ${a.signature}`, normalized(a.definition)] as const),
    ...triggers.map((t) => [`trigger ${t.name}`, normalized(t.definition)] as const),
  ]);
}

/** The file's text for these definitions: the header, then each under a `-- <name>` line. */
export function definitionsFile(definitions: Definitions): string {
  return `${HEADER}${[...definitions].map(([name, text]) => `\n-- ${name}\n${text}\n`).join('')}`;
}

/** The definitions a file holds, by the `-- <name>` lines that introduce them. */
export function parseDefinitions(text: string): Definitions {
  const definitions: Definitions = new Map();
  const pattern = /^-- ((?:function|aggregate|trigger) .+)$/gm;
  const marks = [...text.matchAll(pattern)];
  marks.forEach((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    definitions.set(mark[1], normalized(text.slice(mark.index + mark[0].length, end)));
  });
  return definitions;
}

export function readDefinitionsFile(): string {
  return readFileSync(CURRENT_DEFINITIONS_FILE, 'utf8');
}

export function writeDefinitionsFile(definitions: Definitions): void {
  writeFileSync(CURRENT_DEFINITIONS_FILE, definitionsFile(definitions));
}
