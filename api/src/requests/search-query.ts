/**
 * Turns what a person typed into a prefix tsquery for the 'simple' configuration: every
 * word must match the start of a word ("cafe" finds "café" and "cafetalera"). Accents are
 * folded in SQL by unaccent() on both sides. Only letters and digits survive, so the result
 * is always valid tsquery syntax; null when nothing searchable is left.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}
