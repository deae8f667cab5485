/**
 * Business time in a country's time zone: Monday to Friday, 08:00–12:00 and 13:00–17:00
 * (8 business hours a day, with an hour's lunch), minus the country's holidays. Daylight
 * saving changes (Chile, Paraguay, Mexico until 2022…) are handled by converting each day's
 * windows from local wall time to UTC separately, through the platform's time-zone data.
 */
export interface BusinessCalendar {
  timeZone: string;
  /** Local dates (YYYY-MM-DD) that are holidays in the country. */
  holidays: ReadonlySet<string>;
}

/** Local working windows of a business day, as [start, end] hours. */
export const BUSINESS_WINDOWS: readonly (readonly [number, number])[] = [
  [8, 12],
  [13, 17],
];

const MINUTE_MS = 60_000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time of an instant in a time zone. */
function localParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Answers of zonedTimeToUtc, which depends on its arguments only: every submission asks for
 * the windows of the same coming days (two targets, ~40 window ends each), and each answer
 * costs four Intl formatToParts calls. Bounded; cleared when full.
 */
const zonedInstants = new Map<string, number>();
const ZONED_INSTANTS_MAX = 100_000;

/**
 * The instant at which a wall-clock time happens in a time zone. Two passes settle the
 * offset across a DST change; a wall time skipped by a change moves forward with it.
 */
export function zonedTimeToUtc(date: LocalDate, hour: number, timeZone: string): Date {
  const key = `${timeZone} ${date.year}-${date.month}-${date.day} ${hour}`;
  let instant = zonedInstants.get(key);
  if (instant === undefined) {
    const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
    instant = wall - offsetAt(new Date(wall), timeZone);
    instant = wall - offsetAt(new Date(instant), timeZone);
    if (zonedInstants.size >= ZONED_INSTANTS_MAX) zonedInstants.clear();
    zonedInstants.set(key, instant);
  }
  return new Date(instant);
}

function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const isoDate = (date: LocalDate) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

function isBusinessDay(date: LocalDate, calendar: BusinessCalendar): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(isoDate(date));
}

/** The business windows of each local day from the one containing `from`, as UTC instants. */
function* businessWindows(from: Date, calendar: BusinessCalendar): Generator<[Date, Date]> {
  const start = localParts(from, calendar.timeZone);
  let date: LocalDate = { year: start.year, month: start.month, day: start.day };
  // Ten years of days is far more than any target; the bound only guards against a loop.
  for (let i = 0; i < 3660; i++) {
    if (isBusinessDay(date, calendar)) {
      for (const [open, close] of BUSINESS_WINDOWS) {
        yield [zonedTimeToUtc(date, open, calendar.timeZone), zonedTimeToUtc(date, close, calendar.timeZone)];
      }
    }
    date = nextDay(date);
  }
}

/** The instant `hours` business hours after `start`. */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  let remaining = Math.round(hours * 60) * MINUTE_MS;
  if (remaining <= 0) return start;
  for (const [open, close] of businessWindows(start, calendar)) {
    if (close <= start) continue;
    const from = Math.max(open.getTime(), start.getTime());
    const available = close.getTime() - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  throw new Error('business time out of range');
}

/** Business minutes between two instants (0 when `end` is not after `start`). */
export function businessMinutesBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  let total = 0;
  if (end <= start) return 0;
  for (const [open, close] of businessWindows(start, calendar)) {
    if (open >= end) break;
    const from = Math.max(open.getTime(), start.getTime());
    const to = Math.min(close.getTime(), end.getTime());
    if (to > from) total += to - from;
  }
  return Math.round(total / MINUTE_MS);
}
