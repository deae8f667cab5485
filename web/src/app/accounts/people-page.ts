import {
  afterNextRender,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type AdminUserView, isLanguage, type Language, LANGUAGES, LIMITS, ORGANIZATION_ROLE } from '@portal/shared';

import { Session } from '../auth/session';
import { LocalDates } from '../core/local-dates';
import { I18n } from '../i18n/i18n';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { ModalDialog } from '../ui/modal-dialog';
import { accountFailureOf, AccountsApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';

/** Deliberately loose: the server has the last word; this only catches obvious typos. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type InviteField = 'name' | 'email';

/**
 * /organization/people: an organization's contact sees its people, invites colleagues and
 * deactivates those who left. Every member may open the page (GET /me does not tell who is
 * the contact); the API answers 403 to the others, and the page explains who manages people.
 */
@Component({
  selector: 'app-people-page',
  imports: [RouterLink, ModalDialog],
  templateUrl: './people-page.html',
  styleUrl: './people-page.css',
})
export class PeoplePage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly dates = inject(LocalDates);
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly inviteResult = viewChild<ElementRef<HTMLElement>>('inviteResult');
  private readonly listMessage = viewChild<ElementRef<HTMLElement>>('listMessage');

  protected readonly t = inject(AccountsI18n).t;
  protected readonly limits = LIMITS;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly me = this.session.user;
  protected readonly organizationName = computed(() => this.me()?.organization?.name ?? '');

  protected readonly state = signal<'loading' | 'ready' | 'not-contact' | 'failed'>('loading');
  protected readonly loadFailure = signal<AccountsKey | null>(null);
  protected readonly people = signal<readonly AdminUserView[]>([]);

  // The invitation form.
  protected readonly name = signal('');
  protected readonly email = signal('');
  protected readonly language = linkedSignal<Language>(() => this.i18n.language());
  protected readonly inviteAttempted = signal(false);
  protected readonly inviting = signal(false);
  protected readonly invited = signal<string | null>(null);
  protected readonly inviteFailure = signal<AccountsKey | null>(null);
  private readonly serverFieldErrors = signal<Partial<Record<InviteField, AccountsKey>>>({});

  // Deactivation and new invitation links, from the list.
  protected readonly confirming = signal<AdminUserView | null>(null);
  protected readonly deactivating = signal(false);
  protected readonly resending = signal<string | null>(null);
  /** The outcome of the last action on the list, said in one place. */
  protected readonly listNotice = signal<{ readonly text: string; readonly problem: boolean } | null>(null);

  protected readonly inviteErrors = computed<Partial<Record<InviteField, AccountsKey>>>(() => {
    const errors: Partial<Record<InviteField, AccountsKey>> = {};
    if (this.inviteAttempted()) {
      const name = this.name().trim();
      if (!name) errors.name = 'invite.error.nameRequired';
      else if (name.length > LIMITS.nameMax) errors.name = 'invite.error.nameTooLong';
      const email = this.email().trim();
      if (!email) errors.email = 'invite.error.emailRequired';
      else if (!EMAIL_SHAPE.test(email) || email.length > LIMITS.emailMax) errors.email = 'invite.error.emailInvalid';
    }
    return { ...this.serverFieldErrors(), ...errors };
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      this.people.set(await this.api.organizationPeople());
      this.state.set('ready');
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'forbidden') {
        this.state.set('not-contact');
      } else {
        this.loadFailure.set(failure.kind === 'message' ? failure.key : 'accounts.error.server');
        this.state.set('failed');
      }
    }
  }

  protected isMe(person: AdminUserView): boolean {
    return person.id === this.me()?.id;
  }

  protected setText(field: InviteField, event: Event): void {
    this[field].set((event.target as HTMLInputElement).value);
    this.serverFieldErrors.update(({ [field]: _dropped, ...others }) => others);
  }

  protected chooseLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLanguage(value)) this.language.set(value);
  }

  protected describedBy(field: InviteField, hint?: string): string | null {
    const ids = [hint, this.inviteErrors()[field] ? `invite-${field}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async invite(event: Event): Promise<void> {
    event.preventDefault();
    if (this.inviting()) return;
    this.inviteAttempted.set(true);
    this.invited.set(null);
    this.inviteFailure.set(null);
    const errors = this.inviteErrors();
    if (errors.name) return this.nameInput()?.nativeElement.focus();
    if (errors.email) return this.emailInput()?.nativeElement.focus();
    this.inviting.set(true);
    try {
      // The API puts the person in the contact's own organization.
      const answer = await this.api.invite({
        name: this.name().trim(),
        email: this.email().trim(),
        role: ORGANIZATION_ROLE,
        language: this.language(),
      });
      this.invited.set(this.t('invite.done', { email: answer.email, date: this.dates.dateTime(answer.expiresAt) }));
      this.name.set('');
      this.email.set('');
      this.inviteAttempted.set(false);
      this.focusAfterRender(this.inviteResult);
      void this.refresh();
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'email-taken') {
        this.serverFieldErrors.set({ email: 'invite.error.emailTaken' });
        this.focusAfterRender(this.emailInput);
      } else if (failure.kind === 'fields' && (failure.fields['email'] || failure.fields['name'])) {
        this.serverFieldErrors.set({
          ...(failure.fields['name'] ? { name: 'invite.error.nameTooLong' as const } : {}),
          ...(failure.fields['email'] ? { email: 'invite.error.emailInvalid' as const } : {}),
        });
        this.focusAfterRender(failure.fields['name'] ? this.nameInput : this.emailInput);
      } else if (failure.kind === 'forbidden') {
        this.state.set('not-contact');
      } else {
        this.inviteFailure.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
        this.focusAfterRender(this.inviteResult);
      }
    } finally {
      this.inviting.set(false);
    }
  }

  /** A fresh link for someone who has not chosen a password yet (the previous link stops working). */
  protected async resendInvitation(person: AdminUserView): Promise<void> {
    if (this.resending()) return;
    this.resending.set(person.id);
    this.listNotice.set(null);
    try {
      const answer = await this.api.invite({
        name: person.name,
        email: person.email,
        role: ORGANIZATION_ROLE,
        language: person.language,
      });
      this.listNotice.set({
        text: this.t('people.resent', { email: answer.email, date: this.dates.dateTime(answer.expiresAt) }),
        problem: false,
      });
    } catch (error) {
      this.listNotice.set({ text: this.failureText(error), problem: true });
    } finally {
      this.resending.set(null);
      this.focusAfterRender(this.listMessage);
    }
  }

  protected askToDeactivate(person: AdminUserView): void {
    this.listNotice.set(null);
    this.confirming.set(person);
  }

  protected closeConfirmation(): void {
    if (!this.deactivating()) this.confirming.set(null);
  }

  protected async deactivate(): Promise<void> {
    const person = this.confirming();
    if (!person || this.deactivating()) return;
    this.deactivating.set(true);
    try {
      await this.api.deactivateColleague(person.id);
      this.people.update((people) => people.map((p) => (p.id === person.id ? { ...p, active: false } : p)));
      this.listNotice.set({ text: this.t('people.deactivatedDone', { name: person.name }), problem: false });
    } catch (error) {
      this.listNotice.set({ text: this.failureText(error), problem: true });
    } finally {
      this.deactivating.set(false);
      this.confirming.set(null);
      // The button that opened the dialog is gone: the outcome takes the focus.
      this.focusAfterRender(this.listMessage);
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.people.set(await this.api.organizationPeople());
    } catch {
      // The list stays as it was; the invitation itself went out.
    }
  }

  private failureText(error: unknown): string {
    const failure = accountFailureOf(error);
    return this.t(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
