import { Component, inject, input, signal } from '@angular/core';
import type { AttachmentView } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { saveBlob } from '../core/save-blob';
import { RequestsI18n } from '../requests/i18n/requests-texts';
import { RequestsApi } from '../requests/requests-api';

/**
 * A file of a request. The download needs the access token, so it goes through the API
 * client as a Blob and is then saved under its original name; it is never opened inline.
 */
@Component({
  selector: 'app-attachment-link',
  template: `
    <button
      type="button"
      class="file"
      data-testid="attachment-link"
      [attr.aria-describedby]="statusId"
      [attr.aria-busy]="downloading()"
      (click)="download()"
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8zM14 3v5h5M12 11v6M9 14l3 3 3-3" />
      </svg>
      <span class="name">{{ attachment().name }}</span>
      <span class="size">{{ dates.fileSize(attachment().size) }}</span>
    </button>
    <span class="status" [id]="statusId" aria-live="polite">
      @if (downloading()) {
        {{ t('request.files.downloading') }}
      } @else if (error()) {
        <span class="error">{{ error() }}</span>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      max-width: 100%;
    }
    .file {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      max-width: 100%;
      min-height: 2.75rem;
      padding: 0.25rem 0.625rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-accent-strong);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .file:hover {
      border-color: var(--color-accent);
      background: var(--color-accent-soft);
    }
    .file[aria-busy='true'] {
      cursor: progress;
    }
    svg {
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .name {
      min-width: 0;
      overflow-wrap: anywhere;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .size {
      color: var(--color-text-muted);
      font-size: 0.875rem;
      white-space: nowrap;
    }
    .status {
      font-size: 0.875rem;
      color: var(--color-text-muted);
    }
    .error {
      color: var(--color-error);
    }
  `,
})
export class AttachmentLink {
  readonly attachment = input.required<AttachmentView>();

  private readonly api = inject(RequestsApi);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly downloading = signal(false);
  protected readonly error = signal('');
  protected readonly statusId = `attachment-status-${Math.random().toString(36).slice(2)}`;

  protected async download(): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.error.set('');
    try {
      const blob = await this.api.download(this.attachment().id);
      saveBlob(blob, this.attachment().name);
    } catch (error) {
      this.error.set(readProblem(error, this.t).message);
    } finally {
      this.downloading.set(false);
    }
  }
}
