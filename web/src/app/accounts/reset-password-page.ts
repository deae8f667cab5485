import { Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { AccountsApi } from './accounts-api';
import { PasswordFields } from './password-fields';
import { TokenPasswordForm } from './token-password-form';

/**
 * /reset-password?token=…, opened from the reset email: a new password, after which the
 * person signs in with it (the API ends every session it had).
 */
@Component({
  selector: 'app-reset-password-page',
  imports: [AccountFrame, PasswordFields, RouterLink, SubmitButton],
  templateUrl: './reset-password-page.html',
  styleUrl: './account-page.css',
})
export class ResetPasswordPage extends TokenPasswordForm {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly doneBox = viewChild<ElementRef<HTMLElement>>('doneBox');

  protected readonly done = signal(false);

  protected reset(event: Event): Promise<void> {
    return this.submitPassword(event, async (token, password) => {
      await this.api.resetPassword({ token, password });
      this.done.set(true);
      this.focusAfterRender(this.doneBox);
    });
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
}
