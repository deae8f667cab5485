import { type CoverageEntry, REGION_CODES, type RegionCode, THEMATIC_AREAS, type ThematicArea } from '@portal/shared';

import type { StaffTranslate } from '../core/staff-i18n/staff-dictionaries';

/**
 * One row of the coverage editor. The place is one select's value: "" (any place),
 * "region:AND" or "country:PE"; the area is "" (any area) or an area's code.
 */
export interface CoverageRow {
  readonly place: string;
  readonly area: ThematicArea | '';
}

export type CoverageRowError = 'admin.error.coverageEmpty' | 'admin.error.coverageRepeated';

export function placeValue(entry: CoverageEntry): string {
  if (entry.country) return `country:${entry.country}`;
  if (entry.region) return `region:${entry.region}`;
  return '';
}

export function toRows(entries: readonly CoverageEntry[]): CoverageRow[] {
  return entries.map((entry) => ({ place: placeValue(entry), area: entry.area ?? '' }));
}

/** The API's coverage list for the rows, as PATCH /users/:id replaces it whole. */
export function toEntries(rows: readonly CoverageRow[]): CoverageEntry[] {
  return rows.map((row) => {
    const entry: CoverageEntry = {};
    const [kind, code] = row.place.split(':');
    if (kind === 'country' && code) entry.country = code;
    if (kind === 'region' && (REGION_CODES as readonly string[]).includes(code ?? ''))
      entry.region = code as RegionCode;
    if ((THEMATIC_AREAS as readonly string[]).includes(row.area)) entry.area = row.area as ThematicArea;
    return entry;
  });
}

/**
 * What is wrong with each row, or null: "any place, any area" would route everything to
 * this person (the API refuses it), and a repeated row adds nothing.
 */
export function rowErrors(rows: readonly CoverageRow[]): (CoverageRowError | null)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (!row.place && !row.area) return 'admin.error.coverageEmpty';
    const key = `${row.place}|${row.area}`;
    if (seen.has(key)) return 'admin.error.coverageRepeated';
    seen.add(key);
    return null;
  });
}

/** "Peru · any area", "Andean · Climate": one entry in words. */
export function describeEntry(entry: CoverageEntry, t: StaffTranslate, countryName: (code: string) => string): string {
  const place = entry.country
    ? countryName(entry.country)
    : entry.region
      ? t(`region.${entry.region}`)
      : t('admin.coverage.anyPlace');
  const area = entry.area ? t(`inbox.area.${entry.area}`) : t('admin.coverage.anyArea');
  return `${place} · ${area}`;
}

/** The whole coverage in one line, for lists. */
export function coverageSummary(
  entries: readonly CoverageEntry[],
  t: StaffTranslate,
  countryName: (code: string) => string,
): string {
  return entries.map((entry) => describeEntry(entry, t, countryName)).join('; ');
}
