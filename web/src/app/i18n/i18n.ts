import { computed, DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@portal/shared';

import { BrowserStorage, STORAGE_KEYS } from '../core/browser-storage';
import type { TranslationKey } from './dictionary';
import { DICTIONARIES } from './dictionaries';
import { interpolate, type TranslationParams } from './interpolate';

export type { TranslationParams } from './interpolate';

/**
 * The interface language and its texts, as signals: a template that calls `t()` re-renders
 * when the language changes. The language is, in order: the one picked on this device,
 * the signed-in person's own, Spanish.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly storage = inject(BrowserStorage);
  private readonly chosenOnThisDevice = signal<Language | null>(this.readChosenLanguage());
  private readonly accountLanguage = signal<Language | null>(null);
  private readonly dictionary = computed(() => DICTIONARIES[this.language()]);

  readonly language = computed<Language>(() => this.chosenOnThisDevice() ?? this.accountLanguage() ?? DEFAULT_LANGUAGE);

  /** Translates a key, filling `{placeholders}` from `params`. An arrow so templates can hold it. */
  readonly t = (key: TranslationKey, params?: TranslationParams): string => interpolate(this.dictionary()[key], params);

  constructor() {
    const document = inject(DOCUMENT);
    effect(() => {
      document.documentElement.lang = this.language();
    });
    this.storage.watchOtherTabs(STORAGE_KEYS.language, (value) =>
      this.chosenOnThisDevice.set(isLanguage(value) ? value : null),
    );
  }

  /** The person picked a language on this device: it wins over the account's from now on. */
  chooseLanguage(language: Language): void {
    this.chosenOnThisDevice.set(language);
    this.storage.write(STORAGE_KEYS.language, language);
  }

  /** The signed-in person's language (null when signed out); used unless one was picked here. */
  useAccountLanguage(language: Language | null): void {
    this.accountLanguage.set(language);
  }

  private readChosenLanguage(): Language | null {
    const stored = this.storage.read(STORAGE_KEYS.language);
    return isLanguage(stored) ? stored : null;
  }
}
