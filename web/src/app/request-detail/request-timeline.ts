import { Component, inject, input } from '@angular/core';
import type { MessageView, RequestStatus, Role, TimelineEntry, TimelineEvent } from '@portal/shared';
import { ORGANIZATION_ROLE, PRIORITIES, REQUEST_STATUSES, ROLES } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { RequestsI18n, type RequestsTextKey } from '../requests/i18n/requests-texts';
import { ThematicAreas } from '../requests/thematic-areas';
import { statusLabelKey } from '../ui/status-badge';
import { AttachmentLink } from './attachment-link';
import { LockIcon } from './lock-icon';

/**
 * What happened to a request, oldest first: messages (internal notes unmistakably marked)
 * and events told as short sentences in the reader's language.
 */
@Component({
  selector: 'app-request-timeline',
  imports: [AttachmentLink, LockIcon],
  template: `
    <ol class="timeline">
      @for (entry of entries(); track entry.id) {
        @if (entry.type === 'message') {
          <li
            class="message"
            [class.internal]="entry.internal"
            [class.from-staff]="fromStaff(entry)"
            data-testid="timeline-entry"
            [attr.data-internal]="entry.internal ? 'true' : null"
          >
            @if (entry.internal) {
              <p class="internal-label"><app-lock-icon />{{ t('request.timeline.internalNote') }}</p>
            }
            <p class="byline">
              <span class="author">{{ entry.author.name }}</span>
              <span class="role">{{ roleLabel(entry) }}</span>
              <time [attr.datetime]="entry.createdAt" [title]="dates.dateTime(entry.createdAt)">{{
                dates.relative(entry.createdAt)
              }}</time>
            </p>
            <div class="body">{{ entry.body }}</div>
            @if (entry.attachments.length > 0) {
              <ul class="files" [attr.aria-label]="t('request.files.heading')">
                @for (attachment of entry.attachments; track attachment.id) {
                  <li><app-attachment-link [attachment]="attachment" /></li>
                }
              </ul>
            }
          </li>
        } @else {
          <li class="event" [attr.data-event]="entry.event" data-testid="timeline-entry">
            <span class="dot" aria-hidden="true"></span>
            <p>
              {{ sentence(entry) }}
              <time [attr.datetime]="entry.createdAt" [title]="dates.dateTime(entry.createdAt)">{{
                dates.relative(entry.createdAt)
              }}</time>
            </p>
            @if (entry.reason && showReason(entry)) {
              <!-- Routing's reasons are written by the API in English (WCAG 3.1.2, language of parts). -->
              <!-- The routing event's line comes in the reader's language (the API phrases it). -->
              <p class="reason">{{ entry.reason }}</p>
            }
          </li>
        }
      }
    </ol>
  `,
  styleUrl: './request-timeline.css',
})
export class RequestTimeline {
  readonly entries = input.required<readonly TimelineEntry[]>();
  /** Staff also read the routing's and reassignments' reasons. */
  readonly viewerIsStaff = input(false);

  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  private readonly areas = inject(ThematicAreas);

  /** Anyone but an organization's people writes as staff. */
  protected fromStaff(message: MessageView): boolean {
    return message.author.role !== ORGANIZATION_ROLE;
  }

  protected roleLabel(message: MessageView): string {
    const role = message.author.role as Role;
    return (ROLES as readonly string[]).includes(role) ? this.t(`role.${role}`) : message.author.role;
  }

  protected showReason(event: TimelineEvent): boolean {
    // Why routing chose someone (and workloads) is the staff's business; status reasons are for everyone.
    return this.viewerIsStaff() || !['routed', 'assigned', 'escalated'].includes(event.event);
  }

  protected sentence(event: TimelineEvent): string {
    const actor = event.actor?.name ?? this.t('request.timeline.system');
    const params = { actor, from: this.value(event, event.from), to: this.value(event, event.to) };
    return this.t(eventKey(event), params);
  }

  /** A status, priority or area code in words; names stay as they are. */
  private value(event: TimelineEvent, value: string | null): string {
    if (value === null) return '';
    if (event.event === 'status_changed' && (REQUEST_STATUSES as readonly string[]).includes(value)) {
      return this.t(statusLabelKey(value as RequestStatus, !this.viewerIsStaff()));
    }
    if (event.event === 'priority_changed' && (PRIORITIES as readonly string[]).includes(value)) {
      return this.t(`requests.priority.${value as (typeof PRIORITIES)[number]}`);
    }
    if (event.event === 'area_changed') return this.areas.name(value);
    return value;
  }
}

function eventKey(event: TimelineEvent): RequestsTextKey {
  switch (event.event) {
    case 'created':
      return 'request.event.created';
    case 'routed':
      return event.to ? 'request.event.routed' : 'request.event.routedNobody';
    case 'assigned':
      return event.from ? 'request.event.reassigned' : 'request.event.assigned';
    case 'status_changed':
      if (event.to === 'withdrawn') return 'request.event.withdrawn';
      if (event.to === 'closed' && !event.actor) return 'request.event.autoClosed';
      if ((event.from === 'resolved' || event.from === 'closed') && event.to === 'in_progress')
        return 'request.event.reopened';
      return event.actor ? 'request.event.statusChanged' : 'request.event.statusChangedBySystem';
    case 'escalated':
      return 'request.event.escalated';
    case 'priority_changed':
      return 'request.event.priorityChanged';
    case 'area_changed':
      return 'request.event.areaChanged';
    case 'rated':
      return 'request.event.rated';
    case 'sla_warning':
      return event.to === 'resolution' ? 'request.event.slaWarningResolution' : 'request.event.slaWarningFirstResponse';
    case 'sla_breached':
      return event.to === 'resolution'
        ? 'request.event.slaBreachedResolution'
        : 'request.event.slaBreachedFirstResponse';
    default:
      return 'request.event.other';
  }
}
