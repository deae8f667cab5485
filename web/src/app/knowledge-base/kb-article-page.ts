import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { type ArticleView, can, isLanguage, type Language, LANGUAGES } from '@portal/shared';

import { Session } from '../auth/session';
import { isNetworkError, problemOf } from '../core/api';
import { I18n } from '../i18n/i18n';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { clearDraft } from '../requests/request-draft';
import { AccountFrame } from '../ui/account-frame';
import { type ArticleBlock, articleBlocks } from './article-blocks';
import { endFormVisit } from './form-visit';
import { KbApi } from './kb-api';
import { KbI18n } from './kb-texts';

type Failure = 'not-found' | 'members-only' | 'offline' | 'failed';

/**
 * /kb/<language>/<slug>: a published article, readable without signing in (members-only ones
 * with a session), at an address to share. Printable (kb-article-page.css hides the rest);
 * kept by the service worker once read, for reading offline. Opened from the new-request
 * form (?visit=…), it asks whether it answered the question: yes ends there, without filing.
 */
@Component({
  selector: 'app-kb-article-page',
  imports: [AccountFrame, RouterLink],
  templateUrl: './kb-article-page.html',
  styleUrl: './kb-article-page.css',
})
export class KbArticlePage {
  readonly lang = input<string>('es');
  readonly slug = input<string>('');
  /** The visit of the new-request form the member came from. */
  readonly visit = input<string | undefined>();

  private readonly api = inject(KbApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  protected readonly t = inject(KbI18n).t;
  protected readonly languageNames = LANGUAGE_NAMES;

  protected readonly language = computed<Language>(() => {
    const lang = this.lang();
    return isLanguage(lang) ? lang : 'es';
  });
  protected readonly article = signal<ArticleView | null>(null);
  protected readonly failure = signal<Failure | null>(null);
  protected readonly blocks = computed<ArticleBlock[]>(() => articleBlocks(this.article()?.body ?? ''));
  protected readonly otherLanguages = computed(() =>
    (this.article()?.availableLanguages ?? []).filter((language) => language !== this.article()?.language),
  );
  protected readonly translationAsked = signal(false);
  /** From the new-request form, signed in as someone who files requests. */
  protected readonly askAnswered = computed(() => {
    const user = this.session.user();
    return !!this.visit() && !!user && can(user.role, 'kb.suggestions');
  });
  protected readonly answered = signal(false);
  protected readonly signedIn = this.session.isSignedIn;
  protected readonly languages = LANGUAGES;

  constructor() {
    effect(() => {
      const slug = this.slug();
      const language = this.language();
      untracked(() => void this.open(slug, language));
    });
  }

  protected reviewedOn(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.language(), { dateStyle: 'long' }).format(new Date(iso));
  }

  protected areaName(area: string): string {
    return this.t(`requests.area.${area}` as `requests.area.climate-resilience`);
  }

  /** A country named in the interface's language by the browser (no call: readers may be signed out). */
  protected countryName(code: string): string {
    return new Intl.DisplayNames([this.i18n.language()], { type: 'region' }).of(code) ?? code;
  }

  protected print(): void {
    window.print();
  }

  protected async requestTranslation(): Promise<void> {
    const article = this.article();
    if (!article || this.translationAsked()) return;
    try {
      await this.api.requestTranslation(article.id, article.requestedLanguage);
      this.translationAsked.set(true);
    } catch {
      this.failure.set('failed');
    }
  }

  /** "This answered my question": counted once per visit of the form; the draft request is let go. */
  protected async markAnswered(): Promise<void> {
    const article = this.article();
    const visit = this.visit();
    if (!article || !visit) return;
    try {
      await this.api.answered(article.id, visit);
      clearDraft(this.session.user()?.id ?? '');
      endFormVisit();
      this.answered.set(true);
    } catch {
      this.failure.set('failed');
    }
  }

  private async open(slug: string, language: Language): Promise<void> {
    this.failure.set(null);
    try {
      const article = await this.api.article(slug, language);
      this.article.set(article);
      // The tab and a shared link's preview name the article.
      this.title.setTitle(article.title);
    } catch (error) {
      this.article.set(null);
      const code = problemOf(error)?.code;
      this.failure.set(
        code === 'kb.members-only'
          ? 'members-only'
          : isNetworkError(error)
            ? 'offline'
            : problemOf(error)?.status === 404
              ? 'not-found'
              : 'failed',
      );
    }
  }
}
