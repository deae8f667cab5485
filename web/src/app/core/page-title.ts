import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';

/** A route's `title`: a translation key, checked at compile time. */
export function pageTitle(key: TranslationKey): string {
  return key;
}

/** Sets the document title from the route's translation key, in the current language. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly pageKey = signal<TranslationKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const appName = this.i18n.t('app.name');
      const key = this.pageKey();
      this.title.setTitle(key ? `${this.i18n.t(key)} · ${appName}` : appName);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set((this.buildTitle(snapshot) as TranslationKey | undefined) ?? null);
  }
}
