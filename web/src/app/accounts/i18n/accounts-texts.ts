import { computed, inject, Injectable } from '@angular/core';

import type { TranslationKey } from '../../i18n/dictionary';
import { I18n } from '../../i18n/i18n';
import { interpolate } from '../../i18n/interpolate';
import { ACCOUNTS_DICTIONARIES, type AccountsTranslate } from './accounts-dictionaries';

export type { AccountsKey, AccountsTextKey, AccountsTranslate } from './accounts-dictionaries';

/** Translates the account pages' own keys and, through `I18n`, the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class AccountsI18n {
  private readonly i18n = inject(I18n);
  private readonly dictionary = computed(() => ACCOUNTS_DICTIONARIES[this.i18n.language()]);

  /** The interface language. */
  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: AccountsTranslate = (key, params) => {
    const own = this.dictionary() as Readonly<Record<string, string>>;
    return Object.hasOwn(own, key) ? interpolate(own[key] ?? key, params) : this.i18n.t(key as TranslationKey, params);
  };
}
