import { httpResource } from '@angular/common/http';
import { Component, computed, DestroyRef, DOCUMENT, effect, ElementRef, inject, linkedSignal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type AdminUserView, isStaff, LIMITS, type Page, ROLES, type Role } from '@portal/shared';

import { API_BASE_URL } from '../core/api';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { isSingular } from '../core/staff-intl';
import { describeStaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { StaffPager } from '../ui/staff-pager';
import { savedNameFromNavigation } from './admin-navigation';
import { coverageSummary } from './coverage';

const SEARCH_DELAY_MS = 400;

/** The people of the portal: search by name or email, filter by role and activity, page through. */
@Component({
  selector: 'app-users-page',
  imports: [RouterLink, StaffPager],
  templateUrl: './users-page.html',
  styleUrl: './admin-list.css',
})
export class UsersPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(StaffI18n);
  private readonly reference = inject(StaffReference);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');
  private readonly totalLine = viewChild<ElementRef<HTMLElement>>('totalLine');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly t = this.i18n.t;
  protected readonly roles = ROLES;
  protected readonly pageSize = LIMITS.pageSizeDefault;
  protected readonly savedName = savedNameFromNavigation(this.router);
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Record<string, unknown> });

  /** The list's state, from the URL: q, role, active (true, false or absent for everyone), page. */
  protected readonly filter = computed(() => {
    const params = this.params();
    const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string).trim() : '');
    const page = Number(text('page') || '1');
    const role = text('role');
    const active = text('active');
    return {
      q: text('q').slice(0, 100),
      role: (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
      active: active === 'true' || active === 'false' ? active : '',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });

  protected readonly users = httpResource<Page<AdminUserView>>(() => {
    const { q, role, active, page } = this.filter();
    const params: Record<string, string> = { page: String(page), pageSize: String(this.pageSize) };
    if (q) params['q'] = q;
    if (role) params['role'] = role;
    if (active) params['active'] = active;
    return { url: `${API_BASE_URL}/users`, params };
  });

  protected readonly shown = linkedSignal<Page<AdminUserView> | undefined, Page<AdminUserView> | undefined>({
    source: () => (this.users.hasValue() ? this.users.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.users.error() ? undefined : previous?.value),
  });

  protected readonly problem = computed(() => {
    const error = this.users.error();
    return error ? describeStaffProblem(error, this.t) : null;
  });

  protected readonly totalText = computed(() => {
    const total = this.shown()?.total ?? 0;
    return this.t(isSingular(total, this.i18n.language()) ? 'admin.user.count.one' : 'admin.user.count.other', { count: total });
  });

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

  protected chooseRole(event: Event): void {
    this.navigate({ role: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected chooseActive(event: Event): void {
    this.navigate({ active: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected async goToPage(page: number): Promise<void> {
    await this.navigate({ page: page > 1 ? String(page) : null });
    const line = this.totalLine()?.nativeElement;
    line?.focus({ preventScroll: true });
    line?.scrollIntoView({ block: 'start' });
  }

  protected roleKey(role: Role): StaffTextKey {
    return `role.${role}`;
  }

  /** Under the role: the organization of a member, the region of a director. */
  protected placeOf(user: AdminUserView): string {
    if (user.organization) return user.organization.name;
    return user.region ? this.t(`region.${user.region}`) : '';
  }

  protected coverageOf(user: AdminUserView): string {
    return coverageSummary(user.coverage, this.t, (code) => this.reference.countryName(code));
  }

  protected routable(user: AdminUserView): boolean {
    return isStaff(user.role) && user.role !== 'executive';
  }

  private navigate(changes: Record<string, string | null>, replaceUrl = false): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: changes, queryParamsHandling: 'merge', replaceUrl });
  }
}
