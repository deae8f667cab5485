import { Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import {
  type AssigneeCandidate,
  type CaseAction,
  type Priority,
  PRIORITIES,
  type RequestDetailView,
  type RequestStatus,
  type Role,
  type ThematicArea,
  type UserView,
} from '@portal/shared';

import { mayActOnRequest } from '../core/case-access';
import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { RequestsI18n, type RequestsTextKey } from '../requests/i18n/requests-texts';
import { RequestsApi } from '../requests/requests-api';
import { ThematicAreas } from '../requests/thematic-areas';
import { ModalDialog } from '../ui/modal-dialog';
import type { RequestChange } from './member-actions';

const FINISHED: readonly RequestStatus[] = ['resolved', 'closed', 'withdrawn'];
const SEARCH_DEBOUNCE_MS = 300;

/**
 * What case-working staff can do on a request: the status changes the API allows them
 * now, reassigning (to one of the people the API lists for it, with a note), claiming an
 * unassigned case, escalating, and changing priority or area (optimistically, with the
 * loaded version).
 */
@Component({
  selector: 'app-staff-actions',
  imports: [ModalDialog],
  templateUrl: './staff-actions.html',
  styleUrl: './staff-actions.css',
})
export class StaffActions {
  readonly request = input.required<RequestDetailView>();
  readonly user = input.required<UserView>();
  readonly changed = output<RequestChange>();

  private readonly api = inject(RequestsApi);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly areas = inject(ThematicAreas);
  private readonly dates = inject(LocalDates);
  protected readonly priorities = PRIORITIES;

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly dialog = signal<'transition' | 'reassign' | 'escalate' | null>(null);
  protected readonly transitionTo = signal<RequestStatus | null>(null);
  protected readonly reason = signal('');
  protected readonly dialogError = signal('');
  protected readonly reasonError = signal('');

  protected readonly query = signal('');
  protected readonly people = signal<AssigneeCandidate[]>([]);
  protected readonly searchState = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly chosen = signal<string | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchCount = 0;

  protected readonly priority = signal<Priority>('normal');
  protected readonly area = signal<ThematicArea>('market-access');

  protected readonly finished = computed(() => FINISHED.includes(this.request().status));
  /** The case-permission table (shared/src/case-permissions.ts), as the API applies it. */
  protected may(action: CaseAction): boolean {
    return mayActOnRequest(this.user(), this.request(), action);
  }
  protected readonly editable = computed(
    () => !['closed', 'withdrawn'].includes(this.request().status) && (this.may('priority') || this.may('area')),
  );
  protected readonly detailsChanged = computed(
    () => this.priority() !== this.request().priority || this.area() !== this.request().area,
  );
  protected readonly canReassign = computed(() => !this.finished() && this.may('reassign'));
  protected readonly canEscalate = computed(() => !this.finished() && this.may('escalate'));
  /** Claiming is offered on an unassigned case only (taking over a held one is a reassignment). */
  protected readonly canClaim = computed(
    () => !this.finished() && this.request().assignee === null && this.may('claim'),
  );

  constructor() {
    // The inbox's "e" opens a case with ?action=escalate: the escalation dialog, once, when allowed.
    const action = inject(ActivatedRoute).snapshot.queryParamMap.get('action');
    let escalateAsked = action === 'escalate';
    effect(() => {
      if (escalateAsked && this.canEscalate()) {
        escalateAsked = false;
        untracked(() => this.openEscalate());
      }
    });
    // The selects follow the loaded request (after every reload).
    effect(() => {
      const request = this.request();
      untracked(() => {
        this.priority.set(request.priority);
        this.area.set(request.area);
      });
    });
  }

  protected transitionLabel(to: RequestStatus): string {
    return this.t(transitionKey(this.request().status, to));
  }

  protected priorityLabel(priority: Priority): string {
    return this.t(`requests.priority.${priority}`);
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.reasonError.set('');
  }

  protected choosePriority(event: Event): void {
    this.priority.set((event.target as HTMLSelectElement).value as Priority);
  }

  protected chooseArea(event: Event): void {
    this.area.set((event.target as HTMLSelectElement).value as ThematicArea);
  }

  protected openTransition(to: RequestStatus): void {
    this.transitionTo.set(to);
    this.openDialog('transition');
  }

  protected openReassign(): void {
    this.openDialog('reassign');
    this.chosen.set(null);
    this.query.set('');
    this.people.set([]);
    void this.search('');
  }

  protected async claim(): Promise<void> {
    await this.run(() => this.api.claim(this.request().id), this.t('request.notice.claimed'));
  }

  protected openEscalate(): void {
    this.openDialog('escalate');
  }

  protected closeDialog(): void {
    this.dialog.set(null);
    clearTimeout(this.searchTimer);
  }

  protected dialogHeading(): string {
    switch (this.dialog()) {
      case 'transition':
        return this.transitionLabel(this.transitionTo() ?? 'in_progress');
      case 'reassign':
        return this.t('request.reassign.heading');
      case 'escalate':
        return this.t('request.escalate.heading');
      default:
        return '';
    }
  }

  protected async confirmTransition(event: Event): Promise<void> {
    event.preventDefault();
    const to = this.transitionTo();
    if (!to) return;
    const reason = this.reason().trim();
    await this.run(
      () => this.api.transition(this.request().id, reason ? { to, reason } : { to }),
      this.t('request.notice.statusChanged', { status: this.t(`requests.status.${to}`) }),
    );
  }

  protected async assignChosen(event: Event): Promise<void> {
    event.preventDefault();
    const assigneeId = this.chosen();
    const reason = this.reason().trim();
    if (!assigneeId) this.dialogError.set(this.t('request.reassign.chooseSomeone'));
    if (reason.length < 3) this.reasonError.set(this.t('request.reassign.noteRequired'));
    if (!assigneeId || reason.length < 3) return;
    await this.run(
      () => this.api.assign(this.request().id, { assigneeId, reason }),
      this.t('request.notice.reassigned'),
    );
  }

  protected async confirmEscalation(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason().trim();
    if (reason.length < 3) {
      this.reasonError.set(this.t('form.error.escalateReason'));
      return;
    }
    await this.run(() => this.api.escalate(this.request().id, { reason }), this.t('request.notice.escalated'));
  }

  protected async saveDetails(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.detailsChanged() || this.busy()) return;
    const request = this.request();
    const body = {
      version: request.version,
      ...(this.priority() !== request.priority ? { priority: this.priority() } : {}),
      ...(this.area() !== request.area ? { area: this.area() } : {}),
    };
    this.busy.set(true);
    this.error.set('');
    try {
      await this.api.update(request.id, body);
      this.changed.emit({ notice: this.t('request.notice.detailsSaved') });
    } catch (error) {
      const problem = readProblem(error, this.t);
      this.error.set(problem.message);
      if (problem.status === 409) this.changed.emit({ notice: problem.message, stale: true });
    } finally {
      this.busy.set(false);
    }
  }

  protected searchPeople(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    this.query.set(query);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(query.trim()), SEARCH_DEBOUNCE_MS);
  }

  /** What matched the request: the routing tier of the person's coverage, or why they may take it anyway. */
  /** Available, away (until the last day of the absence) or otherwise not available. */
  protected availabilityLabel(person: AssigneeCandidate): string {
    if (person.awayUntil)
      return this.t('request.reassign.awayUntil', {
        date: this.dates.date(new Date(new Date(person.awayUntil).getTime() - 1).toISOString()),
      });
    return this.t(person.available ? 'request.reassign.available' : 'request.reassign.unavailable');
  }

  protected matchLabel(person: AssigneeCandidate): string {
    if (person.tier !== null) return this.t(`request.reassign.tier${person.tier}`);
    return this.t(person.regionDirector ? 'request.reassign.regionDirector' : 'request.reassign.otherCoverage');
  }

  protected choosePerson(id: string): void {
    this.chosen.set(id);
    this.dialogError.set('');
  }

  protected roleLabel(role: Role): string {
    return this.t(`role.${role}`);
  }

  private openDialog(kind: 'transition' | 'reassign' | 'escalate'): void {
    this.reason.set('');
    this.dialogError.set('');
    this.reasonError.set('');
    this.dialog.set(kind);
  }

  private async search(query: string): Promise<void> {
    const current = ++this.searchCount;
    this.searchState.set('loading');
    try {
      const people = await this.api.assignees(this.request().id, query);
      if (current !== this.searchCount) return;
      this.people.set(people);
      if (!people.some((person) => person.id === this.chosen())) this.chosen.set(null);
      this.searchState.set('loaded');
    } catch {
      if (current === this.searchCount) this.searchState.set('error');
    }
  }

  private async run(action: () => Promise<unknown>, notice: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.dialogError.set('');
    try {
      await action();
      this.dialog.set(null);
      this.changed.emit({ notice });
    } catch (error) {
      const problem = readProblem(error, this.t);
      this.dialogError.set(problem.fields['reason'] ?? problem.fields['assigneeId'] ?? problem.message);
      if (problem.status === 409) {
        this.dialog.set(null);
        this.changed.emit({ notice: problem.message, stale: true });
      }
    } finally {
      this.busy.set(false);
    }
  }
}

/** The button for a status change, worded for where the request is now. */
function transitionKey(from: RequestStatus, to: RequestStatus): RequestsTextKey {
  switch (to) {
    case 'in_progress':
      return from === 'assigned' ? 'request.transition.start' : 'request.transition.resume';
    case 'waiting_on_member':
      return 'request.transition.waitForMember';
    case 'resolved':
      return 'request.transition.resolve';
    case 'closed':
      return 'request.transition.close';
    case 'withdrawn':
      return 'request.transition.withdraw';
    default:
      return 'request.transition.other';
  }
}
