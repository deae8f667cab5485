/**
 * A resolved request's text made fit for an article anyone may read: the member's details
 * removed. What is removed: email addresses, phone numbers (seven digits or more, with the
 * usual separators), the organization's name and the names of its people (whole names and
 * each of their words of three letters or more, in any case and with or without accents).
 */
export interface MemberDetails {
  organizationName: string;
  peopleNames: readonly string[];
}

export const REMOVED = {
  email: '[email]',
  phone: '[phone]',
  organization: '[organization]',
  person: '[name]',
} as const;

const EMAIL = /[^\s@<>()[\]{},;:"]+@[^\s@<>()[\]{},;:"]+\.[^\s@<>()[\]{},;:"]+/gu;
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/gu;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each whole-word occurrence of one of the phrases (accents and case ignored), longest first. */
function replacePhrases(text: string, phrases: readonly string[], replacement: string): string {
  const wanted = [...new Set(phrases.map(fold).filter((phrase) => phrase.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return text;
  // Match on the folded text; each accented letter folds to one letter, so offsets agree
  // once the text is in composed form.
  const composed = text.normalize('NFC');
  const folded = fold(composed);
  if (folded.length !== composed.length)
    return text.replace(new RegExp(wanted.map(escape).join('|'), 'giu'), replacement);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  let out = '';
  let last = 0;
  for (const match of folded.matchAll(pattern)) {
    out += composed.slice(last, match.index) + replacement;
    last = match.index + match[0].length;
  }
  return out + composed.slice(last);
}

export function scrubMemberDetails(text: string, details: MemberDetails): string {
  let result = text.replace(EMAIL, REMOVED.email);
  result = result.replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 7 ? REMOVED.phone : match));
  result = replacePhrases(result, [details.organizationName], REMOVED.organization);
  const names = details.peopleNames.flatMap((name) => [name, ...name.split(/\s+/)]);
  return replacePhrases(result, names, REMOVED.person);
}
