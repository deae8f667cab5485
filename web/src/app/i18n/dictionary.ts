import type { es } from './es';

/** Every key of the interface's texts; Spanish defines them. */
export type TranslationKey = keyof typeof es;

/** A language's texts: exactly the keys of the Spanish dictionary, no more, no less. */
export type Dictionary = { readonly [K in TranslationKey]: string };
