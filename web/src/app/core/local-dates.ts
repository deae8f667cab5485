import { computed, inject, Injectable, signal } from '@angular/core';

import { I18n } from '../i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Dates, times and country names in the viewer's language and time zone. Reading any of
 * them in a template re-renders when the language changes, and relative times ("2 h ago")
 * move on by themselves once a minute.
 */
@Injectable({ providedIn: 'root' })
export class LocalDates {
  private readonly i18n = inject(I18n);
  private readonly now = signal(Date.now());
  private readonly formats = computed(() => {
    const language = this.i18n.language();
    return {
      date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }),
      relative: new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' }),
      regions: new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }),
      numbers: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
    };
  });

  constructor() {
    setInterval(() => this.now.set(Date.now()), MINUTE);
  }

  date(iso: string | null | undefined): string {
    return iso ? this.formats().date.format(new Date(iso)) : '';
  }

  dateTime(iso: string | null | undefined): string {
    return iso ? this.formats().dateTime.format(new Date(iso)) : '';
  }

  time(iso: string | number | null | undefined): string {
    return iso === null || iso === undefined ? '' : this.formats().time.format(new Date(iso));
  }

  /** "5 min ago", "in 3 h", "yesterday"; the date itself beyond a week. */
  relative(iso: string | null | undefined): string {
    if (!iso) return '';
    const then = new Date(iso).getTime();
    const diff = then - this.now();
    const distance = Math.abs(diff);
    const format = this.formats().relative;
    if (distance < MINUTE) return format.format(0, 'second');
    if (distance < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
    if (distance < DAY) return format.format(Math.round(diff / HOUR), 'hour');
    if (distance < 7 * DAY) return format.format(Math.round(diff / DAY), 'day');
    return this.date(iso);
  }

  /** Whether a moment lies in the past (re-evaluated once a minute). */
  isPast(iso: string | null | undefined): boolean {
    return !!iso && new Date(iso).getTime() < this.now();
  }

  /** A country's name in the viewer's language, from its ISO code. */
  country(code: string | null | undefined): string {
    if (!code) return '';
    try {
      return this.formats().regions.of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** A file size in kB or MB. */
  fileSize(bytes: number): string {
    const numbers = this.formats().numbers;
    if (bytes < 1024 * 1024) return `${numbers.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
    return `${numbers.format(bytes / 1024 / 1024)} MB`;
  }
}
