import { cellsOf } from './report-sql';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('cellsOf', () => {
  it('tiles whole months with the fewest year, quarter and month cells', () => {
    expect(cellsOf(at('2023-12-01'), at('2026-12-01'))).toEqual({
      spans: [1, 12, 12, 3, 3, 3, 1, 1],
      months: [
        '2023-12-01',
        '2024-01-01',
        '2025-01-01',
        '2026-01-01',
        '2026-04-01',
        '2026-07-01',
        '2026-10-01',
        '2026-11-01',
      ],
    });
    expect(cellsOf(at('2025-12-01'), at('2026-12-01'))).toEqual({
      spans: [1, 3, 3, 3, 1, 1],
      months: ['2025-12-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2026-11-01'],
    });
  });

  it('uses a quarter or a year only when all of it is in the range', () => {
    expect(cellsOf(at('2025-02-01'), at('2025-07-01'))).toEqual({
      spans: [1, 1, 3],
      months: ['2025-02-01', '2025-03-01', '2025-04-01'],
    });
    expect(cellsOf(at('2025-02-01'), at('2025-06-01')).spans).toEqual([1, 1, 1, 1]);
    expect(cellsOf(at('2025-01-01'), at('2025-12-01')).spans).toEqual([3, 3, 3, 1, 1]);
    expect(cellsOf(at('2025-01-01'), at('2026-01-01')).spans).toEqual([12]);
    expect(cellsOf(at('2025-03-01'), at('2025-03-01'))).toEqual({ spans: [], months: [] });
  });
});
