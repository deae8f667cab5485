import { Component, computed, inject, input, output, signal } from '@angular/core';
import {
  type AssigneeCandidate,
  type BulkAction,
  type BulkItemResult,
  isProblemCode,
  type Priority,
  PRIORITIES,
  type ProblemDocument,
  type RequestListItem,
  type RequestStatus,
  type Role,
  TRANSITIONS,
  transitionActor,
} from '@portal/shared';

import { PROBLEM_MESSAGES } from '../core/problem-messages';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem } from '../core/staff-problem';
import { InboxApi } from './inbox-api';

/** Why a case was refused, in the person's words; the problem's own message otherwise. */
const REFUSALS: Readonly<Record<string, StaffTextKey>> = {
  'requests.forbidden': 'inbox.bulk.refused.forbidden',
  'requests.stale-version': 'inbox.bulk.refused.stale',
  'requests.transition-not-allowed': 'inbox.bulk.refused.transition',
  'requests.closed': 'inbox.bulk.refused.closed',
  'requests.already-assigned': 'inbox.bulk.refused.alreadyAssigned',
  'not-found': 'inbox.bulk.refused.notFound',
  'validation.failed': 'inbox.bulk.refused.invalid',
};

interface ShownResult {
  readonly id: string;
  readonly reference: string;
  readonly ok: boolean;
  readonly reason: string;
}

/**
 * Bulk changes on the checked rows: one change (status, priority, assignee) sent once
 * (POST /requests/bulk) with the version of each case as the list showed it; the answer is
 * one result per case, changed or refused with why, listed here.
 */
@Component({
  selector: 'app-inbox-bulk-bar',
  templateUrl: './inbox-bulk-bar.html',
  styleUrl: './inbox-bulk-bar.css',
})
export class InboxBulkBar {
  readonly selected = input.required<readonly RequestListItem[]>();
  readonly role = input.required<Role>();
  readonly userId = input.required<string>();
  /** After a call: the ids that changed (the list reloads; they are unchecked). */
  readonly applied = output<readonly string[]>();
  readonly cleared = output();

  private readonly api = inject(InboxApi);
  private readonly i18n = inject(StaffI18n);
  protected readonly t = this.i18n.t;

  protected readonly action = signal<BulkAction>('status');
  protected readonly value = signal('');
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly results = signal<readonly ShownResult[]>([]);
  protected readonly people = signal<readonly AssigneeCandidate[]>([]);
  protected readonly priorities = PRIORITIES;

  /** The statuses staff move cases to (the lifecycle's staff transitions), each once. */
  protected readonly statuses = computed<readonly RequestStatus[]>(() => {
    const actor = transitionActor(this.role());
    return [...new Set(TRANSITIONS.filter((t) => t.by === actor).map((t) => t.to))];
  });

  protected readonly summary = computed(() => {
    const results = this.results();
    const changed = results.filter((r) => r.ok).length;
    return this.t('inbox.bulk.summary', { changed, refused: results.length - changed });
  });

  protected chooseAction(event: Event): void {
    const action = (event.target as HTMLSelectElement).value as BulkAction;
    this.action.set(action);
    this.value.set('');
    this.error.set('');
    if (action === 'assign') void this.loadPeople();
  }

  protected chooseValue(event: Event): void {
    this.value.set((event.target as HTMLSelectElement).value);
    this.error.set('');
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLInputElement).value);
  }

  protected statusLabel(status: RequestStatus): string {
    return this.t(`requests.status.${status}`);
  }

  protected roleLabel(role: Role): string {
    return this.t(`role.${role}`);
  }

  protected priorityLabel(priority: Priority): string {
    return this.t(`requests.priority.${priority}`);
  }

  /** Whom the first checked case may go to (the others are checked by the API, case by case). */
  private async loadPeople(): Promise<void> {
    const first = this.selected()[0];
    if (!first) return;
    try {
      this.people.set(await this.api.assignees(first.id));
    } catch {
      // Not the caller's to hand on: taking them oneself stays offered.
      this.people.set([]);
    }
  }

  protected async apply(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const value = this.value();
    if (!value) {
      this.error.set(this.t('inbox.bulk.chooseValue'));
      return;
    }
    const rows = this.selected();
    const action = this.action();
    const reason = this.reason().trim();
    this.busy.set(true);
    this.error.set('');
    try {
      const answer = await this.api.bulk({
        action,
        items: rows.map((row) => ({ id: row.id, version: row.version })),
        ...(action === 'status' ? { to: value as RequestStatus } : {}),
        ...(action === 'priority' ? { priority: value as Priority } : {}),
        ...(action === 'assign' ? { assigneeId: value === 'me' ? this.userId() : value } : {}),
        ...(reason && action !== 'priority' ? { reason } : {}),
      });
      const references = new Map(rows.map((row) => [row.id, row.reference]));
      this.results.set(answer.results.map((result) => this.show(result, references.get(result.id) ?? result.id)));
      this.applied.emit(answer.results.filter((r) => r.ok).map((r) => r.id));
    } catch (error) {
      this.error.set(describeStaffProblem(error, this.t).message);
    } finally {
      this.busy.set(false);
    }
  }

  protected clear(): void {
    this.results.set([]);
    this.cleared.emit();
  }

  private show(result: BulkItemResult, reference: string): ShownResult {
    if (result.ok) return { id: result.id, reference, ok: true, reason: '' };
    return { id: result.id, reference, ok: false, reason: this.refusal(result.problem) };
  }

  private refusal(problem: ProblemDocument): string {
    const code = isProblemCode(problem.code) ? problem.code : null;
    if (code && REFUSALS[code]) return this.t(REFUSALS[code]);
    return code ? this.t(PROBLEM_MESSAGES[code]) : this.t('inbox.error.server');
  }
}
