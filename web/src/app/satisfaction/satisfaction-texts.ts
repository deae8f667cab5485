import { inject, Injectable } from '@angular/core';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n, type TranslationParams } from '../i18n/i18n';
import type { KeyOf } from '../i18n/texts';

/** A key of the score page's own texts (locales/es/satisfaction.json defines them). */
export type SatisfactionKey = KeyOf<'satisfaction'>;

/** Translates the score page's own keys and the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class SatisfactionI18n {
  private readonly i18n = inject(I18n);

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t = (key: SatisfactionKey | TranslationKey, params?: TranslationParams): string =>
    this.i18n.translate(key, params);
}
