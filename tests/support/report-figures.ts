import { REQUEST_STATUSES } from '@portal/shared';

/**
 * The load report's figures of a set of requests, counted here in plain code: what every
 * report must equal (tests/api/reports.e2e-spec.ts on requests it inserts, the demo history's
 * test on the history a first start loads).
 */
export interface Row {
  organization_id: string;
  country_code: string;
  region_code: string;
  products: string[];
  area_code: string;
  status: string;
  assignee_id: string | null;
  created_at: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  breached: boolean;
  satisfaction_score: number | null;
}

export const OPEN = ['new', 'assigned', 'in_progress', 'waiting_on_member'];

/** The keys a request counts under in each grouping (a request counts once per product). */
export const KEYS_OF: Record<string, (r: Row) => string[]> = {
  region: (r) => [r.region_code],
  country: (r) => [r.country_code],
  area: (r) => [r.area_code],
  status: (r) => [r.status],
  assignee: (r) => [r.assignee_id ?? 'none'],
  organization: (r) => [r.organization_id],
  product: (r) => r.products,
};
export const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
};

/** The requests whose deadlines came due: settled (resolved or closed) or breached. */
export const cameDue = (rows: Row[]) =>
  rows.filter((r) => r.status === 'resolved' || r.status === 'closed' || r.breached);

/** The load figures, counted here from the rows the test inserted. */
export function expectedFigures(rows: Row[], now: number) {
  const age = (r: Row) => (now - r.created_at.getTime()) / 86_400_000;
  const open = rows.filter((r) => OPEN.includes(r.status));
  const scores = rows.filter((r) => r.satisfaction_score !== null).map((r) => r.satisfaction_score!);
  return {
    total: rows.length,
    byStatus: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])),
    open: open.length,
    breached: rows.filter((r) => r.breached).length,
    aging: {
      d0_2: open.filter((r) => age(r) < 3).length,
      d3_7: open.filter((r) => age(r) >= 3 && age(r) < 8).length,
      d8_30: open.filter((r) => age(r) >= 8 && age(r) < 31).length,
      d31_plus: open.filter((r) => age(r) >= 31).length,
    },
    medianFirstResponseHours: median(
      rows
        .filter((r) => r.first_responded_at)
        .map((r) => (r.first_responded_at!.getTime() - r.created_at.getTime()) / 3_600_000),
    ),
    medianResolutionHours: median(
      rows.filter((r) => r.resolved_at).map((r) => (r.resolved_at!.getTime() - r.created_at.getTime()) / 3_600_000),
    ),
    satisfactionAvg: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    // Came due: resolved or closed (met, or breached before), or breached and not settled.
    cameDue: cameDue(rows).length,
    slaCompliance: cameDue(rows).length ? cameDue(rows).filter((r) => !r.breached).length / cameDue(rows).length : null,
  };
}

/**
 * The keys the reference data lists for a grouping within a region (null: all), which have
 * a row even without requests; none for the other groupings.
 */
export async function listedKeys(
  db: { query: (text: string, values?: unknown[]) => Promise<{ rows: { code: string }[] }> },
  groupBy: string,
  region: string | null,
): Promise<string[]> {
  const query = {
    region: [`SELECT code FROM regions WHERE $1::text IS NULL OR code = $1`, [region]],
    country: [`SELECT code FROM countries WHERE $1::text IS NULL OR region_code = $1`, [region]],
    area: [`SELECT code FROM thematic_areas`, []],
  }[groupBy] as [string, unknown[]] | undefined;
  return query ? (await db.query(...query)).rows.map((r) => r.code) : [];
}

/** A report's expected keys: those of the requests and those the reference data lists. */
export const expectedKeys = (rows: Row[], keys: (r: Row) => string[], listed: string[]) =>
  [...new Set([...rows.flatMap(keys), ...listed])].sort();

/** A small deterministic random source, so a failure can be replayed. */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/**
 * Folds the rollup's pending changes into its cells, as the scheduled job does (-1: the job
 * itself is folding at this moment; then again).
 */
export async function foldRollup(db: {
  connect(): Promise<{ query(text: string): Promise<{ rows: { folded: number }[] }>; release(): void }>;
}): Promise<void> {
  for (;;) {
    const client = await db.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const {
        rows: [{ folded }],
      } = await client.query('SELECT report_rollup_compact() AS folded');
      await client.query('COMMIT');
      if (folded >= 0) return;
    } finally {
      client.release();
    }
  }
}
