import { inject, Injectable } from '@angular/core';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n, type TranslationParams } from '../i18n/i18n';
import type { KeyOf } from '../i18n/texts';

/** A key of the knowledge base's own texts (locales/es/kb.json defines them). */
export type KbKey = KeyOf<'kb'>;

/** Translates the knowledge base's keys, the areas' names (requests.json) and the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class KbI18n {
  private readonly i18n = inject(I18n);

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t = (key: KbKey | KeyOf<'requests'> | TranslationKey, params?: TranslationParams): string =>
    this.i18n.translate(key, params);
}
