import type { TranslationKey } from '../../i18n/dictionary';
import type { KeyOf } from '../../i18n/texts';

/** A key of the request pages' own texts (locales/es/requests.json defines them). */
export type RequestsKey = KeyOf<'requests'>;

/** Any text the request pages show: their own, or one of the whole app's. */
export type RequestsTextKey = RequestsKey | TranslationKey;
