import { Component, inject } from '@angular/core';

import { I18n } from '../i18n/i18n';

/** The portal's mark and name. */
@Component({
  selector: 'app-brand',
  template: `
    <svg class="mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" />
      <path d="M9 22c0-8 5-13 14-13-1 9-6 14-14 13zm0 0c2-4 5-7 9-9" />
    </svg>
    <span class="name">{{ t('app.name') }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
      color: var(--color-accent);
      font-weight: 700;
      font-size: 1.0625rem;
      letter-spacing: -0.01em;
    }
    .mark {
      flex: none;
    }
    .mark rect {
      fill: var(--color-accent);
    }
    .mark path {
      fill: none;
      stroke: #fff;
      stroke-width: 2.4;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class Brand {
  protected readonly t = inject(I18n).t;
}
