import type { StaffTextKey } from '../../core/staff-i18n/staff-dictionaries';
import type { TranslationParams } from '../../i18n/interpolate';
import type { KeyOf } from '../../i18n/texts';

/**
 * A key of the reports dashboard's own texts (locales/es/reports.json defines them). They
 * load with the dashboard: only directors, the executive and admins open it.
 */
export type ReportsKey = KeyOf<'reports'>;

/** Any text the dashboard shows: its own, a staff page's (area names) or the whole app's (statuses, regions). */
export type ReportsTextKey = ReportsKey | StaffTextKey;

export type ReportsTranslate = (key: ReportsTextKey, params?: TranslationParams) => string;
