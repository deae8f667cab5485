import { afterNextRender, Component, computed, ElementRef, inject, Injector, input, model, signal, viewChild } from '@angular/core';
import { LIMITS } from '@portal/shared';

import { AccountsI18n } from './i18n/accounts-texts';
import { PASSWORD_PARAMS } from './password-rules';

/**
 * A new password, typed twice, with its rules shown before the person types (not only
 * after a refusal) and one switch to show both fields: on a phone keyboard, seeing what
 * one typed avoids most mistakes. `prefix` names the ids and test ids ("accept", "reset").
 */
@Component({
  selector: 'app-password-fields',
  template: `
    <div class="rules" [id]="prefix() + '-password-rules'">
      <p>{{ t('password.rules') }}</p>
      <ul>
        <li>{{ t('password.rule.length', params) }}</li>
        <li>{{ t('password.rule.common') }}</li>
        <li>{{ t('password.rule.email') }}</li>
      </ul>
    </div>

    <div class="field">
      <label [for]="prefix() + '-password'">{{ t('password.label') }}</label>
      <input
        #passwordInput
        [id]="prefix() + '-password'"
        name="new-password"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        autocapitalize="none"
        spellcheck="false"
        required
        [maxLength]="limits.passwordMax"
        [value]="password()"
        [attr.aria-invalid]="passwordErrors().length > 0 ? 'true' : null"
        [attr.aria-describedby]="passwordDescribedBy()"
        (input)="password.set(valueOf($event))"
        [attr.data-testid]="prefix() + '-password'"
      />
      @if (passwordErrors().length > 0) {
        <div [id]="prefix() + '-password-error'" [attr.data-testid]="prefix() + '-password-error'">
          @for (error of passwordErrors(); track error) {
            <p class="field-error">{{ error }}</p>
          }
        </div>
      }
    </div>

    <div class="field">
      <label [for]="prefix() + '-password-repeat'">{{ t('password.repeat') }}</label>
      <input
        #repeatInput
        [id]="prefix() + '-password-repeat'"
        name="new-password-repeat"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        autocapitalize="none"
        spellcheck="false"
        required
        [maxLength]="limits.passwordMax"
        [value]="repeat()"
        [attr.aria-invalid]="repeatError() ? 'true' : null"
        [attr.aria-describedby]="repeatError() ? prefix() + '-password-repeat-error' : null"
        (input)="repeat.set(valueOf($event))"
        [attr.data-testid]="prefix() + '-password-repeat'"
      />
      @if (repeatError(); as error) {
        <p [id]="prefix() + '-password-repeat-error'" class="field-error">{{ error }}</p>
      }
      <label class="checkbox">
        <input type="checkbox" [checked]="visible()" (change)="visible.set(!visible())" />
        {{ t('password.show') }}
      </label>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 1.125rem;
    }
    .rules {
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--color-accent);
      border-radius: var(--radius);
      background: var(--color-accent-soft);
    }
    .rules p {
      margin: 0 0 0.25rem;
      font-weight: 600;
    }
    .rules ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    .checkbox {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      margin-top: 0.25rem;
      font-weight: 400;
      cursor: pointer;
    }
    .checkbox input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--color-accent);
    }
  `,
})
export class PasswordFields {
  readonly prefix = input.required<string>();
  readonly password = model('');
  readonly repeat = model('');
  /** Translated reasons why the password is refused, shown under it. */
  readonly passwordErrors = input<readonly string[]>([]);
  readonly repeatError = input<string | null>(null);

  private readonly injector = inject(Injector);
  protected readonly t = inject(AccountsI18n).t;
  protected readonly limits = LIMITS;
  protected readonly params = PASSWORD_PARAMS;
  protected readonly visible = signal(false);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly repeatInput = viewChild.required<ElementRef<HTMLInputElement>>('repeatInput');

  /** The rules always, and the errors when there are some: read with the field. */
  protected readonly passwordDescribedBy = computed(() =>
    [`${this.prefix()}-password-rules`, this.passwordErrors().length > 0 ? `${this.prefix()}-password-error` : null].filter(Boolean).join(' '),
  );

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /**
   * Moves focus to the first field in error once its message is on the page, so a screen
   * reader reads the field with its message.
   */
  focusFirstError(): void {
    afterNextRender(
      () => {
        const target = this.passwordErrors().length > 0 || !this.repeatError() ? this.passwordInput() : this.repeatInput();
        target.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }
}
