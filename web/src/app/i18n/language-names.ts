import type { Language } from '@portal/shared';

/** Each language named in itself, so a person finds theirs whatever the current language. */
export const LANGUAGE_NAMES: { readonly [L in Language]: string } = {
  es: 'Español',
  en: 'English',
  pt: 'Português',
  fr: 'Français',
};
