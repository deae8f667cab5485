import { Component, computed, inject, input } from '@angular/core';

import { RequestsI18n } from './i18n/requests-texts';
import type { UploadItem } from './uploads';

/** A progress bar per file being sent, and one short spoken summary for screen readers. */
@Component({
  selector: 'app-upload-list',
  template: `
    <ul class="uploads">
      @for (item of items(); track $index) {
        <li [attr.data-state]="item.state">
          <div class="line">
            <span class="name">{{ item.name }}</span>
            <span class="state">
              @switch (item.state) {
                @case ('waiting') {
                  {{ t('form.upload.waiting') }}
                }
                @case ('uploading') {
                  {{ item.percent }} %
                }
                @case ('done') {
                  {{ t('form.upload.done') }}
                }
                @case ('failed') {
                  {{ t('form.upload.failed') }}
                }
              }
            </span>
          </div>
          <progress
            max="100"
            [value]="item.state === 'failed' ? 0 : item.percent"
            data-testid="upload-progress"
            [attr.aria-label]="t('form.upload.progressOf', { name: item.name })"
          ></progress>
          @if (item.error) {
            <p class="field-error">{{ item.error }}</p>
          }
        </li>
      }
    </ul>
    <p class="visually-hidden" aria-live="polite">{{ summary() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .uploads {
      display: grid;
      gap: 0.625rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .line {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      font-size: 0.9375rem;
    }
    .name {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .state {
      color: var(--color-text-muted);
      white-space: nowrap;
    }
    [data-state='done'] .state {
      color: var(--color-accent-strong);
      font-weight: 600;
    }
    [data-state='failed'] .state {
      color: var(--color-error);
      font-weight: 600;
    }
    progress {
      width: 100%;
      height: 0.625rem;
      margin-top: 0.25rem;
      border: 0;
      border-radius: 999px;
      background: var(--color-border);
      overflow: hidden;
      appearance: none;
    }
    progress::-webkit-progress-bar {
      background: var(--color-border);
      border-radius: 999px;
    }
    progress::-webkit-progress-value {
      background: var(--color-accent);
      border-radius: 999px;
    }
    progress::-moz-progress-bar {
      background: var(--color-accent);
      border-radius: 999px;
    }
  `,
})
export class UploadList {
  readonly items = input.required<readonly UploadItem[]>();
  protected readonly t = inject(RequestsI18n).t;

  /** Changes only when a file starts, ends or fails: a percent-by-percent reading would be noise. */
  protected readonly summary = computed(() => {
    const items = this.items();
    const done = items.filter((item) => item.state === 'done').length;
    const failed = items.filter((item) => item.state === 'failed').length;
    if (items.length === 0) return '';
    if (done + failed === items.length) return this.t('form.upload.summaryFinished', { done, total: items.length });
    return this.t('form.upload.summarySending', { current: done + failed + 1, total: items.length });
  });
}
