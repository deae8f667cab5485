import { isLanguage, type Language } from '@portal/shared';

/**
 * The first of the browser's preferred languages (`navigator.languages`, best first) that
 * the portal speaks, by its base ("pt-BR" is Portuguese); null when none is.
 */
export function languageFromBrowser(preferred: readonly string[] | null | undefined): Language | null {
  for (const tag of preferred ?? []) {
    const base = String(tag).trim().toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}
