import { Component, computed, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { REQUEST_STATUSES, type RequestStatus } from '@portal/shared';

import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { statusLabelKey } from '../ui/status-badge';

/**
 * The status filter: several statuses at once, as checkboxes in a disclosure. Native
 * <details>: opens with Enter or Space, every box is a real checkbox; it closes on Escape
 * and when the person clicks or tabs elsewhere.
 */
@Component({
  selector: 'app-inbox-status-filter',
  host: {
    '(document:click)': 'closeWhenOutside($event)',
    '(focusout)': 'closeWhenFocusLeaves($event)',
    '(keydown.escape)': 'closeFromKeyboard()',
  },
  template: `
    <span class="label" id="inbox-status-label">{{ t('inbox.filter.status') }}</span>
    <details #details data-testid="inbox-filter-status">
      <summary aria-describedby="inbox-status-label">
        <span class="visually-hidden">{{ t('inbox.filter.status') }}: </span>{{ summary() }}
        <svg viewBox="0 0 12 8" width="12" height="8" aria-hidden="true" focusable="false">
          <path d="M1 1l5 5 5-5" />
        </svg>
      </summary>
      <fieldset>
        <legend class="visually-hidden">{{ t('inbox.filter.status') }}</legend>
        @for (status of statuses; track status) {
          <label>
            <input
              type="checkbox"
              [value]="status"
              [checked]="selected().includes(status)"
              (change)="toggle(status, $event)"
            />
            {{ t(labelKey(status)) }}
          </label>
        }
      </fieldset>
    </details>
  `,
  styles: `
    :host {
      position: relative;
      display: grid;
      gap: 0.375rem;
    }
    .label {
      font-weight: 600;
    }
    summary {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      cursor: pointer;
      list-style: none;
      white-space: nowrap;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary:hover {
      border-color: var(--color-accent);
    }
    svg {
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    details[open] svg {
      transform: rotate(180deg);
    }
    fieldset {
      display: grid;
      gap: 0.125rem;
      margin: 0.25rem 0 0;
      padding: 0.375rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
    }
    @media (min-width: 48rem) {
      fieldset {
        position: absolute;
        z-index: 20;
        min-width: 100%;
        box-shadow: 0 6px 18px rgb(16 40 28 / 18%);
      }
    }
    fieldset label {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-height: 2.5rem;
      padding: 0 0.5rem;
      border-radius: var(--radius);
      font-weight: 400;
      white-space: nowrap;
      cursor: pointer;
    }
    fieldset label:hover {
      background: var(--color-accent-soft);
    }
    input {
      width: 1.125rem;
      height: 1.125rem;
      margin: 0;
      accent-color: var(--color-accent);
    }
  `,
})
export class InboxStatusFilter {
  readonly selected = input.required<readonly RequestStatus[]>();
  readonly selectedChange = output<RequestStatus[]>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly details = viewChild.required<ElementRef<HTMLDetailsElement>>('details');
  protected readonly t = inject(StaffI18n).t;
  protected readonly statuses = REQUEST_STATUSES;
  protected readonly summary = computed(() => {
    const selected = this.selected();
    if (selected.length === 0) return this.t('inbox.filter.anyStatus');
    if (selected.length === 1) return this.t(statusLabelKey(selected[0], false));
    return this.t('inbox.filter.statusCount', { count: selected.length });
  });

  protected labelKey(status: RequestStatus) {
    return statusLabelKey(status, false);
  }

  protected toggle(status: RequestStatus, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const next = new Set(this.selected());
    if (checked) next.add(status);
    else next.delete(status);
    this.selectedChange.emit(REQUEST_STATUSES.filter((candidate) => next.has(candidate)));
  }

  protected closeWhenOutside(event: MouseEvent): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.details().nativeElement.open = false;
  }

  protected closeWhenFocusLeaves(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.nativeElement.contains(next)) this.details().nativeElement.open = false;
  }

  protected closeFromKeyboard(): void {
    const details = this.details().nativeElement;
    if (!details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  }
}
