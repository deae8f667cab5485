import { afterNextRender, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { AccountFrame } from './account-frame';
import { accountFailureOf, AccountsApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';
import { PasswordFields } from './password-fields';
import { PASSWORD_PARAMS, passwordProblem, repeatProblem } from './password-rules';

/**
 * /reset-password?token=…, opened from the reset email: a new password, after which the
 * person signs in with it (the API ends every session it had).
 */
@Component({
  selector: 'app-reset-password-page',
  imports: [AccountFrame, PasswordFields, RouterLink],
  templateUrl: './reset-password-page.html',
  styleUrl: './account-page.css',
})
export class ResetPasswordPage {
  /** From the link's query string. */
  readonly token = input<string>();

  private readonly api = inject(AccountsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly passwordFields = viewChild(PasswordFields);
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');
  private readonly doneBox = viewChild<ElementRef<HTMLElement>>('doneBox');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly password = signal('');
  protected readonly repeat = signal('');
  protected readonly submitAttempted = signal(false);
  protected readonly submitting = signal(false);
  private readonly refused = signal<{ password: string; problems: readonly AccountsKey[] } | null>(null);
  protected readonly linkGone = signal(false);
  protected readonly done = signal(false);
  protected readonly failure = signal<AccountsKey | null>(null);

  protected readonly hasToken = computed(() => (this.token() ?? '').trim().length > 0);

  protected readonly passwordErrors = computed<string[]>(() => {
    const local = this.submitAttempted() ? passwordProblem(this.password()) : null;
    if (local) return [this.t(local, PASSWORD_PARAMS)];
    const refused = this.refused();
    return refused && refused.password === this.password() ? refused.problems.map((key) => this.t(key, PASSWORD_PARAMS)) : [];
  });

  protected readonly repeatError = computed(() => {
    const problem = this.submitAttempted() ? repeatProblem(this.password(), this.repeat()) : null;
    return problem ? this.t(problem) : null;
  });

  protected async reset(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.submitAttempted.set(true);
    this.failure.set(null);
    if (passwordProblem(this.password()) || repeatProblem(this.password(), this.repeat())) {
      this.passwordFields()?.focusFirstError();
      return;
    }
    this.submitting.set(true);
    try {
      await this.api.resetPassword({ token: (this.token() ?? '').trim(), password: this.password() });
      this.done.set(true);
      this.focusAfterRender(this.doneBox);
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'link-gone') {
        this.linkGone.set(true);
        this.focusAfterRender(this.errorBox);
      } else if (failure.kind === 'password') {
        this.refused.set({ password: this.password(), problems: failure.problems });
        this.passwordFields()?.focusFirstError();
      } else {
        this.failure.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
        this.focusAfterRender(this.errorBox);
      }
    } finally {
      this.submitting.set(false);
    }
  }

  /**
   * To the sign-in page. A session still open on this device may be the one the reset has
   * just ended on the server: it is closed here too rather than failing later.
   */
  protected goToSignIn(event: Event): void {
    event.preventDefault();
    if (this.session.isSignedIn()) this.session.signOut();
    else void this.router.navigateByUrl('/login');
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
