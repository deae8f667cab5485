import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  type ArticleHit,
  isLanguage,
  KB_LIMITS,
  type Language,
  LANGUAGES,
  type Page,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@portal/shared';

import { Session } from '../auth/session';
import { isNetworkError } from '../core/api';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { AccountFrame } from '../ui/account-frame';
import { KbApi } from './kb-api';
import { KbI18n } from './kb-texts';

/**
 * /kb/<language>?q=…&area=…: the knowledge base's search, in one language (the words stemmed,
 * accents ignored), by area; without words, the area's articles. Open to everybody.
 */
@Component({
  selector: 'app-kb-search-page',
  imports: [AccountFrame, RouterLink],
  templateUrl: './kb-search-page.html',
  styleUrl: './kb-search-page.css',
})
export class KbSearchPage {
  readonly lang = input<string>('es');
  readonly q = input<string | undefined>();
  readonly area = input<string | undefined>();

  private readonly api = inject(KbApi);
  private readonly router = inject(Router);
  protected readonly signedIn = inject(Session).isSignedIn;
  protected readonly t = inject(KbI18n).t;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly queryMax = KB_LIMITS.queryMax;

  protected readonly language = computed<Language>(() => {
    const lang = this.lang();
    return isLanguage(lang) ? lang : 'es';
  });
  protected readonly chosenArea = computed<ThematicArea | ''>(() => {
    const area = this.area();
    return (THEMATIC_AREAS as readonly string[]).includes(area ?? '') ? (area as ThematicArea) : '';
  });
  protected readonly results = signal<Page<ArticleHit> | null>(null);
  protected readonly failed = signal<'offline' | 'failed' | null>(null);

  constructor() {
    effect(() => {
      const language = this.language();
      const q = this.q() ?? '';
      const area = this.chosenArea();
      untracked(() => void this.load(language, q, area));
    });
  }

  protected areaName(area: string): string {
    return this.t(`requests.area.${area}` as `requests.area.climate-resilience`);
  }

  protected searchArticles(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const q = (form.elements.namedItem('q') as HTMLInputElement).value.trim();
    const area = (form.elements.namedItem('area') as HTMLSelectElement).value;
    void this.router.navigate(['/kb', this.language()], {
      queryParams: { q: q || null, area: area || null },
    });
  }

  private async load(language: Language, q: string, area: ThematicArea | ''): Promise<void> {
    this.failed.set(null);
    try {
      this.results.set(await this.api.search(language, q.slice(0, KB_LIMITS.queryMax), area));
    } catch (error) {
      this.results.set(null);
      this.failed.set(isNetworkError(error) ? 'offline' : 'failed');
    }
  }
}
