/**
 * Days in the viewer's time zone: a report's dates (YYYY-MM-DD) are the viewer's calendar
 * days, so a day starts at its midnight in that zone, not at UTC's. The report queries take
 * any instants exactly (a range's ends inside a month cell are read from `requests`), so
 * turning the days into instants here keeps the figures exact without touching the SQL.
 */

/** Whether a text names an IANA time zone this runtime knows (e.g. America/Lima, UTC). */
export function isTimeZone(text: unknown): text is string {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Years whose offsets are looked up; beyond them (dates the API allows, 0001–9999) the nearest one's. */
const OFFSET_SPAN = [Date.UTC(1900, 0, 1), Date.UTC(9000, 0, 1)] as const;

/** The zone's offset from UTC at an instant, in milliseconds (Lima: −5 h). */
function offsetAt(at: number, timeZone: string): number {
  const instant = Math.min(Math.max(at, OFFSET_SPAN[0]), OFFSET_SPAN[1]);
  let format = formats.get(timeZone);
  if (!format) {
    // Keyed by the zone's canonical name: Intl takes "america/lima" and "AMERICA/LIMA" too,
    // and a key per spelling a client sends would let the cache grow without bound.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    if (canonical !== timeZone) return offsetAt(at, canonical);
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
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a day (YYYY-MM-DD), or the one `daysLater` after it, starts in a time zone. Two passes: the offset at the UTC
 * midnight guess may differ from the one at the local midnight across a DST change.
 */
export function startOfDayIn(day: string, timeZone: string, daysLater = 0): Date {
  // Date.parse and not Date.UTC: years below 100 would be taken as 19xx.
  const utcMidnight = Date.parse(`${day}T00:00:00Z`) + daysLater * 86_400_000;
  const first = utcMidnight - offsetAt(utcMidnight, timeZone);
  const second = utcMidnight - offsetAt(first, timeZone);
  // Where the clocks skip midnight (Santiago in September) the two differ: the day starts at
  // the earliest of them whose wall time is already on that day.
  const onTheDay = [first, second].filter((at) => at + offsetAt(at, timeZone) >= utcMidnight);
  const instant = Math.min(...(onTheDay.length ? onTheDay : [second]));
  return new Date(instant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetAt(at.getTime(), timeZone)).toISOString().slice(0, 10);
}
