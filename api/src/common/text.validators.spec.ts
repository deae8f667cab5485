import { isRealDateOrDateTime } from './text.validators';

describe('isRealDateOrDateTime', () => {
  it('accepts real dates and ISO date-times', () => {
    for (const value of ['2026-02-28', '2024-02-29', '2026-11-28T05:40:00Z', '2026-11-28T05:40:00.123Z', '2026-11-28T00:40-05:00']) {
      expect(isRealDateOrDateTime(value)).toBe(true);
    }
  });

  it('refuses days that do not exist, months past 12 and impossible offsets', () => {
    for (const value of ['2026-02-30', '2026-04-31', '2026-13-45', '2000-00-00', '2026-01-01T00:00+99:99', '2026-01-01T24:00Z', 'yesterday', '2026-1-1']) {
      expect(isRealDateOrDateTime(value)).toBe(false);
    }
  });
});
