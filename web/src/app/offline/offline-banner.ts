import { Component, inject } from '@angular/core';

import { LocalDates } from '../core/local-dates';
import { I18n } from '../i18n/i18n';
import { OfflineState } from './offline-state';

/** Above every signed-in page: what is shown while offline, or why nothing can be. */
@Component({
  selector: 'app-offline-banner',
  template: `
    @if (state.notSaved()) {
      <p class="offline-banner not-saved" role="alert" data-testid="offline-not-saved">{{ t('offline.notSaved') }}</p>
    } @else if (state.savedAt(); as savedAt) {
      <p class="offline-banner" role="status" data-testid="offline-banner">
        {{ t('offline.savedAt', { time: dates.dateTime(savedAt) }) }}
      </p>
    }
  `,
  styles: `
    .offline-banner {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid #8a5a00;
      background: #fff4d6;
      color: #3d2a00;
      font-weight: 600;
    }
    .not-saved {
      border-left-color: #a4262c;
      background: #fde7e9;
      color: #5c1116;
    }
  `,
})
export class OfflineBanner {
  protected readonly state = inject(OfflineState);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(I18n).t;
}
