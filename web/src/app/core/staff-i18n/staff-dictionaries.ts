import type { TranslationKey } from '../../i18n/dictionary';
import type { TranslationParams } from '../../i18n/interpolate';
import type { KeyOf } from '../../i18n/texts';

/**
 * A key of the inbox's and administration pages' own texts (locales/es/staff.json defines
 * them). They load with those sections: members never need them.
 */
export type StaffKey = KeyOf<'staff'>;

/** Any text those pages show: their own, or one of the whole app's (roles, regions, statuses). */
export type StaffTextKey = StaffKey | TranslationKey;

/** Translates a staff text; the shape shared by components and pure helpers. */
export type StaffTranslate = (key: StaffTextKey, params?: TranslationParams) => string;
