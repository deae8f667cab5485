import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { type Language, THEMATIC_AREAS, type ThematicArea } from '@portal/shared';

import { I18n } from '../i18n/i18n';
import { RequestsI18n } from './i18n/requests-texts';
import { RequestsApi } from './requests-api';

/**
 * The seven thematic areas with their names in the current language, as the API names
 * them. Until the API answers (or when offline) the app's own translations stand in, so a
 * member can still pick an area on a dropped connection.
 */
@Injectable({ providedIn: 'root' })
export class ThematicAreas {
  private readonly api = inject(RequestsApi);
  private readonly i18n = inject(I18n);
  private readonly t = inject(RequestsI18n).t;
  private readonly fromApi = signal<Partial<Record<Language, Partial<Record<ThematicArea, string>>>>>({});

  readonly codes = THEMATIC_AREAS;

  /** Names by code in the current language. */
  readonly names = computed<Record<ThematicArea, string>>(() => {
    const language = this.i18n.language();
    const loaded = this.fromApi()[language] ?? {};
    const names = {} as Record<ThematicArea, string>;
    for (const code of THEMATIC_AREAS) names[code] = loaded[code] ?? this.t(`requests.area.${code}`);
    return names;
  });

  constructor() {
    effect(() => void this.load(this.i18n.language()));
  }

  name(code: string): string {
    return this.names()[code as ThematicArea] ?? code;
  }

  private async load(language: Language): Promise<void> {
    if (this.fromApi()[language]) return;
    try {
      const areas = await this.api.thematicAreas();
      const names: Partial<Record<ThematicArea, string>> = {};
      for (const area of areas) names[area.code] = area.name;
      this.fromApi.update((all) => ({ ...all, [language]: names }));
    } catch {
      // Offline or refused: the app's own names stay in place.
    }
  }
}
