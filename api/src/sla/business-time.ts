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
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
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

const DAY_MS = 86_400_000;

const isoDate = (date: LocalDate) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

interface CalendarDay {
  date: LocalDate;
  iso: string;
  weekend: boolean;
}

/**
 * Calendar days by number (days since 1970-01-01) and each zone's window edges of a day, as
 * instants: the same for every calendar, so a long run of due times (the demo history computes
 * tens of thousands) reads each day once instead of making its dates and strings again. Pure
 * functions of their keys; bounded, cleared when full.
 */
const calendarDays = new Map<number, CalendarDay>();
const zoneWindows = new Map<string, Map<number, number[]>>();
const DAYS_MAX = 100_000;

function calendarDay(n: number): CalendarDay {
  let day = calendarDays.get(n);
  if (!day) {
    const utc = new Date(n * DAY_MS);
    const date = { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
    day = { date, iso: isoDate(date), weekend: utc.getUTCDay() === 0 || utc.getUTCDay() === 6 };
    if (calendarDays.size >= DAYS_MAX) calendarDays.clear();
    calendarDays.set(n, day);
  }
  return day;
}

/** [open, close, open, close…] of the day's business windows in the zone, as UTC milliseconds. */
function windowEdges(n: number, timeZone: string): number[] {
  let zone = zoneWindows.get(timeZone);
  if (!zone) {
    zone = new Map();
    zoneWindows.set(timeZone, zone);
  }
  let edges = zone.get(n);
  if (!edges) {
    const { date } = calendarDay(n);
    edges = BUSINESS_WINDOWS.flatMap(([open, close]) => [
      zonedTimeToUtc(date, open, timeZone).getTime(),
      zonedTimeToUtc(date, close, timeZone).getTime(),
    ]);
    if (zone.size >= DAYS_MAX) zone.clear();
    zone.set(n, edges);
  }
  return edges;
}

/**
 * Calls `visit` with the business windows of each local day from the one containing `from`,
 * as UTC milliseconds, until it returns true. It starts a day before `from`'s UTC date, which
 * is never after its local date (offsets are under a day): the windows of a day before the
 * local one end before `from`, and both callers skip those, so there is no need to ask the
 * platform's time-zone data for the local date of every start.
 */
function eachBusinessWindow(
  from: Date,
  calendar: BusinessCalendar,
  visit: (open: number, close: number) => boolean,
): void {
  let n = Math.floor(from.getTime() / DAY_MS) - 1;
  // Ten years of days is far more than any target; the bound only guards against a loop.
  for (let i = 0; i < 3661; i++, n++) {
    const day = calendarDay(n);
    if (day.weekend || calendar.holidays.has(day.iso)) continue;
    const edges = windowEdges(n, calendar.timeZone);
    for (let w = 0; w < edges.length; w += 2) if (visit(edges[w], edges[w + 1])) return;
  }
}

/** The instant `hours` business hours after `start`. */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  let remaining = Math.round(hours * 60) * MINUTE_MS;
  if (remaining <= 0) return start;
  const begin = start.getTime();
  let due: number | null = null;
  eachBusinessWindow(start, calendar, (open, close) => {
    if (close <= begin) return false;
    const from = Math.max(open, begin);
    const available = close - from;
    if (remaining <= available) {
      due = from + remaining;
      return true;
    }
    remaining -= available;
    return false;
  });
  if (due === null) throw new Error('business time out of range');
  return new Date(due);
}

/** Business minutes between two instants (0 when `end` is not after `start`). */
export function businessMinutesBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  let total = 0;
  if (end <= start) return 0;
  const begin = start.getTime();
  const finish = end.getTime();
  eachBusinessWindow(start, calendar, (open, close) => {
    if (open >= finish) return true;
    const from = Math.max(open, begin);
    const to = Math.min(close, finish);
    if (to > from) total += to - from;
    return false;
  });
  return Math.round(total / MINUTE_MS);
}
