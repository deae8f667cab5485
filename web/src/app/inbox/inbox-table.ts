import { Component, computed, ElementRef, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NextDeadline, Priority, RequestListItem, ThematicArea } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { StatusBadge } from '../ui/status-badge';

/**
 * The inbox's rows: one line per case on wide screens (a fixed-layout table, long texts cut
 * with their whole text as a tooltip), a stack of cards on phones. The explicit ARIA roles
 * keep it a table for screen readers when CSS changes the display of its parts. The row
 * the keyboard is on is aria-selected; its link holds the focus.
 */
@Component({
  selector: 'app-inbox-table',
  imports: [RouterLink, StatusBadge],
  templateUrl: './inbox-table.html',
  styleUrl: './inbox-table.css',
})
export class InboxTable {
  readonly rows = input.required<readonly RequestListItem[]>();
  readonly busy = input(false);
  /** The subject column's header, also the table's name for screen readers. */
  readonly caption = input.required<string>();
  /** Rows have checkboxes (for bulk changes). */
  readonly selectable = input(false);
  readonly checked = input<ReadonlySet<string>>(new Set());
  /** The row the keyboard is on. */
  readonly activeId = input<string | null>(null);
  readonly toggleChecked = output<string>();
  readonly toggleAll = output();

  protected readonly t = inject(StaffI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly reference = inject(StaffReference);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly allChecked = computed(
    () => this.rows().length > 0 && this.rows().every((row) => this.checked().has(row.id)),
  );
  protected readonly someChecked = computed(
    () => !this.allChecked() && this.rows().some((row) => this.checked().has(row.id)),
  );

  /** Moves the focus to a row's link (the keyboard's j/k), scrolling it into view. */
  focusRow(id: string): void {
    const link = this.host.nativeElement.querySelector<HTMLElement>(`tr[data-id="${id}"] .row-link`);
    link?.focus();
    link?.scrollIntoView({ block: 'nearest' });
  }

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected priorityKey(priority: Priority): StaffTextKey {
    return `requests.priority.${priority}`;
  }

  /** "First answer due in 5 h" / "Resolution overdue since yesterday". */
  protected deadlineText(deadline: NextDeadline): string {
    const time = this.dates.relative(deadline.dueAt);
    const first = deadline.kind === 'first-response';
    if (deadline.state === 'breached')
      return this.t(first ? 'inbox.deadline.firstLate' : 'inbox.deadline.resolutionLate', { time });
    return this.t(first ? 'inbox.deadline.first' : 'inbox.deadline.resolution', { time });
  }
}
