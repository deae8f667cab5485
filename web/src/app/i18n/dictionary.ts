import type { KeyOf } from './texts';

/** Every key of the app's shared texts (locales/es/app.json defines them). */
export type TranslationKey = KeyOf<'app'>;
