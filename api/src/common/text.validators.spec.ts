import { hasVisibleText, isRealDateOrDateTime } from './text.validators';

describe('isRealDateOrDateTime', () => {
  it('accepts real dates and ISO date-times', () => {
    for (const value of [
      '2026-02-28',
      '2024-02-29',
      '2026-11-28T05:40:00Z',
      '2026-11-28T05:40:00.123Z',
      '2026-11-28T00:40-05:00',
    ]) {
      expect(isRealDateOrDateTime(value)).toBe(true);
    }
  });

  it('refuses days that do not exist, months past 12 and impossible offsets', () => {
    for (const value of [
      '2026-02-30',
      '2026-04-31',
      '2026-13-45',
      '2000-00-00',
      '2026-01-01T00:00+99:99',
      '2026-01-01T24:00Z',
      'yesterday',
      '2026-1-1',
    ]) {
      expect(isRealDateOrDateTime(value)).toBe(false);
    }
  });
});

describe('hasVisibleText', () => {
  it('accepts text with something to see, in any script, with marks and emoji', () => {
    for (const value of ['Feria', 'café', 'ñ', '日本', '\u200Bx', 'العربية', '👍', 'e\u0301', '1']) {
      expect(hasVisibleText(value)).toBe(true);
    }
  });

  it('refuses text made only of controls, zero-width, bidi, fillers, spaces and lone marks', () => {
    for (const value of [
      '',
      '   ',
      '\u200B\u200C\u200D\u2060',
      '\u202E\u202D\u2066\u2069\u200E\u200F',
      '\u0007\u001B\u007F',
      '\u3164\u115F',
      '\uFE0F\uFEFF',
      '\u00A0\u2003\u3000',
      '\u0301\u0301',
      '\u00AD',
    ]) {
      expect(hasVisibleText(value)).toBe(false);
    }
    expect(hasVisibleText(42)).toBe(false);
  });
});
