import { Component, computed, inject, input, output } from '@angular/core';
import { StaffI18n } from '../core/staff-i18n/staff-texts';


/** Previous and next page of a list, with where we are. Hidden when everything fits on one page. */
@Component({
  selector: 'app-staff-pager',
  template: `
    @if (pages() > 1) {
      <nav class="pager" [attr.aria-label]="t('inbox.pager.label')">
        <button type="button" class="button-secondary" [disabled]="page() <= 1" (click)="pageChange.emit(page() - 1)">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M15 5l-7 7 7 7" /></svg>
          {{ t('inbox.pager.previous') }}
        </button>
        <span class="position">{{ t('inbox.pager.position', { page: page(), pages: pages() }) }}</span>
        <button type="button" class="button-secondary" [disabled]="page() >= pages()" (click)="pageChange.emit(page() + 1)">
          {{ t('inbox.pager.next') }}
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="M9 5l7 7-7 7" /></svg>
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
  readonly pageChange = output<number>();

  protected readonly t = inject(StaffI18n).t;
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));
}
