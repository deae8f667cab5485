import { Component, inject, linkedSignal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { isLanguage, type Language, LANGUAGES } from '@portal/shared';

import { homeUrlFor, mayOpen } from '../auth/access';
import { Session } from '../auth/session';
import { I18n } from '../i18n/i18n';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { AccountsApi } from './accounts-api';
import { PasswordFields } from './password-fields';
import { TokenPasswordForm } from './token-password-form';

/**
 * /accept-invitation?token=…, opened from the invitation email: the person chooses its
 * password and language, and is signed in at once.
 */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [AccountFrame, PasswordFields, RouterLink, SubmitButton],
  templateUrl: './accept-invitation-page.html',
  styleUrl: './account-page.css',
})
export class AcceptInvitationPage extends TokenPasswordForm {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  /** Someone else may still be signed in on a shared phone: say so before replacing them. */
  protected readonly signedInName = this.session.user()?.name ?? null;
  /** The interface's language until the person picks another one here. */
  protected readonly language = linkedSignal<Language>(() => this.i18n.language());

  protected chooseLanguage(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLanguage(value)) this.language.set(value);
  }

  protected accept(event: Event): Promise<void> {
    const language = this.language();
    return this.submitPassword(event, async (token, password) => {
      const pair = await this.api.acceptInvitation({ token, password, language });
      const user = this.session.adoptSession(pair);
      // A language picked on this device wins over the account's: keep the one just chosen.
      if (this.i18n.language() !== language) this.i18n.chooseLanguage(language);
      // A member starts with its organization's requests; staff with their home page.
      await this.router.navigateByUrl(mayOpen(user.role, 'memberRequests') ? '/requests' : homeUrlFor(user.role), {
        replaceUrl: true,
      });
    });
  }
}
