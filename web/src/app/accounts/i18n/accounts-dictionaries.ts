import type { Language } from '@portal/shared';

import type { TranslationKey } from '../../i18n/dictionary';
import type { TranslationParams } from '../../i18n/interpolate';
import { accountsEn } from './accounts-en';
import { accountsEs } from './accounts-es';
import { accountsFr } from './accounts-fr';
import { accountsPt } from './accounts-pt';

/** A key of the account pages' own texts; Spanish defines them. */
export type AccountsKey = keyof typeof accountsEs;

/** A language's texts for the account pages: exactly the Spanish keys, no more, no less. */
export type AccountsDictionary = { readonly [K in AccountsKey]: string };

/** Any text the account pages show: their own, or one of the whole app's. */
export type AccountsTextKey = AccountsKey | TranslationKey;

export type AccountsTranslate = (key: AccountsTextKey, params?: TranslationParams) => string;

/**
 * The account pages' texts travel with those pages (lazy chunks), not in the app's first
 * download: most visits never open them. Only the route titles, the menu entry and the
 * sign-in page's link live in the shared dictionaries.
 */
export const ACCOUNTS_DICTIONARIES: { readonly [L in Language]: AccountsDictionary } = {
  es: accountsEs,
  en: accountsEn,
  pt: accountsPt,
  fr: accountsFr,
};
