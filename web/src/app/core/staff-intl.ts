import type { Language } from '@portal/shared';

/** Plural rules and collators of the platform's Intl, built once per language (slow on cheap phones). */
const pluralRules = new Map<Language, Intl.PluralRules>();
const collators = new Map<Language, Intl.Collator>();

/** Whether `count` takes the singular form in `language` (French: "0 demande", "1 demande"). */
export function isSingular(count: number, language: Language): boolean {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count) === 'one';
}

/** Compares names the way `language` sorts them (accents and case aside). */
export function nameOrder(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) collators.set(language, (collator = new Intl.Collator(language, { sensitivity: 'base' })));
  return (a, b) => collator.compare(a, b);
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A count as people of `language` write it: 10,000 (en), 10.000 (es, pt), 10 000 (fr). */
export function formatCount(count: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(count);
}
