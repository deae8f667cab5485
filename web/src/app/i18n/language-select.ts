import { Component, inject } from '@angular/core';

import { isLanguage, LANGUAGES } from '@portal/shared';

import { I18n } from './i18n';
import { LANGUAGE_NAMES } from './language-names';

/**
 * A native select: the most robust control on cheap phones and with screen readers. On
 * narrow screens it is drawn as a small "ES" button (the select stays on top, transparent,
 * so touch, keyboard and screen readers still use the real control).
 */
@Component({
  selector: 'app-language-select',
  template: `
    <label class="language-select">
      <span class="visually-hidden">{{ t('language.label') }}</span>
      <select data-testid="language-select" (change)="switchLanguage($event)">
        @for (language of languages; track language) {
          <option [value]="language" [attr.lang]="language" [selected]="language === i18n.language()">
            {{ languageNames[language] }}
          </option>
        }
      </select>
      <span class="face" aria-hidden="true">
        <svg class="globe" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
        </svg>
        <span class="code">{{ i18n.language() }}</span>
        <svg class="chevron" viewBox="0 0 12 8" width="12" height="8" focusable="false"><path d="M1 1l5 5 5-5" /></svg>
      </span>
    </label>
  `,
  styles: `
    .language-select {
      position: relative;
      display: inline-flex;
      align-items: center;
    }
    select {
      min-height: 2.75rem;
      padding: 0.25rem 2rem 0.25rem 2.1rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-text);
      font: inherit;
      appearance: none;
      cursor: pointer;
    }
    select:hover,
    select:hover + .face {
      border-color: var(--color-accent);
    }
    .face {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 0 0.7rem 0 0.6rem;
      pointer-events: none;
    }
    .code {
      display: none;
      font-weight: 600;
      text-transform: uppercase;
    }
    svg {
      fill: none;
      stroke-width: 1.6;
    }
    .globe {
      stroke: var(--color-accent);
    }
    .chevron {
      stroke: var(--color-text);
      stroke-width: 2;
    }
    /* Narrow screens: the face shows the language code; the real select sits on top of it. */
    @media (max-width: 35.99rem) {
      select {
        position: absolute;
        inset: 0;
        z-index: 1;
        width: 100%;
        opacity: 0;
      }
      .face {
        position: static;
        gap: 0.375rem;
        min-height: 2.75rem;
        padding: 0 0.625rem;
        border: 1px solid var(--color-border-strong);
        border-radius: var(--radius);
        background: var(--color-surface);
      }
      .code {
        display: inline;
      }
      select:focus-visible + .face {
        outline: 3px solid var(--color-focus);
        outline-offset: 2px;
      }
    }
  `,
})
export class LanguageSelect {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;

  /** Remembered on this device for the signed-out pages; signed in, the profile sets the account's. */
  protected switchLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLanguage(value)) return;
    this.i18n.chooseLanguage(value);
  }
}
