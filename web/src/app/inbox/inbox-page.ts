import { httpResource } from '@angular/common/http';
import {
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  can,
  type CursorPage,
  OPEN_STATUSES,
  REGION_CODES,
  type RegionCode,
  type RequestListItem,
  type RequestStatus,
  rolesWith,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@portal/shared';

import { Session } from '../auth/session';
import { API_BASE_URL } from '../core/api';
import { mayActOnRequest } from '../core/case-access';
import { LocalDates } from '../core/local-dates';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { formatCount, isSingular } from '../core/staff-intl';
import { describeStaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { ModalDialog } from '../ui/modal-dialog';
import { StaffPager } from '../ui/staff-pager';
import { InboxBulkBar } from './inbox-bulk-bar';
import { InboxSavedViews } from './inbox-saved-views';
import {
  coverageTabLabel,
  hasFilters,
  INBOX_PAGE_SIZE,
  INBOX_SORTS,
  type InboxQuery,
  type InboxSort,
  type InboxTab,
  offersRegionFilter,
  parseInboxQuery,
  tabsFor,
  toApiParams,
  toUrlParams,
  withoutFilters,
} from './inbox-query';
import { InboxStatusFilter } from './inbox-status-filter';
import { InboxTable } from './inbox-table';

/** Cursors kept for "Next" (a few hundred bytes each); past this many the oldest is forgotten. */
const MAX_CURSORS = 500;

/** Which list and page a cursor leads to: the API parameters it was given for (the page included). */
function cursorKey(params: Record<string, string>): string {
  return JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
}

/** Typing pauses this long before the search runs: one call per word, not per letter. */
const SEARCH_DELAY_MS = 400;

const TAB_LABELS: Readonly<Record<Exclude<InboxTab, 'coverage'>, StaffTextKey>> = {
  mine: 'inbox.tab.mine',
  unassigned: 'inbox.tab.unassigned',
  breached: 'inbox.tab.breached',
};

const SORT_LABELS: Readonly<Record<InboxSort, StaffTextKey>> = {
  '-createdAt': 'inbox.sort.newest',
  createdAt: 'inbox.sort.oldest',
  '-priority': 'inbox.sort.priority',
  dueAt: 'inbox.sort.due',
  '-updatedAt': 'inbox.sort.updated',
};

/** Whether a key press is someone typing (the shortcuts then stay out of the way). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  );
}

/**
 * The staff inbox: views (mine, my coverage, unassigned, overdue), filters, search, sort and
 * paging, all kept in the URL, and the person's saved views. The API's visibility scope
 * decides what each role may see; this page only narrows it. Keyboard: j/k move along the
 * rows, Enter opens, x checks, e escalates, ? lists the keys; checked rows take bulk changes.
 */
@Component({
  selector: 'app-inbox-page',
  imports: [RouterLink, InboxStatusFilter, InboxTable, StaffPager, InboxBulkBar, InboxSavedViews, ModalDialog],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.css',
  host: { '(document:keydown)': 'handleKey($event)' },
})
export class InboxPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(StaffI18n);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');
  private readonly totalLine = viewChild<ElementRef<HTMLElement>>('totalLine');
  private readonly table = viewChild(InboxTable);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly t = this.i18n.t;
  protected readonly dates = inject(LocalDates);
  protected readonly reference = inject(StaffReference);
  private readonly session = inject(Session);
  // The fallback covers the instant of signing out: the first role that opens the inbox.
  protected readonly role = computed(() => this.session.user()?.role ?? rolesWith('requests.staff-view')[0]);
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} });

  protected readonly query = computed(() => parseInboxQuery(this.params(), this.role()));
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly readOnly = computed(() => !can(this.role(), 'requests.work'));
  protected readonly showRegion = computed(() => offersRegionFilter(this.role()));
  protected readonly filtersOpen = signal(false);
  protected readonly areas = THEMATIC_AREAS;
  protected readonly regions = REGION_CODES;
  protected readonly sorts = INBOX_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }));
  protected readonly pageSize = INBOX_PAGE_SIZE;

  protected readonly tabs = computed(() => {
    const role = this.role();
    const query = this.query();
    return tabsFor(role).map((tab) => ({
      tab,
      label: tab === 'coverage' ? coverageTabLabel(role) : TAB_LABELS[tab],
      params: toUrlParams({ ...query, tab, page: 1 }, role),
    }));
  });

  /** Countries offered by the country filter: those of the chosen region, else all, by region. */
  protected readonly countryGroups = computed(() => {
    const region = this.query().region;
    return this.reference
      .countryGroups()
      .filter((group) => group.countries.length > 0 && (!region || group.region === region));
  });

  /**
   * The cursors the API gave for the next pages of lists seen here, by list and page number:
   * "Next" asks for the page after the last row shown, which costs the API the same at any
   * depth (a page number alone is an OFFSET). A page reached otherwise (a link, a reload) is
   * asked for by its number.
   */
  private readonly cursors = new Map<string, string>();

  protected readonly requests = httpResource<CursorPage<RequestListItem>>(() => {
    const params = toApiParams(this.query());
    const cursor = this.cursors.get(cursorKey(params));
    return { url: `${API_BASE_URL}/requests`, params: cursor ? { ...params, cursor } : params };
  });

  /** The last list received: kept on screen (dimmed) while the next one loads. */
  protected readonly shown = linkedSignal<
    CursorPage<RequestListItem> | undefined,
    CursorPage<RequestListItem> | undefined
  >({
    source: () => (this.requests.hasValue() ? this.requests.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.requests.error() ? undefined : previous?.value),
  });

  protected readonly problem = computed(() => {
    const error = this.requests.error();
    return error ? describeStaffProblem(error, this.t) : null;
  });

  /** "25 requests"; beyond what the API counts, "1,000+ requests" (its total is then a lower bound). */
  protected readonly totalText = computed(() => {
    const shown = this.shown();
    const total = shown?.total ?? 0;
    const count = formatCount(total, this.i18n.language());
    if (shown && shown.totalIsExact === false) return this.t('inbox.total.more', { count });
    return this.t(isSingular(total, this.i18n.language()) ? 'inbox.total.one' : 'inbox.total.other', { count });
  });

  /** Filters that only links bring (from the reports), shown as removable chips. */
  protected readonly linkFilters = computed(() => {
    const query = this.query();
    const first = this.shown()?.items[0];
    const chips: { key: keyof InboxQuery; text: string }[] = [];
    if (query.organization) {
      const name = first?.organization.id === query.organization ? first.organization.name : '…';
      chips.push({ key: 'organization', text: this.t('inbox.chip.organization', { name }) });
    }
    if (query.assignee && (query.tab === 'coverage' || query.tab === 'breached')) {
      const name = first?.assignee?.id === query.assignee ? first.assignee.name : '…';
      chips.push({ key: 'assignee', text: this.t('inbox.chip.assignee', { name }) });
    }
    if (query.from) chips.push({ key: 'from', text: this.t('inbox.chip.from', { date: this.dates.date(query.from) }) });
    if (query.to) chips.push({ key: 'to', text: this.t('inbox.chip.to', { date: this.dates.date(query.to) }) });
    return chips;
  });

  /** Bulk changes are for those who work cases. */
  protected readonly canBulk = computed(() => can(this.role(), 'requests.bulk'));
  protected readonly userId = computed(() => this.session.user()?.id ?? '');
  /** The checked rows (of the page shown), for bulk changes. */
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly checkedRows = computed(() =>
    (this.shown()?.items ?? []).filter((row) => this.checked().has(row.id)),
  );
  /** The bulk bar stays with its results after a change, until it is closed. */
  protected readonly bulkOpen = signal(false);
  /** The row the keyboard is on. */
  protected readonly activeId = signal<string | null>(null);
  protected readonly shortcutsOpen = signal(false);
  /** What a shortcut could not do, read out. */
  protected readonly keyNotice = signal('');
  /** The inbox's URL parameters without the page: what a saved view keeps. */
  protected readonly currentParams = computed(() => toUrlParams({ ...this.query(), page: 1 }, this.role()));

  constructor() {
    // Another list: nothing of the previous one stays checked or selected.
    effect(() => {
      this.query();
      untracked(() => {
        this.checked.set(new Set());
        this.activeId.set(null);
      });
    });
    // The search box follows the URL (back button, links), but never while someone types in it.
    effect(() => {
      const q = this.query().q;
      const input = this.searchInput()?.nativeElement;
      if (input && this.document.activeElement !== input && input.value !== q) input.value = q;
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
    // Each page received tells where the next one starts.
    effect(() => {
      if (!this.requests.hasValue()) return;
      const { page, nextCursor } = this.requests.value();
      const next = cursorKey(toApiParams({ ...untracked(this.query), page: page + 1 }));
      if (!nextCursor) return;
      this.cursors.delete(next);
      if (this.cursors.size >= MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value!);
      this.cursors.set(next, nextCursor);
    });
  }

  protected typeSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.search(this.searchInput()?.nativeElement.value ?? '');
  }

  private search(value: string): void {
    if (value.trim() === this.query().q.trim()) return;
    // Typing replaces the history entry: "back" should not replay every word typed.
    void this.navigate({ ...this.query(), q: value.trim().slice(0, 200), page: 1 }, true);
  }

  protected chooseStatuses(statuses: RequestStatus[]): void {
    void this.navigate({ ...this.query(), statuses, page: 1 });
  }

  protected chooseArea(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.navigate({ ...this.query(), area: (value || null) as ThematicArea | null, page: 1 });
  }

  protected chooseCountry(event: Event): void {
    void this.navigate({ ...this.query(), country: (event.target as HTMLSelectElement).value || null, page: 1 });
  }

  protected chooseRegion(event: Event): void {
    const region = ((event.target as HTMLSelectElement).value || null) as RegionCode | null;
    const query = this.query();
    // A country outside the new region would leave an empty list that is hard to explain.
    const country = query.country && region && this.reference.regionOf(query.country) !== region ? null : query.country;
    void this.navigate({ ...query, region, country, page: 1 });
  }

  protected chooseEscalated(event: Event): void {
    void this.navigate({ ...this.query(), escalated: (event.target as HTMLInputElement).checked, page: 1 });
  }

  protected chooseSort(event: Event): void {
    void this.navigate({ ...this.query(), sort: (event.target as HTMLSelectElement).value as InboxSort, page: 1 });
  }

  protected removeLinkFilter(key: keyof InboxQuery): void {
    void this.navigate({ ...this.query(), [key]: null, page: 1 });
  }

  protected clearFilters(): void {
    const input = this.searchInput()?.nativeElement;
    if (input) input.value = '';
    void this.navigate(withoutFilters(this.query()));
  }

  protected async goToPage(page: number): Promise<void> {
    await this.navigate({ ...this.query(), page });
    // The new page's rows are above the pager: take keyboard and screen-reader users there.
    const line = this.totalLine()?.nativeElement;
    line?.focus({ preventScroll: true });
    line?.scrollIntoView({ block: 'start' });
  }

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  protected toggleChecked(id: string): void {
    this.checked.update((checked) => {
      const next = new Set(checked);
      if (!next.delete(id)) next.add(id);
      return next;
    });
    this.bulkOpen.set(true);
  }

  protected toggleAll(): void {
    const rows = this.shown()?.items ?? [];
    const all = rows.length > 0 && rows.every((row) => this.checked().has(row.id));
    this.checked.set(all ? new Set() : new Set(rows.map((row) => row.id)));
    this.bulkOpen.set(true);
  }

  /** After a bulk change: the changed cases are unchecked (the refused stay, to retry), the list reloads. */
  protected bulkApplied(changed: readonly string[]): void {
    this.checked.update((checked) => new Set([...checked].filter((id) => !changed.includes(id))));
    this.requests.reload();
  }

  protected closeBulk(): void {
    this.checked.set(new Set());
    this.bulkOpen.set(false);
  }

  protected handleKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (this.shortcutsOpen() || this.document.querySelector('dialog[open]')) return;
    const rows = this.shown()?.items ?? [];
    const index = rows.findIndex((row) => row.id === this.activeId());
    const active = index >= 0 ? rows[index] : null;
    switch (event.key) {
      case 'j':
      case 'k': {
        if (rows.length === 0) return;
        const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)));
        this.select(rows[next].id);
        break;
      }
      case 'Enter':
        // On a link or a button the browser already does what Enter means there.
        if (!active || (event.target instanceof HTMLElement && event.target.closest('a, button'))) return;
        void this.router.navigate(['/inbox', active.id]);
        break;
      case 'x':
        if (!active || !this.canBulk()) return;
        this.toggleChecked(active.id);
        break;
      case 'e':
        if (!active) return;
        this.escalate(active);
        break;
      case '?':
        this.shortcutsOpen.set(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private select(id: string): void {
    this.activeId.set(id);
    this.keyNotice.set('');
    this.table()?.focusRow(id);
  }

  /** Opens the case's escalation when the case-permission rule allows it; says why not otherwise. */
  private escalate(request: RequestListItem): void {
    const user = this.session.user();
    const open = (OPEN_STATUSES as readonly string[]).includes(request.status);
    const allowed = !!user && open && mayActOnRequest(user, request, 'escalate');
    if (!allowed) {
      this.keyNotice.set(this.t('inbox.keys.cannotEscalate', { reference: request.reference }));
      return;
    }
    void this.router.navigate(['/inbox', request.id], { queryParams: { action: 'escalate' } });
  }

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected regionKey(region: RegionCode): StaffTextKey {
    return `region.${region}`;
  }

  private navigate(query: InboxQuery, replaceUrl = false): Promise<boolean> {
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toUrlParams(query, this.role()),
      replaceUrl,
    });
  }
}
