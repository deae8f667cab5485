import { Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CursorPage, RequestView } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { RequestsI18n } from './i18n/requests-texts';
import { StatusBadge } from '../ui/status-badge';
import { PendingList } from './pending-list';
import { PendingSubmissions } from './pending-submissions';
import { RequestsApi } from './requests-api';
import { ThematicAreas } from './thematic-areas';

const PAGE_SIZE = 20;

/** The requests of the member's organization, newest first, with those still waiting on this device on top. */
@Component({
  selector: 'app-request-list-page',
  imports: [RouterLink, StatusBadge, PendingList],
  templateUrl: './request-list-page.html',
  styleUrl: './request-list-page.css',
})
export class RequestListPage {
  /** From the query string (?page=2). */
  readonly page = input<string | undefined>();

  private readonly api = inject(RequestsApi);
  protected readonly submissions = inject(PendingSubmissions);
  protected readonly areas = inject(ThematicAreas);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(RequestsI18n).t;

  protected readonly pageNumber = computed(() => Math.max(1, Math.floor(Number(this.page()) || 1)));
  protected readonly state = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly result = signal<CursorPage<RequestView> | null>(null);
  protected readonly error = signal('');
  /** The count as shown: "1,000+" when the API stopped counting. */
  protected readonly totalText = computed(() => {
    const result = this.result();
    return result ? `${result.total}${result.totalIsExact === false ? '+' : ''}` : '';
  });
  protected readonly pageCount = computed(() => {
    const result = this.result();
    if (!result) return 1;
    // A list longer than the API counts ("1,000+") goes on while the API says a page follows.
    const counted = Math.ceil(result.total / result.pageSize);
    return Math.max(1, counted, result.totalIsExact === false ? this.pageNumber() + (result.nextCursor ? 1 : 0) : 1);
  });
  private loadCount = 0;

  constructor() {
    effect(() => {
      const page = this.pageNumber();
      untracked(() => void this.load(page));
    });
    // A submission that was waiting reached the server: show it in the list.
    const subscription = this.submissions.completed.subscribe(() => void this.load(this.pageNumber()));
    // Back online after a failed load: try again without making the member ask.
    const retryWhenOnline = () => {
      if (this.state() === 'error') void this.load(this.pageNumber());
    };
    globalThis.addEventListener('online', retryWhenOnline);
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      globalThis.removeEventListener('online', retryWhenOnline);
    });
  }

  protected reload(): void {
    void this.load(this.pageNumber());
  }

  private async load(page: number): Promise<void> {
    const current = ++this.loadCount;
    this.state.set('loading');
    try {
      const result = await this.api.list({ page, pageSize: PAGE_SIZE, sort: '-createdAt' });
      if (current !== this.loadCount) return;
      this.result.set(result);
      this.state.set('loaded');
    } catch (error) {
      if (current !== this.loadCount) return;
      this.error.set(readProblem(error, this.t).message);
      this.state.set('error');
    }
  }
}
