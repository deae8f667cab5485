import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { OPEN_STATUSES, type Priority, type RequestView, type ThematicArea } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { StatusBadge } from '../ui/status-badge';

/**
 * The inbox's rows: one table, drawn as a table on wide screens and as a stack of cards on
 * phones. The explicit ARIA roles keep it a table for screen readers when CSS changes the
 * display of its parts. Each row is one link to the request (the subject's link covers it).
 */
@Component({
  selector: 'app-inbox-table',
  imports: [RouterLink, StatusBadge],
  templateUrl: './inbox-table.html',
  styleUrl: './inbox-table.css',
})
export class InboxTable {
  readonly rows = input.required<readonly RequestView[]>();
  readonly busy = input(false);
  /** The first column's header, also the table's name for screen readers. */
  readonly caption = input.required<string>();

  protected readonly t = inject(StaffI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly reference = inject(StaffReference);

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected priorityKey(priority: Priority): StaffTextKey {
    return `requests.priority.${priority}`;
  }

  /** The next deadline of an open request: the first reply until there is one, then the resolution. */
  protected dueAt(request: RequestView): string | null {
    if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) return null;
    return request.firstRespondedAt
      ? request.sla.resolutionDueAt
      : (request.sla.firstResponseDueAt ?? request.sla.resolutionDueAt);
  }
}
