import { NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  model,
  type ModelSignal,
  signal,
} from '@angular/core';
import { LIMITS } from '@portal/shared';

import { type AccountsKey, AccountsI18n } from './i18n/accounts-texts';
import { PASSWORD_PARAMS } from './password-rules';

/** What differs between the two password fields; one template draws both. */
interface PasswordInput {
  id: string;
  name: string;
  label: AccountsKey;
  value: ModelSignal<string>;
  invalid: boolean;
  describedBy: string | null;
}

/**
 * A new password, typed twice, with its rules shown before the person types (not only
 * after a refusal) and one switch to show both fields: on a phone keyboard, seeing what
 * one typed avoids most mistakes. `prefix` names the ids and test ids ("accept", "reset").
 */
@Component({
  selector: 'app-password-fields',
  imports: [NgTemplateOutlet],
  template: `
    <div class="rules" [id]="prefix() + '-password-rules'">
      <p>{{ t('password.rules') }}</p>
      <ul>
        <li>{{ t('password.rule.length', params) }}</li>
        <li>{{ t('password.rule.common') }}</li>
        <li>{{ t('password.rule.email') }}</li>
      </ul>
    </div>

    <ng-template #passwordInput let-field>
      <label [for]="field.id">{{ t(field.label) }}</label>
      <input
        [id]="field.id"
        [name]="field.name"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        autocapitalize="none"
        spellcheck="false"
        required
        [maxLength]="limits.passwordMax"
        [value]="field.value()"
        [attr.aria-invalid]="field.invalid ? 'true' : null"
        [attr.aria-describedby]="field.describedBy"
        (input)="field.value.set(valueOf($event))"
        [attr.data-testid]="field.id"
      />
    </ng-template>

    <div class="field">
      <ng-container *ngTemplateOutlet="passwordInput; context: { $implicit: newPassword() }" />
      @if (passwordErrors().length > 0) {
        <div [id]="prefix() + '-password-error'" [attr.data-testid]="prefix() + '-password-error'">
          @for (error of passwordErrors(); track error) {
            <p class="field-error">{{ error }}</p>
          }
        </div>
      }
    </div>

    <div class="field">
      <ng-container *ngTemplateOutlet="passwordInput; context: { $implicit: repeatPassword() }" />
      @if (repeatError(); as error) {
        <p [id]="prefix() + '-password-repeat-error'" class="field-error">{{ error }}</p>
      }
      <label class="checkbox">
        <input type="checkbox" [checked]="visible()" (change)="visible.set(!visible())" />
        {{ t('password.show') }}
      </label>
    </div>
  `,
  styleUrl: '../ui/show-password.css',
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly t = inject(AccountsI18n).t;
  protected readonly limits = LIMITS;
  protected readonly params = PASSWORD_PARAMS;
  protected readonly visible = signal(false);

  protected readonly newPassword = computed<PasswordInput>(() => ({
    id: `${this.prefix()}-password`,
    name: 'new-password',
    label: 'password.label',
    value: this.password,
    invalid: this.passwordErrors().length > 0,
    // The rules always, and the errors when there are some: read with the field.
    describedBy: [
      `${this.prefix()}-password-rules`,
      this.passwordErrors().length > 0 ? `${this.prefix()}-password-error` : null,
    ]
      .filter(Boolean)
      .join(' '),
  }));

  protected readonly repeatPassword = computed<PasswordInput>(() => ({
    id: `${this.prefix()}-password-repeat`,
    name: 'new-password-repeat',
    label: 'password.repeat',
    value: this.repeat,
    invalid: Boolean(this.repeatError()),
    describedBy: this.repeatError() ? `${this.prefix()}-password-repeat-error` : null,
  }));

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
        const target =
          this.passwordErrors().length > 0 || !this.repeatError() ? this.newPassword() : this.repeatPassword();
        this.host.nativeElement.querySelector<HTMLInputElement>(`#${target.id}`)?.focus();
      },
      { injector: this.injector },
    );
  }
}
