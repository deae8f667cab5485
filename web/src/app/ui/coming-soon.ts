import { Component, inject, input } from '@angular/core';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';

/** A section that is not built yet, saying so plainly. */
@Component({
  selector: 'app-coming-soon',
  template: `
    <div class="page-header">
      <h1>{{ t(heading()) }}</h1>
      <p class="badge">{{ t('comingSoon.badge') }}</p>
    </div>
    <p class="explanation">{{ t(explanation()) }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    h1 {
      margin: 0;
    }
    .badge {
      margin: 0;
      padding: 0.125rem 0.625rem;
      border-radius: 999px;
      background: var(--color-accent-soft);
      color: var(--color-accent-strong);
      font-size: 0.875rem;
      font-weight: 600;
    }
    .explanation {
      max-width: 40rem;
      margin: 0;
      color: var(--color-text-muted);
    }
  `,
})
export class ComingSoon {
  readonly heading = input.required<TranslationKey>();
  readonly explanation = input.required<TranslationKey>();
  protected readonly t = inject(I18n).t;
}
