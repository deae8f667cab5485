/**
 * The queries of the load report by organization (the design is in organization-cells.ts): in
 * the report's REPEATABLE READ snapshot, the stamps of the cells that tile its whole months, the
 * cells this process does not hold under those stamps (binary COPYs), then the facts the cells
 * do not hold; the figures are made from them in organization-cells.ts.
 */

import { binaryCopyOf, readBinaryCopy } from './binary-copy';
import {
  type CellTiles,
  cellName,
  cellsOfCopies,
  COUNTED,
  type MergedCells,
  mergeCells,
  type OrganizationCell,
  type OrganizationCells,
  organizationFigures,
  type Stamp,
} from './organization-cells';
import type { ReportConnection, ReportRow, Statement } from './report-connection.repository';

/** A row of the stamps statement: the isolation, and a cell's stamp (all null when no cell has one). */
type StampRow = { isolation: string } & (Stamp | { span: null; month: null; region_code: null; stamp: null });

/**
 * The stamps of the cells that tile the range, in the scope's region or all, in a fixed
 * order; and the transaction's isolation (always one row, a null stamp when there is none).
 */
function stampsStatement(tiles: CellTiles, region: string | null): Statement {
  return {
    text: `
      SELECT current_setting('transaction_isolation') AS isolation, s.*
      FROM (SELECT 1) one LEFT JOIN (
        SELECT s.span::int AS span, to_char(s.month, 'YYYY-MM-DD') AS month, s.region_code, s.stamp::text AS stamp
        FROM unnest($1::smallint[], $2::date[]) AS t(span, month)
        JOIN report_cell_stamps s ON s.span = t.span AND s.month = t.month${region ? ' AND s.region_code = $3' : ''}
      ) s ON true
      ORDER BY s.span, s.month, s.region_code`,
    values: region ? [tiles.spans, tiles.months, region] : [tiles.spans, tiles.months],
  };
}

/** Rows of `table` of the wanted cells, each with its cell's index `i` (1-based) first. */
function cellRowsStatement(wanted: Stamp[], columns: string, table: string, where: string): Statement {
  return {
    text: `
      SELECT t.i::int, ${columns}
      FROM unnest($1::smallint[], $2::date[], $3::text[]) WITH ORDINALITY AS t(span, month, region_code, i)
      CROSS JOIN LATERAL (
        SELECT * FROM ${table} c WHERE ${where}c.span = t.span AND c.month = t.month AND c.region_code = t.region_code OFFSET 0
      ) c`,
    values: [wanted.map((s) => s.span), wanted.map((s) => s.month), wanted.map((s) => s.region_code)],
  };
}

/** Fetches the wanted cells (binary COPY: the hours as raw float8) and builds them. */
async function fetchCells(
  db: ReportConnection,
  cache: OrganizationCells,
  wanted: Stamp[],
): Promise<OrganizationCell[]> {
  const countsOf = cellRowsStatement(
    wanted,
    `c.key, ${COUNTED.map((f) => (f === 'score_sum' ? `c.${f}::float8` : `c.${f}::int`)).join(', ')}`,
    'report_counts',
    `c.dim = 'organization' AND `,
  );
  const hoursOf = cellRowsStatement(wanted, 'c.key, c.fr, c.res', 'report_org_values', '');
  const counts = readBinaryCopy(await db.copy(binaryCopyOf(countsOf.text, countsOf.values)));
  const hours = readBinaryCopy(await db.copy(binaryCopyOf(hoursOf.text, hoursOf.values)));
  return cellsOfCopies(cache, wanted, counts, hours);
}

/**
 * The report's rows by organization: the cells of its whole months (held, or fetched), and
 * `facts`, a statement whose rows give per key what the cells do not hold (report-sql.ts):
 * the sums of the changes and ends (`s_<status>`, breached, score_sum, score_n), their hours
 * added and taken away (fr_plus, fr_minus, res_plus, res_minus: packed float8) and the
 * aging of the open requests. Run in one REPEATABLE READ transaction.
 */
export async function organizationRows(
  db: ReportConnection,
  cache: OrganizationCells,
  tiles: CellTiles,
  region: string | null,
  facts: Statement,
): Promise<ReportRow[]> {
  const stampsOf = stampsStatement(tiles, region);
  const rows = await db.query<StampRow>(stampsOf.text, stampsOf.values);
  // Stamps, cells and facts must be read in one snapshot: a cell fetched in another than its
  // stamp's would be held under a stamp it does not match.
  if (rows[0]?.isolation !== 'repeatable read' && rows[0]?.isolation !== 'serializable') {
    throw new Error(
      `report by organization in a ${rows[0]?.isolation ?? 'unknown'} transaction: it needs REPEATABLE READ`,
    );
  }
  const stamps: Stamp[] = rows.filter((row): row is StampRow & Stamp => row.stamp !== null);
  // The latest month's cells stay out of the merge: every compaction rewrites this month's,
  // and merging the whole range again for it cost ~90 ms (three years).
  const last = tiles.spans.length - 1;
  const latestMonth = last >= 0 && tiles.spans[last] === 1 ? tiles.months[last] : null;
  const isRecent = (stamp: Stamp) => stamp.span === 1 && stamp.month === latestMonth;
  const stable = stamps.filter((stamp) => !isRecent(stamp));
  const recent = stamps.filter(isRecent);
  // The merge of this tiling and scope, held under all its cells' stamps: any cell rewritten, it is made again.
  const tiling = `merged:${region ?? '*'}:${tiles.spans.map((span, i) => `${span}/${tiles.months[i]}`).join(',')}`;
  const tilingStamp = stable.map((stamp) => `${cellName(stamp)}@${stamp.stamp}`).join(',');
  let merged = cache.take<MergedCells>(tiling, tilingStamp);
  // This report's cells, by reference: a concurrent report may replace them in the cache.
  const cells = new Map<string, OrganizationCell>();
  const wanted: Stamp[] = [];
  for (const stamp of merged ? recent : stamps) {
    const held = cache.take<OrganizationCell>(cellName(stamp), stamp.stamp);
    if (held) cells.set(cellName(stamp), held);
    else wanted.push(stamp);
  }
  if (wanted.length) {
    const fetched = await fetchCells(db, cache, wanted);
    fetched.forEach((cell, i) => {
      cache.keep(cellName(wanted[i]), cell);
      cells.set(cellName(wanted[i]), cell);
    });
  }
  if (!merged) {
    merged = mergeCells(
      cache,
      stable.map((stamp) => cells.get(cellName(stamp))!),
      tilingStamp,
    );
    cache.keep(tiling, merged);
  }
  const factRows = await db.query(facts.text, facts.values);
  return organizationFigures(
    cache,
    merged,
    factRows,
    recent.map((stamp) => cells.get(cellName(stamp))!),
  );
}
