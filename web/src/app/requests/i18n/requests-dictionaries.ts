import type { Language } from '@portal/shared';

import type { TranslationKey } from '../../i18n/dictionary';
import { requestsEn } from './requests-en';
import { requestsEs } from './requests-es';
import { requestsFr } from './requests-fr';
import { requestsPt } from './requests-pt';

/** A key of the request pages' own texts; Spanish defines them. */
export type RequestsKey = keyof typeof requestsEs;

/** A language's texts for the request pages: exactly the Spanish keys, no more, no less. */
export type RequestsDictionary = { readonly [K in RequestsKey]: string };

/** Any text the request pages show: their own, or one of the whole app's. */
export type RequestsTextKey = RequestsKey | TranslationKey;

/**
 * The request pages' texts travel with those pages (a lazy chunk), not in the app's first
 * download: with four languages, in the shared dictionaries they would push the initial
 * bundle past its budget. Only what other parts of the app share (status and priority
 * names, error messages, the route title) lives in the shared dictionaries.
 */
export const REQUESTS_DICTIONARIES: { readonly [L in Language]: RequestsDictionary } = {
  es: requestsEs,
  en: requestsEn,
  pt: requestsPt,
  fr: requestsFr,
};
