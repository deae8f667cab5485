import { isTimeZone, startOfDayIn } from './report-time-zone';

describe("the reports' days in the viewer's time zone", () => {
  it('start a day at its midnight in the zone', () => {
    expect(startOfDayIn('2026-12-05', 'America/Lima').toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect(startOfDayIn('2026-12-05', 'America/Lima', 1).toISOString()).toBe('2026-12-06T05:00:00.000Z');
    expect(startOfDayIn('2026-12-05', 'UTC').toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(startOfDayIn('9999-12-31', 'UTC', 1).toISOString()).toBe('+010000-01-01T00:00:00.000Z');
  });

  it('follow a change of daylight saving time (Madrid; Santiago, whose clocks skip midnight)', () => {
    expect(startOfDayIn('2026-03-29', 'Europe/Madrid').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-03-30', 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Santiago moves from −04:00 to −03:00 at midnight on 2026-09-06: that day starts at 01:00 (04:00Z).
    expect(startOfDayIn('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDayIn('2026-09-07', 'America/Santiago').toISOString()).toBe('2026-09-07T03:00:00.000Z');
  });

  it('take IANA names only', () => {
    expect(isTimeZone('America/Lima')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(5)).toBe(false);
  });
});
