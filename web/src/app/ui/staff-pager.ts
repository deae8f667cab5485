import { Component, computed, inject, input, output } from '@angular/core';
import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { formatCount } from '../core/staff-intl';

/**
 * Previous and next page of a list, with where we are. Hidden when everything fits on one page.
 * A list longer than the API counts (`exact` false: "1,000+") still offers its next pages, as
 * long as the API says one follows (`hasNext`).
 */
@Component({
  selector: 'app-staff-pager',
  template: `
    @if (pages() > 1 || !exact()) {
      <nav class="pager" [attr.aria-label]="t('inbox.pager.label')">
        <button type="button" class="button-secondary" [disabled]="page() <= 1" (click)="pageChange.emit(page() - 1)">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M15 5l-7 7 7 7" />
          </svg>
          {{ t('inbox.pager.previous') }}
        </button>
        <span class="position">{{
          t(exact() ? 'inbox.pager.position' : 'inbox.pager.positionMore', {
            page: number(page()),
            pages: number(pages()),
          })
        }}</span>
        <button type="button" class="button-secondary" [disabled]="!offersNext()" (click)="pageChange.emit(page() + 1)">
          {{ t('inbox.pager.next') }}
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M9 5l7 7-7 7" />
          </svg>
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      margin-top: 1rem;
    }
    .position {
      color: var(--color-text-muted);
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
  `,
})
export class StaffPager {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  /** Whether `total` is the list's exact length; false: the list holds more than `total`. */
  readonly exact = input(true);
  /** Whether a page follows this one, when the list says so (a cursor list); null: from the total. */
  readonly hasNext = input<boolean | null>(null);
  readonly pageChange = output<number>();

  private readonly i18n = inject(StaffI18n);
  protected readonly t = this.i18n.t;
  // Beyond an inexact total, at least the pages seen so far.
  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil(this.total() / this.pageSize()), this.exact() ? 1 : this.page()),
  );
  protected readonly offersNext = computed(() => this.hasNext() ?? this.page() < this.pages());
  protected number(value: number): string {
    return formatCount(value, this.i18n.language());
  }
}
