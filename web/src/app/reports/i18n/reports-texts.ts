import { computed, inject, Injectable } from '@angular/core';

import { StaffI18n } from '../../core/staff-i18n/staff-texts';
import { interpolate } from '../../i18n/interpolate';
import type { StaffTextKey } from '../../core/staff-i18n/staff-dictionaries';
import { REPORTS_DICTIONARIES, type ReportsTranslate } from './reports-dictionaries';

export type { ReportsKey, ReportsTextKey, ReportsTranslate } from './reports-dictionaries';

/** Translates the dashboard's own keys and, through `StaffI18n`, the staff pages' and the app's. */
@Injectable({ providedIn: 'root' })
export class ReportsI18n {
  private readonly staff = inject(StaffI18n);
  private readonly dictionary = computed(() => REPORTS_DICTIONARIES[this.staff.language()]);

  /** The interface language, for numbers and dates. */
  readonly language = this.staff.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t: ReportsTranslate = (key, params) => {
    const own = this.dictionary() as Readonly<Record<string, string>>;
    return Object.hasOwn(own, key) ? interpolate(own[key] ?? key, params) : this.staff.t(key as StaffTextKey, params);
  };
}
