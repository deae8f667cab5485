import { cutSegments, trendPeriods } from './report-periods';

describe("the trend's periods in the viewer's time zone", () => {
  it("start each week on Monday and each month on the 1st at the zone's midnight", () => {
    const from = new Date('2026-03-04T05:00:00Z'); // Wednesday 4 March in Lima
    const to = new Date('2026-03-17T05:00:00Z');
    const weeks = trendPeriods('week', from, to, 'America/Lima');
    expect(weeks.labels).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(weeks.starts.map((d) => d.toISOString())).toEqual([
      '2026-03-02T05:00:00.000Z',
      '2026-03-09T05:00:00.000Z',
      '2026-03-16T05:00:00.000Z',
    ]);
    expect(weeks.ends.at(-1)!.toISOString()).toBe('2026-03-23T05:00:00.000Z');
    const months = trendPeriods(
      'month',
      new Date('2026-01-31T12:00:00Z'),
      new Date('2026-03-01T05:00:00Z'),
      'America/Lima',
    );
    expect(months.labels).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('follow a change of clocks (Madrid: the week after the last Sunday of March starts an hour earlier in UTC)', () => {
    const weeks = trendPeriods(
      'week',
      new Date('2026-03-23T00:00:00Z'),
      new Date('2026-04-03T00:00:00Z'),
      'Europe/Madrid',
    );
    expect(weeks.starts.map((d) => d.toISOString())).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('give, for each UTC day a boundary cuts, the hours on the far side of it from noon; none in UTC', () => {
    const lo = new Date('2026-03-01T00:00:00Z');
    const hi = new Date('2026-03-20T00:00:00Z');
    const lima = cutSegments(trendPeriods('week', lo, hi, 'America/Lima'), lo, hi);
    expect(lima.lo.map((d) => d.toISOString())).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    expect(lima.hi[0].toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(lima.noon[0].toISOString()).toBe('2026-03-02T12:00:00.000Z');
    // East of UTC the boundary is late in the UTC day: the segment runs from it to midnight.
    const madrid = cutSegments(trendPeriods('week', lo, hi, 'Europe/Madrid'), lo, hi);
    expect([madrid.lo[0].toISOString(), madrid.hi[0].toISOString()]).toEqual([
      '2026-03-01T23:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    expect(cutSegments(trendPeriods('week', lo, hi, 'UTC'), lo, hi)).toEqual({ lo: [], hi: [], noon: [] });
  });

  it('end at the last day the dates allow', () => {
    const periods = trendPeriods('month', new Date('9999-11-15T00:00:00Z'), new Date('+010000-01-01T00:00:00Z'), 'UTC');
    expect(periods.labels).toEqual(['9999-11-01', '9999-12-01']);
  });
});
