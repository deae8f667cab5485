import { Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ArticleHit, ThematicArea } from '@portal/shared';

import { KbApi } from '../knowledge-base/kb-api';
import { RequestsI18n } from './i18n/requests-texts';

/** How long typing must pause before articles are asked for: one call per pause, not per key. */
const SUGGEST_DEBOUNCE_MS = 450;
const SUBJECT_MIN = 3;

/**
 * Up to three articles of the knowledge base for the subject being typed (and the area
 * picked), under the subject field. The answer is small (titles and addresses only) for a
 * slow phone; a failed call (offline) just shows none. An article opens with the visit of
 * this form, so "this answered my question" is counted once for it.
 */
@Component({
  selector: 'app-kb-suggestions',
  imports: [RouterLink],
  template: `
    @if (articles().length > 0) {
      <section class="kb-suggestions" aria-labelledby="kb-suggestions-heading" data-testid="kb-suggestions">
        <h2 id="kb-suggestions-heading">{{ t('form.kb.heading') }}</h2>
        <ul>
          @for (article of articles(); track article.id) {
            <li>
              <a
                [routerLink]="['/kb', article.language, article.slug]"
                [queryParams]="{ visit: visitId() }"
                [attr.lang]="article.language"
                data-testid="kb-suggestion"
                >{{ article.title }}</a
              >
            </li>
          }
        </ul>
        <p class="hint">{{ t('form.kb.hint') }}</p>
      </section>
    }
    <p class="visually-hidden" aria-live="polite">
      {{ articles().length > 0 ? t('form.kb.announce', { count: articles().length }) : '' }}
    </p>
  `,
  styles: `
    .kb-suggestions {
      margin-top: 0.75rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--color-accent);
      background: var(--color-accent-soft);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    li {
      margin: 0.375rem 0;
      overflow-wrap: anywhere;
    }
    .hint {
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
  `,
})
export class KbSuggestions {
  readonly subject = input.required<string>();
  readonly area = input<ThematicArea | null>(null);
  readonly visitId = input.required<string>();

  private readonly api = inject(KbApi);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly articles = signal<ArticleHit[]>([]);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest call's answer is shown (an older one may arrive last on a slow link). */
  private asked = 0;

  constructor() {
    effect(() => {
      const subject = this.subject().trim();
      const area = this.area();
      clearTimeout(this.timer);
      if ([...subject].length < SUBJECT_MIN) {
        this.articles.set([]);
        return;
      }
      this.timer = setTimeout(() => void this.suggest(subject, area), SUGGEST_DEBOUNCE_MS);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  private async suggest(subject: string, area: ThematicArea | null): Promise<void> {
    const call = ++this.asked;
    try {
      const articles = await this.api.suggestions(subject, area);
      if (call === this.asked) this.articles.set(articles);
    } catch {
      if (call === this.asked) this.articles.set([]);
    }
  }
}
