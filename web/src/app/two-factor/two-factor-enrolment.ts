import { Component, inject, input, output, signal } from '@angular/core';
import type { TwoFactorSetup } from '@portal/shared';

import { I18n } from '../i18n/i18n';
import { SubmitButton } from '../ui/submit-button';

/**
 * Setting two-factor up: the QR code for the authenticator app, the key as text for an app
 * that cannot scan, and a first code to confirm (used on the profile and, for staff who
 * must enrol, in the sign-in).
 */
@Component({
  selector: 'app-two-factor-enrolment',
  imports: [SubmitButton],
  template: `
    <p>{{ t('twoFactor.enrol.scan') }}</p>
    <img class="qr" [src]="setup().qrCode" width="200" height="200" [alt]="t('twoFactor.enrol.qrAlt')" />
    <p class="hint">{{ t('twoFactor.enrol.keyIntro') }}</p>
    <p class="key" data-testid="two-factor-key">{{ setup().secret }}</p>
    <form novalidate (submit)="submit($event)">
      <div class="field">
        <label for="two-factor-enrol-code">{{ t('twoFactor.enrol.code') }}</label>
        <input
          id="two-factor-enrol-code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]*"
          maxlength="6"
          required
          [value]="code()"
          [attr.aria-invalid]="error() ? 'true' : null"
          [attr.aria-describedby]="error() ? 'two-factor-enrol-error' : null"
          (input)="code.set(valueOf($event))"
          data-testid="two-factor-enrol-code"
        />
      </div>
      @if (error(); as message) {
        <p id="two-factor-enrol-error" class="form-error" role="alert">{{ message }}</p>
      }
      <button
        type="submit"
        class="button-primary"
        data-testid="two-factor-enrol-submit"
        appSubmitButton
        [busy]="busy()"
        [label]="t('twoFactor.enrol.confirm')"
        [busyLabel]="t('twoFactor.checking')"
      ></button>
    </form>
  `,
  styles: `
    .qr {
      display: block;
      background: #fff;
      margin: 0.5rem 0;
    }
    .key {
      font-family: monospace;
      font-size: 1rem;
      word-break: break-all;
      letter-spacing: 0.05em;
    }
    input {
      max-width: 10rem;
      font-size: 1.25rem;
      letter-spacing: 0.2em;
    }
  `,
})
export class TwoFactorEnrolment {
  readonly setup = input.required<TwoFactorSetup>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly confirm = output<string>();

  protected readonly t = inject(I18n).t;
  protected readonly code = signal('');

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const code = this.code().replace(/\s/g, '');
    if (code) this.confirm.emit(code);
  }
}
