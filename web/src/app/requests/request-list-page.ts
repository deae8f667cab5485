import { Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { CursorPage, RequestListItem } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { RequestsI18n } from './i18n/requests-texts';
import { StatusBadge } from '../ui/status-badge';
import { MEMBER_VIEWS, type MemberView, memberView } from './member-list-filters';
import { PendingList } from './pending-list';
import { PendingSubmissions } from './pending-submissions';
import { RequestsApi } from './requests-api';
import { ThematicAreas } from './thematic-areas';

const PAGE_SIZE = 20;

/**
 * The requests of the member's organization, last activity first, with those still waiting on
 * this device on top: filtered by what needs the member, open or closed, only theirs, searched;
 * a staff reply they have not opened is marked.
 */
@Component({
  selector: 'app-request-list-page',
  imports: [RouterLink, StatusBadge, PendingList],
  templateUrl: './request-list-page.html',
  styleUrl: './request-list-page.css',
})
export class RequestListPage {
  /** From the query string (?page=2&show=needs-me&mine=1&q=…). */
  readonly page = input<string | undefined>();
  readonly show = input<string | undefined>();
  readonly mine = input<string | undefined>();
  readonly q = input<string | undefined>();

  private readonly router = inject(Router);
  protected readonly views = Object.keys(MEMBER_VIEWS) as MemberView[];
  protected readonly viewLabel = {
    all: 'requests.list.view.all',
    'needs-me': 'requests.list.view.needsMe',
    open: 'requests.list.view.open',
    closed: 'requests.list.view.closed',
  } as const;
  protected readonly view = computed(() => memberView(this.show()));
  protected readonly onlyMine = computed(() => this.mine() === '1');
  protected readonly search = computed(() => this.q()?.trim() ?? '');
  /** Whether any filter narrows the list: an empty list then says so, not "no requests yet". */
  protected readonly filtered = computed(() => this.view() !== 'all' || this.onlyMine() || this.search() !== '');

  private readonly api = inject(RequestsApi);
  protected readonly submissions = inject(PendingSubmissions);
  protected readonly areas = inject(ThematicAreas);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(RequestsI18n).t;

  protected readonly pageNumber = computed(() => Math.max(1, Math.floor(Number(this.page()) || 1)));
  protected readonly state = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly result = signal<CursorPage<RequestListItem> | null>(null);
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
      this.view();
      this.onlyMine();
      this.search();
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

  /** The query string for a view, keeping the other filters; back to the first page. */
  protected paramsFor(change: { show?: MemberView; mine?: boolean; q?: string; page?: number }) {
    const show = change.show ?? this.view();
    const mine = change.mine ?? this.onlyMine();
    const q = change.q ?? this.search();
    return {
      show: show === 'all' ? null : show,
      mine: mine ? '1' : null,
      q: q || null,
      page: change.page && change.page > 1 ? change.page : null,
    };
  }

  protected setMine(event: Event): void {
    void this.router.navigate([], {
      queryParams: this.paramsFor({ mine: (event.target as HTMLInputElement).checked }),
    });
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    void this.router.navigate([], { queryParams: this.paramsFor({ q: field.value.trim() }) });
  }

  private async load(page: number): Promise<void> {
    const current = ++this.loadCount;
    this.state.set('loading');
    try {
      const status = MEMBER_VIEWS[this.view()] ?? undefined;
      const result = await this.api.list({
        page,
        pageSize: PAGE_SIZE,
        // Last activity first: a reply or a change brings a request back up.
        sort: '-updatedAt',
        status,
        createdBy: this.onlyMine() ? 'me' : undefined,
        q: this.search(),
      });
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
