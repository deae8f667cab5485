import {
  afterNextRender,
  computed,
  Directive,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';

import { accountFailureOf } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';
import { PasswordFields } from './password-fields';
import { PASSWORD_PARAMS, passwordProblem, repeatProblem } from './password-rules';

/**
 * What the pages opened from an account email share (accept an invitation, reset a
 * password): the link's token, a new password typed twice and checked here first, then the
 * API's answer — a used or expired link, a refused password, or another problem — each shown
 * where the person looks next.
 */
@Directive()
export abstract class TokenPasswordForm {
  /** From the link's query string. */
  readonly token = input<string>();

  protected readonly injector = inject(Injector);
  private readonly passwordFields = viewChild(PasswordFields);
  protected readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly password = signal('');
  protected readonly repeat = signal('');
  protected readonly submitAttempted = signal(false);
  protected readonly submitting = signal(false);
  /** The API's reasons for refusing the password last sent; cleared when it is edited. */
  private readonly refused = signal<{ password: string; problems: readonly AccountsKey[] } | null>(null);
  protected readonly linkGone = signal(false);
  protected readonly failure = signal<AccountsKey | null>(null);

  protected readonly hasToken = computed(() => (this.token() ?? '').trim().length > 0);

  protected readonly passwordErrors = computed<string[]>(() => {
    const local = this.submitAttempted() ? passwordProblem(this.password()) : null;
    if (local) return [this.t(local, PASSWORD_PARAMS)];
    const refused = this.refused();
    return refused && refused.password === this.password()
      ? refused.problems.map((key) => this.t(key, PASSWORD_PARAMS))
      : [];
  });

  protected readonly repeatError = computed(() => {
    const problem = this.submitAttempted() ? repeatProblem(this.password(), this.repeat()) : null;
    return problem ? this.t(problem) : null;
  });

  /**
   * Checks the form, then hands the trimmed token and the password to `send` (the page's own
   * API call and what follows it) and shows what went wrong, if anything.
   */
  protected async submitPassword(
    event: Event,
    send: (token: string, password: string) => Promise<void>,
  ): Promise<void> {
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
      await send((this.token() ?? '').trim(), this.password());
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

  protected focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
