import { Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import {
  can,
  DIGEST_LOCAL_HOUR,
  EMAIL_NOTIFICATION_CHOICES,
  type EmailNotificationChoice,
  isLanguage,
  LANGUAGES,
  type Language,
  LIMITS,
} from '@portal/shared';

import { Session } from '../auth/session';
import { problemOf } from '../core/api';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { SubmitButton } from '../ui/submit-button';
import { AbsenceCard } from './absence-card';
import { NotificationSettingsCard } from './notification-settings-card';
import { TwoFactorCard } from '../two-factor/two-factor-card';
import { accountFailureOf, ProfileApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';
import { PersonalDataCard } from './personal-data-card';
import { PasswordFields } from './password-fields';
import { PASSWORD_PARAMS, passwordProblem, repeatProblem, serverPasswordProblems } from './password-rules';

const CHOICE_LABELS: Record<EmailNotificationChoice, AccountsKey> = {
  each: 'profile.emails.each',
  digest: 'profile.emails.digest',
  none: 'profile.emails.none',
};

/**
 * /profile, for everyone signed in: name, language (the account's: the interface and the
 * emails follow it), which emails about requests to receive, and a new password (the
 * current one required; the API then signs out every other device and answers a new
 * session for this one).
 */
@Component({
  selector: 'app-profile-page',
  imports: [PasswordFields, SubmitButton, AbsenceCard, NotificationSettingsCard, TwoFactorCard, PersonalDataCard],
  templateUrl: './profile-page.html',
  styleUrls: ['./account-page.css', './profile-page.css'],
})
export class ProfilePage {
  private readonly session = inject(Session);
  private readonly api = inject(ProfileApi);
  private readonly passwordFields = viewChild(PasswordFields);
  private readonly currentInput = viewChild<ElementRef<HTMLInputElement>>('currentInput');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly limits = LIMITS;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly choices = EMAIL_NOTIFICATION_CHOICES.map((value) => ({ value, label: CHOICE_LABELS[value] }));
  protected readonly digestHour = DIGEST_LOCAL_HOUR;

  private readonly user = this.session.user;
  protected readonly email = computed(() => this.user()?.email ?? '');
  /** Staff choose how each event about cases reaches them. */
  protected readonly choosesNotifications = computed(() => {
    const user = this.user();
    return !!user && can(user.role, 'notifications.settings');
  });
  /** Staff who work cases mark their own absences here. */
  protected readonly managesAbsence = computed(() => {
    const user = this.user();
    return !!user && can(user.role, 'absence.manage');
  });

  // The details form, filled from the account.
  protected readonly name = signal(this.user()?.name ?? '');
  protected readonly language = signal<Language>(this.user()?.language ?? 'es');
  protected readonly emails = signal<EmailNotificationChoice>(this.user()?.emailNotifications ?? 'each');
  protected readonly detailsSaving = signal(false);
  protected readonly detailsSaved = signal(false);
  protected readonly detailsError = signal<AccountsKey | null>(null);
  protected readonly nameError = signal<AccountsKey | null>(null);

  // The password form.
  protected readonly current = signal('');
  protected readonly password = signal('');
  protected readonly repeat = signal('');
  protected readonly passwordAttempted = signal(false);
  protected readonly passwordSaving = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly currentError = signal<AccountsKey | null>(null);
  protected readonly passwordFailure = signal<AccountsKey | null>(null);
  private readonly refused = signal<{ password: string; problems: readonly AccountsKey[] } | null>(null);

  protected readonly passwordErrors = computed<string[]>(() => {
    const local = this.passwordAttempted() ? passwordProblem(this.password()) : null;
    if (local) return [this.t(local, PASSWORD_PARAMS)];
    const refused = this.refused();
    return refused && refused.password === this.password()
      ? refused.problems.map((key) => this.t(key, PASSWORD_PARAMS))
      : [];
  });

  protected readonly repeatError = computed(() => {
    const problem = this.passwordAttempted() ? repeatProblem(this.password(), this.repeat()) : null;
    return problem ? this.t(problem) : null;
  });

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected chooseLanguage(event: Event): void {
    const value = this.valueOf(event);
    if (isLanguage(value)) this.language.set(value);
  }

  protected async saveDetails(event: Event): Promise<void> {
    event.preventDefault();
    if (this.detailsSaving()) return;
    this.detailsSaved.set(false);
    this.detailsError.set(null);
    const name = this.name().trim();
    this.nameError.set(name.length < LIMITS.nameMin ? 'profile.name.required' : null);
    if (this.nameError()) return;
    this.detailsSaving.set(true);
    try {
      const user = await this.api.update({ name, language: this.language(), emailNotifications: this.emails() });
      // The interface switches to the account's language here.
      this.session.updateUser(user);
      this.detailsSaved.set(true);
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'fields' && failure.fields['name']) this.nameError.set('profile.name.invalid');
      else this.detailsError.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
    } finally {
      this.detailsSaving.set(false);
    }
  }

  protected async changePassword(event: Event): Promise<void> {
    event.preventDefault();
    if (this.passwordSaving()) return;
    this.passwordAttempted.set(true);
    this.passwordChanged.set(false);
    this.passwordFailure.set(null);
    this.currentError.set(this.current() ? null : 'profile.password.currentRequired');
    if (this.currentError()) {
      this.currentInput()?.nativeElement.focus();
      return;
    }
    if (passwordProblem(this.password()) || repeatProblem(this.password(), this.repeat())) {
      this.passwordFields()?.focusFirstError();
      return;
    }
    this.passwordSaving.set(true);
    try {
      const pair = await this.api.changePassword({ currentPassword: this.current(), newPassword: this.password() });
      // This device goes on with the new session; the API ended every other one.
      this.session.adoptSession(pair);
      this.current.set('');
      this.password.set('');
      this.repeat.set('');
      this.passwordAttempted.set(false);
      this.passwordChanged.set(true);
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.code === 'accounts.wrong-password') {
        this.currentError.set('profile.password.wrongCurrent');
        this.currentInput()?.nativeElement.focus();
      } else if (problem?.errors?.['newPassword']) {
        this.refused.set({
          password: this.password(),
          problems: serverPasswordProblems(problem.errors['newPassword']),
        });
        this.passwordFields()?.focusFirstError();
      } else {
        const failure = accountFailureOf(error);
        this.passwordFailure.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
      }
    } finally {
      this.passwordSaving.set(false);
    }
  }
}
