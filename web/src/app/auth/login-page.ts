import { Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, type SignInChallenge, type TwoFactorSetup, type UserView } from '@portal/shared';

import type { TranslationKey } from '../i18n/dictionary';
import { readProblem } from '../core/problem-text';
import { I18n } from '../i18n/i18n';
import { RecoveryCodes } from '../two-factor/recovery-codes';
import { TwoFactorEnrolment } from '../two-factor/two-factor-enrolment';
import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { homeUrlFor } from './access';
import { describeLoginFailure, type LoginFailure } from './login-failure';
import { safeReturnUrl } from './return-url';
import { AuthApi } from './auth-api';
import { Session } from './session';

/** Deliberately loose: the server has the last word; this only catches obvious typos. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Component({
  selector: 'app-login-page',
  imports: [AccountFrame, RouterLink, SubmitButton, TwoFactorEnrolment, RecoveryCodes],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  /** From the query string: where the person was going before being asked to sign in. */
  readonly returnUrl = input<string>();

  private readonly session = inject(Session);
  private readonly authApi = inject(AuthApi);
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
  /** Two-factor: the challenge of the password step, then the code step (or, for staff who must, enrolment). */
  protected readonly challenge = signal<SignInChallenge | null>(null);
  protected readonly code = signal('');
  protected readonly rememberDevice = signal(false);
  protected readonly codeError = signal<string | null>(null);
  protected readonly enrolSetup = signal<TwoFactorSetup | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  private enrolledUser: UserView | null = null;

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
      const answer = await this.session.signIn(this.email().trim(), this.password());
      if ('role' in answer) return await this.goOn(answer);
      this.challenge.set(answer);
      this.password.set('');
      if (answer.twoFactor === 'enrol') this.enrolSetup.set(await this.authApi.setupForSignIn(answer.challengeToken));
    } catch (error) {
      this.failure.set(describeLoginFailure(error));
    } finally {
      this.submitting.set(false);
    }
  }

  /** The code step: six digits from the app, or a recovery code. */
  protected async verifyCode(event: Event): Promise<void> {
    event.preventDefault();
    const challenge = this.challenge();
    const code = this.code().trim();
    if (!challenge || this.submitting()) return;
    if (!code) return this.codeError.set(this.t('twoFactor.code.required'));
    this.submitting.set(true);
    this.codeError.set(null);
    try {
      const user = await this.session.verifyTwoFactor(
        this.email().trim(),
        challenge.challengeToken,
        code,
        this.rememberDevice(),
      );
      await this.goOn(user);
    } catch (error) {
      this.codeError.set(this.codeFailure(error));
    } finally {
      this.submitting.set(false);
    }
  }

  /** Staff who must enrol: the first code confirms the key; then the recovery codes, once. */
  protected async confirmEnrolment(code: string): Promise<void> {
    const challenge = this.challenge();
    if (!challenge || this.submitting()) return;
    this.submitting.set(true);
    this.codeError.set(null);
    try {
      const session = await this.authApi.enableForSignIn(challenge.challengeToken, code);
      this.enrolledUser = await this.session.enter(session);
      this.recoveryCodes.set(session.recoveryCodes);
    } catch (error) {
      this.codeError.set(this.codeFailure(error));
    } finally {
      this.submitting.set(false);
    }
  }

  protected async finishEnrolment(): Promise<void> {
    if (this.enrolledUser) await this.goOn(this.enrolledUser);
  }

  /** Back to the password (the challenge expired, or another account). */
  protected restart(): void {
    this.challenge.set(null);
    this.enrolSetup.set(null);
    this.code.set('');
    this.codeError.set(null);
  }

  private codeFailure(error: unknown): string {
    const problem = readProblem(error, this.t);
    if (problem.code === 'auth.too-many-attempts') return this.t('login.error.tooManyAttempts');
    return problem.message;
  }

  private async goOn(user: UserView): Promise<void> {
    const returnUrl = safeReturnUrl(this.returnUrl());
    await this.router.navigateByUrl(returnUrl === '/' ? homeUrlFor(user.role) : returnUrl);
  }
}
