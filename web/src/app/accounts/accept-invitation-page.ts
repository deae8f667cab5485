import { afterNextRender, Component, computed, ElementRef, inject, Injector, input, linkedSignal, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { isLanguage, type Language, LANGUAGES } from '@portal/shared';

import { homeUrlFor } from '../auth/access';
import { Session } from '../auth/session';
import { I18n } from '../i18n/i18n';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { AccountFrame } from './account-frame';
import { accountFailureOf, AccountsApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';
import { PasswordFields } from './password-fields';
import { PASSWORD_PARAMS, passwordProblem, repeatProblem } from './password-rules';

/**
 * /accept-invitation?token=…, opened from the invitation email: the person chooses its
 * password and language, and is signed in at once.
 */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [AccountFrame, PasswordFields, RouterLink],
  templateUrl: './accept-invitation-page.html',
  styleUrl: './account-page.css',
})
export class AcceptInvitationPage {
  /** From the link's query string. */
  readonly token = input<string>();

  private readonly api = inject(AccountsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly passwordFields = viewChild(PasswordFields);
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  /** Someone else may still be signed in on a shared phone: say so before replacing them. */
  protected readonly signedInName = this.session.user()?.name ?? null;

  protected readonly password = signal('');
  protected readonly repeat = signal('');
  /** The interface's language until the person picks another one here. */
  protected readonly language = linkedSignal<Language>(() => this.i18n.language());
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
    return refused && refused.password === this.password() ? refused.problems.map((key) => this.t(key, PASSWORD_PARAMS)) : [];
  });

  protected readonly repeatError = computed(() => {
    const problem = this.submitAttempted() ? repeatProblem(this.password(), this.repeat()) : null;
    return problem ? this.t(problem) : null;
  });

  protected chooseLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLanguage(value)) this.language.set(value);
  }

  protected async accept(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.submitAttempted.set(true);
    this.failure.set(null);
    if (passwordProblem(this.password()) || repeatProblem(this.password(), this.repeat())) {
      this.passwordFields()?.focusFirstError();
      return;
    }
    this.submitting.set(true);
    const language = this.language();
    try {
      const pair = await this.api.acceptInvitation({ token: (this.token() ?? '').trim(), password: this.password(), language });
      const user = this.session.adoptSession(pair);
      // A language picked on this device wins over the account's: keep the one just chosen.
      if (this.i18n.language() !== language) this.i18n.chooseLanguage(language);
      // A member starts with its organization's requests; staff with their home page.
      await this.router.navigateByUrl(user.role === 'member' ? '/requests' : homeUrlFor(user.role), { replaceUrl: true });
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'link-gone') {
        this.linkGone.set(true);
        this.focusErrorBox();
      } else if (failure.kind === 'password') {
        this.refused.set({ password: this.password(), problems: failure.problems });
        this.passwordFields()?.focusFirstError();
      } else {
        this.failure.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
        this.focusErrorBox();
      }
    } finally {
      this.submitting.set(false);
    }
  }

  private focusErrorBox(): void {
    afterNextRender(() => this.errorBox()?.nativeElement.focus(), { injector: this.injector });
  }
}
