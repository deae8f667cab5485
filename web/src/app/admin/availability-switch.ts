import { Component, inject, input, output } from '@angular/core';
import { StaffI18n } from '../core/staff-i18n/staff-texts';

/**
 * Whether routing may choose this person: an on/off switch (role="switch") that saves at
 * once. The words next to it say what the current state means, so colour is never the only cue.
 */
@Component({
  selector: 'app-availability-switch',
  template: `
    <div class="row">
      <button
        type="button"
        role="switch"
        class="switch"
        [class.on]="available()"
        [attr.aria-checked]="available()"
        [attr.aria-disabled]="saving()"
        aria-labelledby="availability-label"
        aria-describedby="availability-meaning"
        data-testid="availability-switch"
        (click)="flip()"
      >
        <span class="thumb" aria-hidden="true"></span>
      </button>
      <span id="availability-label" class="label">{{ t('admin.user.availableLabel') }}</span>
    </div>
    <p id="availability-meaning" class="meaning" [class.leave]="!available()" data-testid="availability-state">
      {{ t(available() ? 'admin.user.availableOn' : 'admin.user.availableOff') }}
    </p>
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .label {
      font-weight: 600;
    }
    .switch {
      position: relative;
      flex: none;
      width: 3.25rem;
      height: 2rem;
      padding: 0;
      border: 2px solid var(--color-border-strong);
      border-radius: 999px;
      background: #e3e8e5;
      cursor: pointer;
      transition:
        background 0.15s,
        border-color 0.15s;
    }
    .switch.on {
      border-color: var(--color-accent);
      background: var(--color-accent);
    }
    .switch[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
    .thumb {
      position: absolute;
      top: 50%;
      left: 0.1875rem;
      width: 1.375rem;
      height: 1.375rem;
      border-radius: 50%;
      background: #fff;
      box-shadow: 0 1px 2px rgb(0 0 0 / 35%);
      transform: translateY(-50%);
      transition: left 0.15s;
    }
    .switch.on .thumb {
      left: calc(100% - 1.5625rem);
    }
    .meaning {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--color-accent);
      border-radius: var(--radius);
      background: var(--color-accent-soft);
      color: var(--color-accent-strong);
      font-weight: 600;
    }
    .meaning.leave {
      border-left-color: #c98a1a;
      background: #fdf1dc;
      color: #6e4200;
    }
    @media (forced-colors: active) {
      .switch.on {
        background: Highlight;
      }
      .thumb {
        border: 1px solid CanvasText;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .switch,
      .thumb {
        transition: none;
      }
    }
  `,
})
export class AvailabilitySwitch {
  readonly available = input.required<boolean>();
  readonly saving = input(false);
  readonly availableChange = output<boolean>();

  protected readonly t = inject(StaffI18n).t;

  protected flip(): void {
    if (!this.saving()) this.availableChange.emit(!this.available());
  }
}
