import { Component, inject, input, output } from '@angular/core';

import { I18n } from '../i18n/i18n';

/** The ten recovery codes, shown once right after enrolment, to write down or print. */
@Component({
  selector: 'app-recovery-codes',
  template: `
    <p role="status" class="done">{{ t('twoFactor.recovery.enabled') }}</p>
    <p>{{ t('twoFactor.recovery.intro') }}</p>
    <ul class="codes" data-testid="two-factor-recovery-codes">
      @for (code of codes(); track code) {
        <li>{{ code }}</li>
      }
    </ul>
    <button type="button" class="button-primary" (click)="done.emit()" data-testid="two-factor-recovery-done">
      {{ t('twoFactor.recovery.done') }}
    </button>
  `,
  styles: `
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      gap: 0.25rem 1rem;
      padding: 0;
      list-style: none;
      font-family: monospace;
      font-size: 1rem;
    }
    .done {
      font-weight: 600;
    }
  `,
})
export class RecoveryCodes {
  readonly codes = input.required<readonly string[]>();
  readonly done = output<void>();
  protected readonly t = inject(I18n).t;
}
