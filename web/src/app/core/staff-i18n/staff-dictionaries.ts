import type { Language } from '@portal/shared';

import type { TranslationKey } from '../../i18n/dictionary';
import type { TranslationParams } from '../../i18n/interpolate';
import { staffEn } from './staff-en';
import { staffEs } from './staff-es';
import { staffFr } from './staff-fr';
import { staffPt } from './staff-pt';

/** A key of the inbox's and administration pages' own texts; Spanish defines them. */
export type StaffKey = keyof typeof staffEs;

/** A language's texts for those pages: exactly the Spanish keys. */
export type StaffDictionary = { readonly [K in StaffKey]: string };

/** Any text those pages show: their own, or one of the whole app's (roles, regions, statuses). */
export type StaffTextKey = StaffKey | TranslationKey;

/** Translates a staff text; the shape shared by components and pure helpers. */
export type StaffTranslate = (key: StaffTextKey, params?: TranslationParams) => string;

/**
 * The staff pages' texts travel with those pages (lazy chunks shared by the inbox and the
 * administration), not in the app's first download: members never need them, and with four
 * languages they would push the initial bundle past its budget. Only what the route titles
 * need lives in the shared dictionaries.
 */
export const STAFF_DICTIONARIES: { readonly [L in Language]: StaffDictionary } = {
  es: staffEs,
  en: staffEn,
  pt: staffPt,
  fr: staffFr,
};
