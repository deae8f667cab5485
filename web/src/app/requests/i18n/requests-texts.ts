import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { TranslationParams } from '../../i18n/interpolate';
import type { RequestsTextKey } from './requests-dictionaries';

export type { RequestsKey, RequestsTextKey } from './requests-dictionaries';

/**
 * Translates the request pages' own keys and the app's shared ones. Their texts
 * (locales/<language>/requests.json) load with those pages (`withTexts` in the routes).
 */
@Injectable({ providedIn: 'root' })
export class RequestsI18n {
  private readonly i18n = inject(I18n);

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t = (key: RequestsTextKey, params?: TranslationParams): string => this.i18n.translate(key, params);
}
