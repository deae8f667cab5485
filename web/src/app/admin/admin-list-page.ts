import { httpResource } from '@angular/common/http';
import { computed, Directive, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { LIMITS, type Page } from '@portal/shared';

import { API_BASE_URL } from '../core/api';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { isSingular } from '../core/staff-intl';
import { describeStaffProblem } from '../core/staff-problem';
import { savedNameFromNavigation } from './admin-navigation';

/** The words of an administration list, drawn by AdminList. */
export interface AdminListTexts {
  /** The heading, also the table's name. */
  readonly title: StaffTextKey;
  /** The link to the form that registers a new one. */
  readonly create: StaffTextKey;
  /** The search box's label. */
  readonly search: StaffTextKey;
  /** The total line, for a count said in the singular and for any other. */
  readonly countOne: StaffTextKey;
  readonly countOther: StaffTextKey;
  /** Under "nothing here", when nothing matches. */
  readonly empty: StaffTextKey;
  /** The table's column headings, in the order of the page's cells. */
  readonly columns: readonly StaffTextKey[];
}

/**
 * What the administration lists (organizations, users) share: their state in the URL (a
 * search, the page's own filters, the page number), the page of results it asks the API for,
 * the total and the problem to show. A page names its words and filters, and hands itself
 * with its filter controls and rows to AdminList, which draws the rest. (The members a page
 * sets are read once it is built: the signals here compute when first read.)
 */
@Directive()
export abstract class AdminListPage<Item, Filters extends Record<string, string | null>> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(StaffI18n);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it sets toSignal's type: Params | {} else
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Record<string, unknown> });

  /** The start of the list's ids and test ids: `org` gives org-search, org-total… */
  abstract readonly idPrefix: string;
  abstract readonly texts: AdminListTexts;
  /** The API collection listed, under API_BASE_URL. */
  protected abstract readonly path: string;

  /** The page's own filters from the URL (`text` gives a parameter trimmed, '' when absent); empty ones are not sent. */
  protected abstract readFilters(text: (name: string) => string): Filters;

  protected readonly t = this.i18n.t;
  /** The name just saved on the form page, which comes back here saying so. */
  readonly savedName = savedNameFromNavigation(this.router);

  /** The list's state, from the URL: q, the page's filters, page. */
  readonly filter = computed(() => {
    const params = this.params();
    const text = (name: string) => (typeof params[name] === 'string' ? params[name].trim() : '');
    const page = Number(text('page') || '1');
    return {
      q: text('q').slice(0, 100),
      ...this.readFilters(text),
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });

  readonly results = httpResource<Page<Item>>(() => {
    const { q, page, ...filters } = this.filter();
    const params: Record<string, string> = { page: String(page), pageSize: String(LIMITS.pageSizeDefault) };
    if (q) params['q'] = q;
    for (const [name, value] of Object.entries<string | null>(filters)) if (value) params[name] = value;
    return { url: `${API_BASE_URL}/${this.path}`, params };
  });

  /** The last page received: kept on screen (dimmed) while the next one loads. */
  readonly shown = linkedSignal<Page<Item> | undefined, Page<Item> | undefined>({
    source: () => (this.results.hasValue() ? this.results.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.results.error() ? undefined : previous?.value),
  });

  readonly problem = computed(() => {
    const error = this.results.error();
    return error ? describeStaffProblem(error, this.t) : null;
  });

  readonly totalText = computed(() => {
    const total = this.shown()?.total ?? 0;
    return this.t(isSingular(total, this.i18n.language()) ? this.texts.countOne : this.texts.countOther, {
      count: total,
    });
  });

  /** Searches from the first page; replaces the history entry, as "back" should not replay every word typed. */
  search(q: string): void {
    if (q !== this.filter().q) void this.navigate({ q: q || null, page: null }, true);
  }

  goToPage(page: number): Promise<boolean> {
    return this.navigate({ page: page > 1 ? String(page) : null });
  }

  /** A filter's select changed: filters from the first page. */
  protected choose(filter: keyof Filters & string, event: Event): void {
    void this.navigate({ [filter]: (event.target as HTMLSelectElement).value || null, page: null });
  }

  private navigate(changes: Record<string, string | null>, replaceUrl = false): Promise<boolean> {
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: changes,
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
