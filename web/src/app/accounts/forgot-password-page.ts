import { afterNextRender, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LIMITS } from '@portal/shared';

import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { accountFailureOf, AccountsApi } from './accounts-api';
import type { AccountsTextKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';

/** Deliberately loose: the server has the last word; this only catches obvious typos. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * /forgot-password: asks for a reset link. The answer is the same whether or not the
 * address has an account, so the page never tells who is registered.
 */
@Component({
  selector: 'app-forgot-password-page',
  imports: [AccountFrame, RouterLink, SubmitButton],
  templateUrl: './forgot-password-page.html',
  styleUrl: './account-page.css',
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountsApi);
  private readonly injector = inject(Injector);
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly doneBox = viewChild<ElementRef<HTMLElement>>('doneBox');
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly limits = LIMITS;
  protected readonly email = signal('');
  protected readonly submitAttempted = signal(false);
  protected readonly submitting = signal(false);
  /** The address the link was asked for, once the API took the request. */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly failure = signal<AccountsTextKey | null>(null);
  private readonly serverEmailError = signal(false);

  protected readonly emailError = computed<AccountsTextKey | null>(() => {
    if (!this.submitAttempted()) return null;
    const email = this.email().trim();
    if (!email) return 'login.emailRequired';
    return EMAIL_SHAPE.test(email) && !this.serverEmailError() ? null : 'login.emailInvalid';
  });

  protected updateEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
    this.serverEmailError.set(false);
  }

  protected async sendLink(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.submitAttempted.set(true);
    this.failure.set(null);
    if (this.emailError()) return this.emailInput()?.nativeElement.focus();
    this.submitting.set(true);
    const email = this.email().trim();
    try {
      await this.api.forgotPassword({ email });
      this.sentTo.set(email);
      afterNextRender(() => this.doneBox()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'fields' && failure.fields['email']) {
        this.serverEmailError.set(true);
        afterNextRender(() => this.emailInput()?.nativeElement.focus(), { injector: this.injector });
      } else {
        this.failure.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
        afterNextRender(() => this.errorBox()?.nativeElement.focus(), { injector: this.injector });
      }
    } finally {
      this.submitting.set(false);
    }
  }

  /** Back to the form, e.g. after a typo in the address. */
  protected askAgain(): void {
    this.sentTo.set(null);
    this.submitAttempted.set(false);
    afterNextRender(() => this.emailInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
