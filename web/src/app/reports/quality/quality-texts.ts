import { inject, Injectable } from '@angular/core';

import { I18n } from '../../i18n/i18n';
import type { TranslationParams } from '../../i18n/interpolate';
import type { KeyOf } from '../../i18n/texts';
import type { ReportsTextKey } from '../i18n/reports-texts';

/** A key of the quality section's own texts (locales/es/quality.json), loaded with the dashboard. */
export type QualityKey = KeyOf<'quality'>;

/** Any text the quality section shows: its own, the dashboard's or the app's (regions, areas). */
export type QualityTextKey = QualityKey | ReportsTextKey;

@Injectable({ providedIn: 'root' })
export class QualityI18n {
  private readonly i18n = inject(I18n);

  readonly language = this.i18n.language;

  readonly t = (key: QualityTextKey, params?: TranslationParams): string => this.i18n.translate(key, params);
}
