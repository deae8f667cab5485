import type { Language } from '@portal/shared';

/** A language file's texts: flat keys, values with `{placeholders}`. */
export type Texts = Readonly<Record<string, string>>;

type LoadTexts = () => Promise<{ readonly default: Texts }>;

/**
 * The interface's texts, in JSON files that translation tools read and write
 * (`web/src/locales/<language>/<part>.json`: flat key/value, `{name}` placeholders, as
 * i18next, Transloco, Weblate and Crowdin take them). Spanish is the reference: its keys
 * type the keys the code may ask for (`TranslationKey` and each part's), and
 * `locales.spec.ts` checks every other language has exactly them.
 *
 * Each file is imported on demand, so the bundler makes it a chunk of its own, named by a
 * hash of its content: only the person's language is downloaded, a part only with the
 * pages that show it ("app" before the first page, the others with their sections), and
 * the server lets phones keep it like the rest of the code until a build changes it.
 */
export const TEXTS = {
  app: {
    es: () => import('../../locales/es/app.json'),
    en: () => import('../../locales/en/app.json'),
    pt: () => import('../../locales/pt/app.json'),
    fr: () => import('../../locales/fr/app.json'),
  },
  requests: {
    es: () => import('../../locales/es/requests.json'),
    en: () => import('../../locales/en/requests.json'),
    pt: () => import('../../locales/pt/requests.json'),
    fr: () => import('../../locales/fr/requests.json'),
  },
  accounts: {
    es: () => import('../../locales/es/accounts.json'),
    en: () => import('../../locales/en/accounts.json'),
    pt: () => import('../../locales/pt/accounts.json'),
    fr: () => import('../../locales/fr/accounts.json'),
  },
  notifications: {
    es: () => import('../../locales/es/notifications.json'),
    en: () => import('../../locales/en/notifications.json'),
    pt: () => import('../../locales/pt/notifications.json'),
    fr: () => import('../../locales/fr/notifications.json'),
  },
  staff: {
    es: () => import('../../locales/es/staff.json'),
    en: () => import('../../locales/en/staff.json'),
    pt: () => import('../../locales/pt/staff.json'),
    fr: () => import('../../locales/fr/staff.json'),
  },
  reports: {
    es: () => import('../../locales/es/reports.json'),
    en: () => import('../../locales/en/reports.json'),
    pt: () => import('../../locales/pt/reports.json'),
    fr: () => import('../../locales/fr/reports.json'),
  },
  satisfaction: {
    es: () => import('../../locales/es/satisfaction.json'),
    en: () => import('../../locales/en/satisfaction.json'),
    pt: () => import('../../locales/pt/satisfaction.json'),
    fr: () => import('../../locales/fr/satisfaction.json'),
  },
  quality: {
    es: () => import('../../locales/es/quality.json'),
    en: () => import('../../locales/en/quality.json'),
    pt: () => import('../../locales/pt/quality.json'),
    fr: () => import('../../locales/fr/quality.json'),
  },
  kb: {
    es: () => import('../../locales/es/kb.json'),
    en: () => import('../../locales/en/kb.json'),
    pt: () => import('../../locales/pt/kb.json'),
    fr: () => import('../../locales/fr/kb.json'),
  },
} as const satisfies { readonly [part: string]: { readonly [L in Language]: LoadTexts } };

/** A part of the interface's texts: the app's own (always loaded) or a section's. */
export type TextsPart = keyof typeof TEXTS;

/** The keys of a part, as the Spanish file defines them. */
export type KeyOf<P extends TextsPart> = keyof Awaited<ReturnType<(typeof TEXTS)[P]['es']>>['default'] & string;
