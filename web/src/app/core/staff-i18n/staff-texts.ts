import { computed, inject, Injectable } from '@angular/core';

import type { TranslationKey } from '../../i18n/dictionary';
import { I18n } from '../../i18n/i18n';
import { interpolate } from '../../i18n/interpolate';
import { STAFF_DICTIONARIES, type StaffTranslate } from './staff-dictionaries';

export type { StaffKey, StaffTextKey, StaffTranslate } from './staff-dictionaries';

/** Translates the staff pages' keys and, through `I18n`, the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class StaffI18n {
  private readonly i18n = inject(I18n);
  private readonly dictionary = computed(() => STAFF_DICTIONARIES[this.i18n.language()]);

  /** The interface language, for formatting numbers and plurals. */
  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: StaffTranslate = (key, params) => {
    const own = this.dictionary() as Readonly<Record<string, string>>;
    return Object.hasOwn(own, key) ? interpolate(own[key] ?? key, params) : this.i18n.t(key as TranslationKey, params);
  };
}
