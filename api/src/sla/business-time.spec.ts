import { addBusinessHours, type BusinessCalendar, businessMinutesBetween, zonedTimeToUtc } from './business-time';

const lima: BusinessCalendar = { timeZone: 'America/Lima', holidays: new Set() };
const santiago: BusinessCalendar = { timeZone: 'America/Santiago', holidays: new Set() };

/** Lima is UTC−5 all year. */
const limaTime = (iso: string) => new Date(`${iso}-05:00`);

describe('business time', () => {
  it('puts 16 business hours from Friday 16:30 in Lima on Tuesday 16:30', () => {
    // Friday 2026-11-27 16:30 → 0.5 h Friday, 8 h Monday, 7.5 h Tuesday.
    expect(addBusinessHours(limaTime('2026-11-27T16:30:00'), 16, lima)).toEqual(limaTime('2026-12-01T16:30:00'));
  });

  it('moves the due time a day for a holiday in between', () => {
    const withHoliday = { ...lima, holidays: new Set(['2026-11-30']) };
    expect(addBusinessHours(limaTime('2026-11-27T16:30:00'), 16, withHoliday)).toEqual(limaTime('2026-12-02T16:30:00'));
  });

  it('starts the clock at 08:00 the next business day when filed at night or on a weekend', () => {
    expect(addBusinessHours(limaTime('2026-11-28T10:00:00'), 4, lima)).toEqual(limaTime('2026-11-30T12:00:00'));
    expect(addBusinessHours(limaTime('2026-11-30T20:00:00'), 1, lima)).toEqual(limaTime('2026-12-01T09:00:00'));
  });

  it('skips the lunch hour', () => {
    expect(addBusinessHours(limaTime('2026-12-01T11:00:00'), 2, lima)).toEqual(limaTime('2026-12-01T14:00:00'));
  });

  it("handles Chile's DST weekend: the offset changes between Friday and Monday", () => {
    // Chile leaves DST on Sunday 2026-04-05 (UTC−3 → UTC−4).
    const friday = zonedTimeToUtc({ year: 2026, month: 4, day: 3 }, 16, 'America/Santiago');
    expect(friday.toISOString()).toBe('2026-04-03T19:00:00.000Z');
    const due = addBusinessHours(friday, 2, santiago);
    expect(due.toISOString()).toBe('2026-04-06T13:00:00.000Z'); // Monday 09:00 at UTC−4
    // And it enters DST on Sunday 2026-09-06 (UTC−4 → UTC−3).
    const before = zonedTimeToUtc({ year: 2026, month: 9, day: 4 }, 16, 'America/Santiago');
    expect(before.toISOString()).toBe('2026-09-04T20:00:00.000Z');
    expect(addBusinessHours(before, 2, santiago).toISOString()).toBe('2026-09-07T12:00:00.000Z'); // Monday 09:00 at UTC−3
  });

  it("handles Paraguay's time zone through its change of rules", () => {
    const asuncion: BusinessCalendar = { timeZone: 'America/Asuncion', holidays: new Set() };
    const start = zonedTimeToUtc({ year: 2026, month: 3, day: 2 }, 8, 'America/Asuncion');
    expect(businessMinutesBetween(start, addBusinessHours(start, 40, asuncion), asuncion)).toBe(40 * 60);
  });

  it('counts only business minutes between two instants (the time waiting on the member is taken out this way)', () => {
    expect(businessMinutesBetween(limaTime('2026-11-27T16:00:00'), limaTime('2026-11-30T09:00:00'), lima)).toBe(120);
    expect(businessMinutesBetween(limaTime('2026-11-28T09:00:00'), limaTime('2026-11-29T18:00:00'), lima)).toBe(0);
    expect(businessMinutesBetween(limaTime('2026-12-01T10:00:00'), limaTime('2026-12-01T09:00:00'), lima)).toBe(0);
  });

  it('is the inverse of adding business hours', () => {
    const start = limaTime('2026-11-25T10:17:00');
    for (const hours of [1, 4, 8, 16, 24, 80]) {
      expect(businessMinutesBetween(start, addBusinessHours(start, hours, lima), lima)).toBe(hours * 60);
    }
  });

  it('counts the minutes a minute-by-minute walk of the local clock counts, across DST changes and holidays', () => {
    // The walk asks the platform for the wall time of every minute: slow, obviously right.
    const walk = (start: number, end: number, calendar: BusinessCalendar) => {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: calendar.timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
      });
      let minutes = 0;
      for (let t = start; t < end; t += 60_000) {
        const p = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
        const hour = Number(p.hour);
        const workday = !['Sat', 'Sun'].includes(p.weekday) && !calendar.holidays.has(`${p.year}-${p.month}-${p.day}`);
        if (workday && ((hour >= 8 && hour < 12) || (hour >= 13 && hour < 17))) minutes++;
      }
      return minutes;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cases: [string, string, string[]][] = [
      ['America/Santiago', '2026-04-02T00:00:00Z', []],
      ['America/Santiago', '2026-09-03T00:00:00Z', ['2026-09-07']],
      ['America/Asuncion', '2026-03-20T00:00:00Z', []],
      ['America/Havana', '2026-03-06T00:00:00Z', []],
      ['America/Port-au-Prince', '2026-10-29T00:00:00Z', ['2026-11-02']],
      ['America/Lima', '2026-07-26T00:00:00Z', ['2026-07-28', '2026-07-29']],
    ];
    for (const [timeZone, around, holidays] of cases) {
      const calendar: BusinessCalendar = { timeZone, holidays: new Set(holidays) };
      for (let i = 0; i < 3; i++) {
        const start = Date.parse(around) + Math.floor(next() * 3 * 24 * 60) * 60_000;
        const end = start + Math.floor(next() * 4 * 24 * 60) * 60_000;
        const minutes = walk(start, end, calendar);
        expect([
          timeZone,
          new Date(start).toISOString(),
          businessMinutesBetween(new Date(start), new Date(end), calendar),
        ]).toEqual([timeZone, new Date(start).toISOString(), minutes]);
        if (minutes > 0)
          expect(addBusinessHours(new Date(start), minutes / 60, calendar).getTime()).toBeLessThanOrEqual(end);
      }
    }
  });
});
