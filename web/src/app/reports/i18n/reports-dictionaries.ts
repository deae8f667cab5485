import type { Language } from '@portal/shared';

import type { StaffTextKey } from '../../core/staff-i18n/staff-dictionaries';
import type { TranslationParams } from '../../i18n/interpolate';
import { reportsEn } from './reports-en';
import { reportsEs } from './reports-es';
import { reportsFr } from './reports-fr';
import { reportsPt } from './reports-pt';

/** A key of the reports dashboard's own texts; Spanish defines them. */
export type ReportsKey = keyof typeof reportsEs;

/** A language's texts for the dashboard: exactly the Spanish keys, no more, no less. */
export type ReportsDictionary = { readonly [K in ReportsKey]: string };

/** Any text the dashboard shows: its own, a staff page's (area names) or the whole app's (statuses, regions). */
export type ReportsTextKey = ReportsKey | StaffTextKey;

export type ReportsTranslate = (key: ReportsTextKey, params?: TranslationParams) => string;

/**
 * The dashboard's texts travel with the dashboard (a lazy chunk with its charts): only
 * directors, the executive and admins open it.
 */
export const REPORTS_DICTIONARIES: { readonly [L in Language]: ReportsDictionary } = {
  es: reportsEs,
  en: reportsEn,
  pt: reportsPt,
  fr: reportsFr,
};
