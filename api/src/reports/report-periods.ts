import type { TrendInterval } from '@portal/shared';
import { dayIn, startOfDayIn } from './report-time-zone';

/**
 * A trend's weeks (from Monday) or months, as the viewer's calendar has them: each starts at
 * its first day's midnight in the viewer's time zone. `label` is that first day (YYYY-MM-DD),
 * `start`/`end` the instants [start, end) it covers; the first and last periods are whole
 * (the report counts only what lies in its range).
 */
export interface TrendPeriods {
  labels: string[];
  starts: Date[];
  ends: Date[];
}

const DAY_MS = 86_400_000;

function firstDayOf(day: string, interval: TrendInterval): string {
  if (interval === 'month') return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  // getUTCDay: 0 on Sunday; a week starts on Monday (ISO 8601, as date_trunc('week')).
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function nextFirstDay(day: string, interval: TrendInterval): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (interval === 'week') return new Date(date.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** The periods that [from, to) touches, in the time zone. */
export function trendPeriods(interval: TrendInterval, from: Date, to: Date, timeZone: string): TrendPeriods {
  const last = dayIn(new Date(to.getTime() - 1), timeZone);
  const labels: string[] = [];
  // Past 9999-12-31 a day is written +010000-…: the loop ends there.
  for (
    let day = firstDayOf(dayIn(from, timeZone), interval);
    day <= last && /^\d{4}-/.test(day);
    day = nextFirstDay(day, interval)
  ) {
    labels.push(day);
  }
  const starts = labels.map((day) => startOfDayIn(day, timeZone));
  const ends = labels.map((day) => startOfDayIn(nextFirstDay(day, interval), timeZone));
  return { labels, starts, ends };
}

/**
 * The trend reads the rollup's whole UTC days (report_days) as belonging to the period that
 * holds each day's noon. A UTC day that a period boundary cuts (a boundary not at UTC
 * midnight) then counts the hours on the other side of the boundary from its noon in the
 * wrong period: those hours are the segments [lo, hi) returned here, whose requests the
 * trend moves from the period of `noon` to their own. Each is the shorter side of its
 * boundary (Lima: 00:00–05:00 UTC), so few requests are read. None in UTC.
 */
export interface CutSegments {
  lo: Date[];
  hi: Date[];
  noon: Date[];
}

export function cutSegments(periods: TrendPeriods, lo: Date, hi: Date): CutSegments {
  const segments: CutSegments = { lo: [], hi: [], noon: [] };
  for (const start of periods.starts) {
    const at = start.getTime();
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    if (day === at || day < lo.getTime() || day >= hi.getTime()) continue;
    const noon = day + DAY_MS / 2;
    const [from, to] = at <= noon ? [day, at] : [at, day + DAY_MS];
    segments.lo.push(new Date(from));
    segments.hi.push(new Date(to));
    segments.noon.push(new Date(noon));
  }
  return segments;
}
