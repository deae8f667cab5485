import { httpResource } from '@angular/common/http';
import { Component, computed, DestroyRef, DOCUMENT, effect, ElementRef, inject, linkedSignal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { LIMITS, type OrganizationKind, type OrganizationView, type Page } from '@portal/shared';

import { API_BASE_URL } from '../core/api';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { isSingular } from '../core/staff-intl';
import { describeStaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { StaffPager } from '../ui/staff-pager';
import { savedNameFromNavigation } from './admin-navigation';

const SEARCH_DELAY_MS = 400;
const COUNTRY = /^[A-Z]{2}$/;

/** The member organizations: search by name, filter by country, page through; each opens its form. */
@Component({
  selector: 'app-organizations-page',
  imports: [RouterLink, StaffPager],
  templateUrl: './organizations-page.html',
  styleUrl: './admin-list.css',
})
export class OrganizationsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(StaffI18n);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');
  private readonly totalLine = viewChild<ElementRef<HTMLElement>>('totalLine');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly t = this.i18n.t;
  protected readonly reference = inject(StaffReference);
  protected readonly pageSize = LIMITS.pageSizeDefault;
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Record<string, unknown> });

  /** The list's state, from the URL: q, country, page. */
  protected readonly filter = computed(() => {
    const params = this.params();
    const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string).trim() : '');
    const page = Number(text('page') || '1');
    return {
      q: text('q').slice(0, 100),
      country: COUNTRY.test(text('country')) ? text('country') : '',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });

  protected readonly organizations = httpResource<Page<OrganizationView>>(() => {
    const { q, country, page } = this.filter();
    const params: Record<string, string> = { page: String(page), pageSize: String(this.pageSize) };
    if (q) params['q'] = q;
    if (country) params['country'] = country;
    return { url: `${API_BASE_URL}/organizations`, params };
  });

  protected readonly shown = linkedSignal<Page<OrganizationView> | undefined, Page<OrganizationView> | undefined>({
    source: () => (this.organizations.hasValue() ? this.organizations.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.organizations.error() ? undefined : previous?.value),
  });

  protected readonly problem = computed(() => {
    const error = this.organizations.error();
    return error ? describeStaffProblem(error, this.t) : null;
  });

  protected readonly totalText = computed(() => {
    const total = this.shown()?.total ?? 0;
    return this.t(isSingular(total, this.i18n.language()) ? 'admin.org.count.one' : 'admin.org.count.other', { count: total });
  });

  /** The organization just saved on the form page, which comes back here saying so. */
  protected readonly savedName = savedNameFromNavigation(this.router);

  constructor() {
    effect(() => {
      const q = this.filter().q;
      const input = this.searchInput()?.nativeElement;
      if (input && this.document.activeElement !== input && input.value !== q) input.value = q;
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typeSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      if (value.trim() !== this.filter().q) this.navigate({ q: value.trim() || null, page: null }, true);
    }, SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    const value = this.searchInput()?.nativeElement.value.trim() ?? '';
    if (value !== this.filter().q) this.navigate({ q: value || null, page: null }, true);
  }

  protected chooseCountry(event: Event): void {
    this.navigate({ country: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected async goToPage(page: number): Promise<void> {
    await this.navigate({ page: page > 1 ? String(page) : null });
    const line = this.totalLine()?.nativeElement;
    line?.focus({ preventScroll: true });
    line?.scrollIntoView({ block: 'start' });
  }

  protected kindKey(kind: OrganizationKind): StaffTextKey {
    return `admin.org.kind.${kind}`;
  }

  protected regionKey(region: string): StaffTextKey {
    return `region.${region}` as StaffTextKey;
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
