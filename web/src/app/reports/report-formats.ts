import type { Language, TrendInterval } from '@portal/shared';

/** Numbers, shares, hours and days in the viewer's language; "—" where there is no figure. */
export interface ReportFormats {
  count(value: number): string;
  percent(share: number | null): string;
  hours(value: number | null): string;
  /** Hours as a bare number (table cells whose header says "(h)"). */
  decimal(value: number | null): string;
  /** A change in % (+12.5 → "+12,5 %" in Spanish), signed. */
  change(percent: number): string;
  /** A signed number (percentage points). */
  signed(value: number): string;
  day(day: string): string;
  period(day: string, interval: TrendInterval): string;
}

export const NO_FIGURE = '—';

export function reportFormats(language: Language): ReportFormats {
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const change = new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const hours = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
  // Days are calendar days (YYYY-MM-DD): formatted in UTC so no time zone moves them.
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const week = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const asDate = (text: string) => new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return {
    count: (value) => count.format(value),
    percent: (share) => (share === null ? NO_FIGURE : percent.format(share)),
    hours: (value) => (value === null ? NO_FIGURE : hours.format(value)),
    decimal: (value) => (value === null ? NO_FIGURE : decimal.format(value)),
    change: (value) => change.format(value / 100),
    signed: (value) => signed.format(value),
    day: (text) => day.format(asDate(text)),
    period: (text, interval) => (interval === 'week' ? week : month).format(asDate(text)),
  };
}
