/** Values for the `{placeholders}` of a text. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders from `params`; an unknown placeholder stays visible as is. */
export function interpolate(text: string, params?: TranslationParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The placeholder names of a text, sorted: each language must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
