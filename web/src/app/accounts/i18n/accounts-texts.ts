import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { AccountsTranslate } from './accounts-dictionaries';

export type { AccountsKey, AccountsTextKey, AccountsTranslate } from './accounts-dictionaries';

/** Translates the account pages' own keys and the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class AccountsI18n {
  private readonly i18n = inject(I18n);

  /** The interface language. */
  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: AccountsTranslate = (key, params) => this.i18n.translate(key, params);
}
