import { Component, inject, input } from '@angular/core';

import { Session } from '../auth/session';
import { I18n } from '../i18n/i18n';
import { LanguageSelect } from '../i18n/language-select';
import { Brand } from './brand';

/**
 * The frame of the pages outside the signed-in shell: the sign-in page and the pages opened
 * from an account email. The portal's name, the language (a person may arrive before anyone
 * set it), one card. Here rather than in accounts/ because the sign-in page is in the first
 * download and the account pages are not.
 */
@Component({
  selector: 'app-account-frame',
  imports: [Brand, LanguageSelect],
  template: `
    <header class="frame-header">
      <app-brand />
      <!-- Signed in, the account's language applies: it is changed from the profile. -->
      @if (!session.isSignedIn()) {
        <app-language-select />
      }
    </header>
    <main id="main-content" class="frame-main" [attr.tabindex]="focusableMain() ? -1 : null">
      <div class="card"><ng-content /></div>
    </main>
    <footer class="frame-footer">
      <p>{{ t('app.network') }}</p>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      min-height: 100dvh;
    }
    .frame-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.625rem 1rem;
      border-top: 4px solid var(--color-accent);
      border-bottom: 1px solid var(--color-border);
      background: var(--color-surface);
    }
    .frame-main {
      flex: 1;
      display: flex;
      align-items: flex-start;
      justify-content: center;
      padding: 1.5rem 1rem;
    }
    .frame-main:focus {
      outline: none;
    }
    /* A page may set a narrower card (the sign-in form). */
    .card {
      width: 100%;
      max-width: var(--account-card-width, 28rem);
    }
    .frame-footer {
      padding: 1rem;
      border-top: 1px solid var(--color-border);
      color: var(--color-text-muted);
      font-size: 0.875rem;
      text-align: center;
    }
    .frame-footer p {
      max-width: 40rem;
      margin: 0 auto;
    }
    @media (min-width: 40rem) {
      .frame-header {
        padding: 0.75rem 1.5rem;
      }
      .frame-main {
        align-items: center;
        padding: 3rem 1.5rem;
      }
      .card {
        padding: 2rem 2.25rem;
        border: 1px solid var(--color-border);
        border-radius: var(--radius-large);
        background: var(--color-surface);
        box-shadow: var(--shadow);
      }
    }
  `,
})
export class AccountFrame {
  /** The account pages' main takes focus like the shell's; the sign-in page's never did. */
  readonly focusableMain = input(true);

  protected readonly t = inject(I18n).t;
  protected readonly session = inject(Session);
}
