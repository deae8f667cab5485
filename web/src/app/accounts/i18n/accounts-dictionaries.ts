import type { TranslationKey } from '../../i18n/dictionary';
import type { TranslationParams } from '../../i18n/interpolate';
import type { KeyOf } from '../../i18n/texts';

/**
 * A key of the account pages' own texts (locales/es/accounts.json defines them). They load
 * with those pages: most visits never open them. Only the route titles, the menu entry and
 * the sign-in page's link are in the app's shared texts.
 */
export type AccountsKey = KeyOf<'accounts'>;

/** Any text the account pages show: their own, or one of the whole app's. */
export type AccountsTextKey = AccountsKey | TranslationKey;

export type AccountsTranslate = (key: AccountsTextKey, params?: TranslationParams) => string;
