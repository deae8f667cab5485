import { computed, inject, Injectable } from '@angular/core';

import type { TranslationKey } from '../../i18n/dictionary';
import { I18n } from '../../i18n/i18n';
import { interpolate, type TranslationParams } from '../../i18n/interpolate';
import { NOTIFICATIONS_DICTIONARIES, type NotificationsTextKey } from './notifications-dictionaries';

/** Translates the notification list's own keys and, through `I18n`, the app's shared ones. */
@Injectable({ providedIn: 'root' })
export class NotificationsI18n {
  private readonly i18n = inject(I18n);
  private readonly dictionary = computed(() => NOTIFICATIONS_DICTIONARIES[this.i18n.language()]);

  readonly language = this.i18n.language;

  /** An arrow so templates can hold it; reading it in a template follows language changes. */
  readonly t = (key: NotificationsTextKey, params?: TranslationParams): string => {
    const own = this.dictionary() as Readonly<Record<string, string>>;
    return Object.hasOwn(own, key) ? interpolate(own[key] ?? key, params) : this.i18n.t(key as TranslationKey, params);
  };
}
