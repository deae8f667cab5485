import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { LocalDates } from '../core/local-dates';
import { RequestsI18n } from './i18n/requests-texts';
import { type PendingSubmission, PendingSubmissions } from './pending-submissions';
import { ThematicAreas } from './thematic-areas';
import { UploadList } from './upload-list';

/** Submissions kept on this device that the server does not have yet, and what happens to each. */
@Component({
  selector: 'app-pending-list',
  imports: [UploadList, RouterLink],
  template: `
    <section class="pending" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{{ t('requests.pending.heading') }}</h2>
      <ul>
        @for (record of records(); track record.localId) {
          <li data-testid="pending-submission" [attr.data-state]="stateOf(record)">
            <p class="subject">{{ record.body.subject }}</p>
            <p class="meta">
              {{ areas.name(record.body.area) }} ·
              {{ t('requests.pending.savedAt', { time: dates.dateTime(toIso(record.submittedAt)) }) }}
            </p>
            <p class="state" role="status">
              @switch (stateOf(record)) {
                @case ('sending') {
                  {{ t('requests.pending.sending') }}
                }
                @case ('offline') {
                  {{ t('requests.pending.offline') }}
                }
                @case ('retrying') {
                  {{ t('requests.pending.retrying') }}
                }
                @case ('rejected') {
                  {{ t('requests.pending.rejected', { reason: record.rejection ?? '' }) }}
                }
              }
            </p>
            @if (
              submissions.sendingId() === record.localId && (submissions.uploads()[record.localId] ?? []).length > 0
            ) {
              <app-upload-list [items]="submissions.uploads()[record.localId] ?? []" />
            }
            @if (hasUnkeptFiles(record)) {
              <p class="warning">{{ t('form.pending.filesNotKeptWarning') }}</p>
            }
            @if (record.rejection) {
              <div class="buttons">
                <a class="button-secondary" routerLink="/requests/new" [queryParams]="{ restore: record.localId }">{{
                  t('requests.pending.edit')
                }}</a>
                <button type="button" class="button-secondary" (click)="discard(record.localId)">
                  {{ t('requests.pending.discard') }}
                </button>
              </div>
            }
            @if (stateOf(record) === 'retrying') {
              <button type="button" class="button-secondary" (click)="retryNow()">
                {{ t('requests.pending.retryNow') }}
              </button>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.0625rem;
    }
    ul {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      gap: 0.375rem;
      padding: 0.75rem 0.875rem;
      border: 1px solid #d8b45a;
      border-left: 4px solid #a86b00;
      border-radius: var(--radius);
      background: #fff8e6;
    }
    li[data-state='rejected'] {
      border-color: var(--color-error);
      background: var(--color-error-soft);
    }
    p {
      margin: 0;
    }
    .subject {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    .state {
      color: #5c3900;
      font-weight: 600;
    }
    li[data-state='rejected'] .state {
      color: var(--color-error);
    }
    .warning {
      font-size: 0.9375rem;
    }
    button {
      justify-self: start;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .buttons a {
      text-decoration: none;
    }
  `,
})
export class PendingList {
  readonly records = input.required<readonly PendingSubmission[]>();

  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly areas = inject(ThematicAreas);
  protected readonly submissions = inject(PendingSubmissions);

  protected stateOf(record: PendingSubmission): 'sending' | 'offline' | 'retrying' | 'rejected' {
    if (record.rejection) return 'rejected';
    if (!this.submissions.online()) return 'offline';
    if (this.submissions.sendingId() === record.localId) return 'sending';
    return 'retrying';
  }

  protected hasUnkeptFiles(record: PendingSubmission): boolean {
    return record.files.some((_, index) => this.submissions.isOnlyInMemory(record, index));
  }

  protected toIso(epochMs: number): string {
    return new Date(epochMs).toISOString();
  }

  protected discard(localId: string): void {
    this.submissions.discard(localId);
  }

  protected retryNow(): void {
    void this.submissions.sendWaiting();
  }
}
