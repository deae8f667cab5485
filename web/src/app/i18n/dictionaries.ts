import type { Language } from '@portal/shared';

import type { Dictionary } from './dictionary';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

/** Every language ships in the app: a few kilobytes each, and no extra download on a slow line. */
export const DICTIONARIES: { readonly [L in Language]: Dictionary } = { es, en, pt, fr };
