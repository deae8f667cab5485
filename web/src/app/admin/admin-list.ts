import { NgTemplateOutlet } from '@angular/common';
import {
  Component,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  input,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { StaffPager } from '../ui/staff-pager';
import type { AdminListPage } from './admin-list-page';

/** Typing pauses this long before the search runs: one call per word, not per letter. */
const SEARCH_DELAY_MS = 400;

/**
 * What an administration list shows around the page's own parts: the heading and its "new"
 * link, the search box before the page's filters, the total, then the page's rows under the
 * column headings with the pager — or the loading, empty or failed state. It is styled by
 * the pages' sheet too, so that each part keeps its look whichever template holds it.
 */
@Component({
  selector: 'app-admin-list',
  imports: [NgTemplateOutlet, RouterLink, StaffPager],
  templateUrl: './admin-list.html',
  styleUrl: './admin-list.css',
})
export class AdminList<Item, Filters extends Record<string, string | null>> {
  /** The page this list belongs to (`this` in its template): its words, state and results. */
  readonly list = input.required<AdminListPage<Item, Filters>>();
  /** The page's filter controls, after the search box. */
  readonly filters = input.required<TemplateRef<unknown>>();
  /** The page's tbody, shown when the page of results has any. */
  readonly rows = input.required<TemplateRef<unknown>>();

  private readonly document = inject(DOCUMENT);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');
  private readonly totalLine = viewChild<ElementRef<HTMLElement>>('totalLine');
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly t = inject(StaffI18n).t;

  constructor() {
    // The search box follows the URL (back button, links), but never while someone types in it.
    effect(() => {
      const q = this.list().filter().q;
      const input = this.searchInput()?.nativeElement;
      if (input && this.document.activeElement !== input && input.value !== q) input.value = q;
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typeSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.list().search(value.trim()), SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.list().search(this.searchInput()?.nativeElement.value.trim() ?? '');
  }

  protected async goToPage(page: number): Promise<void> {
    await this.list().goToPage(page);
    // The new page's rows are above the pager: take keyboard and screen-reader users there.
    const line = this.totalLine()?.nativeElement;
    line?.focus({ preventScroll: true });
    line?.scrollIntoView({ block: 'start' });
  }
}
