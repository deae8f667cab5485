import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { StaffTranslate } from './staff-dictionaries';

export type { StaffKey, StaffTextKey, StaffTranslate } from './staff-dictionaries';

/** Translates the staff pages' keys and the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class StaffI18n {
  private readonly i18n = inject(I18n);

  /** The interface language, for formatting numbers and plurals. */
  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: StaffTranslate = (key, params) => this.i18n.translate(key, params);
}
