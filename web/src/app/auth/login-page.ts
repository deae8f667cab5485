import { Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LIMITS } from '@portal/shared';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { homeUrlFor } from './access';
import { describeLoginFailure, type LoginFailure } from './login-failure';
import { safeReturnUrl } from './return-url';
import { Session } from './session';

/** Deliberately loose: the server has the last word; this only catches obvious typos. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Component({
  selector: 'app-login-page',
  imports: [AccountFrame, RouterLink, SubmitButton],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  /** From the query string: where the person was going before being asked to sign in. */
  readonly returnUrl = input<string>();

  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly t = this.i18n.t;
  protected readonly limits = LIMITS;
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly passwordVisible = signal(false);
  protected readonly submitting = signal(false);
  /** Field errors show only once the person has tried to submit. */
  protected readonly submitAttempted = signal(false);
  protected readonly failure = signal<LoginFailure | null>(null);
  protected readonly sessionEnded = this.session.endedUnexpectedly;

  protected readonly emailError = computed<TranslationKey | null>(() => {
    const email = this.email().trim();
    if (!email) return 'login.emailRequired';
    return EMAIL_SHAPE.test(email) ? null : 'login.emailInvalid';
  });
  protected readonly passwordError = computed<TranslationKey | null>(() =>
    this.password() ? null : 'login.passwordRequired',
  );
  protected readonly failureMessage = computed(() => {
    const failure = this.failure();
    if (!failure) return null;
    return failure.kind === 'server' ? failure.detail : this.t(failure.key, failure.params);
  });

  protected updateEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
  }

  protected updatePassword(event: Event): void {
    this.password.set((event.target as HTMLInputElement).value);
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.submitAttempted.set(true);
    this.failure.set(null);
    if (this.emailError()) return this.emailInput().nativeElement.focus();
    if (this.passwordError()) return this.passwordInput().nativeElement.focus();

    this.submitting.set(true);
    try {
      const user = await this.session.signIn(this.email().trim(), this.password());
      const returnUrl = safeReturnUrl(this.returnUrl());
      await this.router.navigateByUrl(returnUrl === '/' ? homeUrlFor(user.role) : returnUrl);
    } catch (error) {
      this.failure.set(describeLoginFailure(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
