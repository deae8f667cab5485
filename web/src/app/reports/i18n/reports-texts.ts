import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { ReportsTranslate } from './reports-dictionaries';

export type { ReportsKey, ReportsTextKey, ReportsTranslate } from './reports-dictionaries';

/** Translates the dashboard's own keys, the staff pages' and the app's. */
@Injectable({ providedIn: 'root' })
export class ReportsI18n {
  private readonly i18n = inject(I18n);

  /** The interface language, for numbers and dates. */
  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: ReportsTranslate = (key, params) => this.i18n.translate(key, params);
}
