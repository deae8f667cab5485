import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { TranslationParams } from '../../i18n/interpolate';
import type { NotificationsTextKey } from './notifications-dictionaries';

/** Translates the notification list's own keys and the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class NotificationsI18n {
  private readonly i18n = inject(I18n);

  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t = (key: NotificationsTextKey, params?: TranslationParams): string => this.i18n.translate(key, params);
}
