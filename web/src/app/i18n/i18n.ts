import { computed, DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@portal/shared';

import { BrowserStorage, STORAGE_KEYS } from '../core/browser-storage';
import type { TranslationKey } from './dictionary';
import { languageFromBrowser } from './browser-language';
import { interpolate, type TranslationParams } from './interpolate';
import { TEXTS, type Texts, type TextsPart } from './texts';

export type { TranslationParams } from './interpolate';

/** The language on screen, with the texts of every part loaded in it so far. */
interface Shown {
  readonly language: Language;
  readonly parts: ReadonlySet<TextsPart>;
  readonly texts: Texts;
}

/**
 * The interface language and its texts, as signals: a template that calls `t()` re-renders
 * when the language changes. Signed in, the language is the account's (changed from the
 * profile only: on a phone a cooperative shares, one person's pick does not follow the
 * next). Signed out: the one picked on this device, else the browser's first preference
 * the portal speaks, else Spanish.
 *
 * Texts are downloaded in the person's language only (see `texts.ts`): the app's before the
 * first page (an app initializer waits for `ready()`, the boot message stays meanwhile), a
 * section's with the section (`withTexts`). Another language replaces the one on screen only
 * once all its parts in use have arrived, so no page ever shows a key instead of a text.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly storage = inject(BrowserStorage);
  private readonly chosenOnThisDevice = signal<Language | null>(this.readChosenLanguage());
  private readonly accountLanguage = signal<Language | null>(null);
  private readonly browserLanguage = languageFromBrowser(inject(DOCUMENT).defaultView?.navigator.languages);
  /** The language the person should see; `shown` follows it once its texts are in. */
  private readonly wanted = computed<Language>(
    () => this.accountLanguage() ?? this.chosenOnThisDevice() ?? this.browserLanguage ?? DEFAULT_LANGUAGE,
  );
  private readonly shown = signal<Shown | null>(null);
  /** Every part some page has needed: a change of language loads them all. */
  private readonly parts = new Set<TextsPart>(['app']);
  /** The language being loaded or shown, and its loading. */
  private target: Language | null = null;
  private loading: Promise<void> = Promise.resolve();

  readonly language = computed<Language>(() => this.shown()?.language ?? this.wanted());

  /** Translates a key, filling `{placeholders}` from `params`. An arrow so templates can hold it. */
  readonly t = (key: TranslationKey, params?: TranslationParams): string => this.translate(key, params);

  constructor() {
    const document = inject(DOCUMENT);
    effect(() => {
      document.documentElement.lang = this.language();
    });
    this.storage.watchOtherTabs(STORAGE_KEYS.language, (value) => {
      this.chosenOnThisDevice.set(isLanguage(value) ? value : null);
      this.follow();
    });
  }

  /**
   * Any loaded key, for the sections' own services (whose key types the compiler checks).
   * A key whose part has not been loaded would show as itself: the routes load a section's
   * texts before its pages (`withTexts`).
   */
  translate(key: string, params?: TranslationParams): string {
    const text = this.shown()?.texts[key];
    return text === undefined ? key : interpolate(text, params);
  }

  /**
   * Resolves once the wanted language is on screen (the first time: once the app's texts
   * have arrived). Rejects when its texts could not be downloaded; the language on screen,
   * if any, then stays.
   */
  async ready(): Promise<void> {
    this.follow();
    let loading: Promise<void>;
    do {
      loading = this.loading;
      await loading;
    } while (loading !== this.loading);
  }

  /** Loads these parts' texts in the language on screen, and in any language shown later. */
  async load(...parts: TextsPart[]): Promise<void> {
    for (const part of parts) this.parts.add(part);
    for (;;) {
      const shown = this.shown();
      if (!shown) {
        await this.ready();
        continue;
      }
      const missing = parts.filter((part) => !shown.parts.has(part));
      if (missing.length === 0) return;
      const loaded = await Promise.all(missing.map((part) => textsOf(part, shown.language)));
      const now = this.shown();
      // Another language came meanwhile: it loaded these parts too (they were registered).
      if (now?.language !== shown.language) continue;
      this.shown.set({
        language: now.language,
        parts: new Set([...now.parts, ...missing]),
        texts: Object.assign({}, now.texts, ...loaded) as Texts,
      });
    }
  }

  /** A language picked on this device, for the signed-out pages (signed in, the account's applies). */
  chooseLanguage(language: Language): void {
    this.chosenOnThisDevice.set(language);
    this.storage.write(STORAGE_KEYS.language, language);
    this.follow();
  }

  /** The signed-in person's language (null when signed out): it wins while signed in. */
  useAccountLanguage(language: Language | null): void {
    this.accountLanguage.set(language);
    this.follow();
  }

  /** Starts loading the wanted language unless it is already loading or on screen. */
  private follow(): void {
    const language = this.wanted();
    if (language === this.target) return;
    this.target = language;
    this.loading = this.show(language).catch((error: unknown) => {
      // Offline, or a build replaced the files: stay in the language on screen; a later change retries.
      if (this.target === language) this.target = this.shown()?.language ?? null;
      throw error;
    });
    // Callers that do not wait (a language picked in the select) must not leave a rejection unhandled.
    this.loading.catch((error: unknown) => console.error(error));
  }

  private async show(language: Language): Promise<void> {
    for (;;) {
      const parts = [...this.parts];
      const loaded = await Promise.all(parts.map((part) => textsOf(part, language)));
      // Another language was asked for meanwhile: that one is shown, not this.
      if (this.wanted() !== language) return;
      // A section asked for a part meanwhile: load it too before switching.
      if (parts.length !== this.parts.size) continue;
      this.shown.set({ language, parts: new Set(parts), texts: Object.assign({}, ...loaded) as Texts });
      return;
    }
  }

  private readChosenLanguage(): Language | null {
    const stored = this.storage.read(STORAGE_KEYS.language);
    return isLanguage(stored) ? stored : null;
  }
}

/** One part's texts in one language; the module loader downloads each file once. */
async function textsOf(part: TextsPart, language: Language): Promise<Texts> {
  return (await TEXTS[part][language]()).default;
}

/**
 * For a route's `loadChildren` or `loadComponent` (run where `inject` works): the section's
 * code and its texts, downloaded side by side, the page shown once both are in.
 */
export function withTexts<T>(parts: readonly TextsPart[], load: () => Promise<T>): Promise<T> {
  const texts = inject(I18n).load(...parts);
  return Promise.all([load(), texts]).then(([loaded]) => loaded);
}
