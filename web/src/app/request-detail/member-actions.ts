import { Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { REOPEN_WINDOW_DAYS, type RequestDetailView, type RequestStatus } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { randomUuid } from '../core/uuid';
import { RequestsI18n, type RequestsTextKey } from '../requests/i18n/requests-texts';
import { RequestsApi } from '../requests/requests-api';
import { ModalDialog } from '../ui/modal-dialog';
import { PendingReplies } from './pending-replies';

/** A change the member made, for the page to reload and announce. */
export interface RequestChange {
  readonly notice: string;
  /** The change failed because the request changed meanwhile: reload and say so. */
  readonly stale?: boolean;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * What a member can do with its request, from the `allowedTransitions` the API sent:
 * confirm a resolution and rate the service, reopen, or withdraw.
 */
@Component({
  selector: 'app-member-actions',
  imports: [ModalDialog],
  templateUrl: './member-actions.html',
  styleUrl: './member-actions.css',
})
export class MemberActions {
  readonly request = input.required<RequestDetailView>();
  readonly changed = output<RequestChange>();

  private readonly api = inject(RequestsApi);
  private readonly pending = inject(PendingReplies);
  /** A rating given offline, waiting for a connection (it survives a reload). */
  protected readonly queuedRating = computed(() => this.pending.of(() => this.request().id, true)()[0] ?? null);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly scores = SCORES;

  protected readonly score = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly dialog = signal<'withdrawn' | 'in_progress' | null>(null);
  protected readonly reason = signal('');
  protected readonly dialogError = signal('');

  protected readonly may = (status: RequestStatus) => this.request().allowedTransitions.includes(status);
  protected readonly canRate = computed(() => {
    const request = this.request();
    return (
      !request.satisfaction && !this.queuedRating() && (request.status === 'resolved' || request.status === 'closed')
    );
  });

  constructor() {
    // A queued rating that reached the server: the page reloads and shows it as given.
    this.pending.sent.pipe(takeUntilDestroyed()).subscribe((sent) => {
      if (sent.requestId === this.request().id && sent.score !== undefined)
        this.changed.emit({ notice: this.t('request.notice.rated') });
    });
  }
  /** The last day the member may reopen. */
  protected readonly reopenUntil = computed(() => {
    const resolvedAt = this.request().resolvedAt;
    return resolvedAt ? new Date(new Date(resolvedAt).getTime() + REOPEN_WINDOW_DAYS * 86_400_000).toISOString() : null;
  });
  protected readonly hasAnything = computed(
    () =>
      this.canRate() ||
      this.may('closed') ||
      this.may('in_progress') ||
      this.may('withdrawn') ||
      !!this.request().satisfaction,
  );

  protected scoreLabel(score: number): string {
    return this.t(`request.rating.score${score as 1 | 2 | 3 | 4 | 5}`);
  }

  protected chooseScore(score: number): void {
    this.score.set(score);
    this.error.set('');
  }

  protected typeComment(event: Event): void {
    this.comment.set((event.target as HTMLTextAreaElement).value);
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
  }

  /** Rates (when a score is chosen and none was given yet), then closes the request. */
  protected async confirmResolution(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    try {
      if (this.score() !== null && this.canRate()) await this.sendRating(true);
      await this.api.transition(this.request().id, { to: 'closed' });
      this.changed.emit({ notice: this.t('request.notice.closed') });
    } catch (error) {
      this.fail(error, this.error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async rateOnly(): Promise<void> {
    if (this.busy()) return;
    if (this.score() === null) {
      this.error.set(this.t('form.error.scoreRequired'));
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      await this.sendRating(false);
      this.changed.emit({ notice: this.t('request.notice.rated') });
    } catch (error) {
      // No connection: the rating waits on the phone and goes by itself (one per request).
      if (readProblem(error, this.t).network) {
        this.pending.queue(this.request().id, this.comment().trim(), randomUuid(), this.score() ?? 0);
        return;
      }
      this.fail(error, this.error);
    } finally {
      this.busy.set(false);
    }
  }

  protected openDialog(kind: 'withdrawn' | 'in_progress'): void {
    this.reason.set('');
    this.dialogError.set('');
    this.dialog.set(kind);
  }

  protected closeDialog(): void {
    this.dialog.set(null);
  }

  protected async confirmDialog(event: Event): Promise<void> {
    event.preventDefault();
    const to = this.dialog();
    if (!to || this.busy()) return;
    this.busy.set(true);
    this.dialogError.set('');
    try {
      const reason = this.reason().trim();
      await this.api.transition(this.request().id, reason ? { to, reason } : { to });
      this.dialog.set(null);
      this.changed.emit({
        notice: this.t(to === 'withdrawn' ? 'request.notice.withdrawn' : 'request.notice.reopened'),
      });
    } catch (error) {
      this.fail(error, this.dialogError);
    } finally {
      this.busy.set(false);
    }
  }

  protected dialogHeading(): string {
    const keys: Record<'withdrawn' | 'in_progress', RequestsTextKey> = {
      withdrawn: 'request.withdraw.heading',
      in_progress: 'request.reopen.heading',
    };
    const kind = this.dialog();
    return kind ? this.t(keys[kind]) : '';
  }

  private async sendRating(beforeClosing: boolean): Promise<void> {
    const comment = this.comment().trim();
    try {
      await this.api.rate(
        this.request().id,
        comment ? { score: this.score() ?? 0, comment } : { score: this.score() ?? 0 },
      );
    } catch (error) {
      // Rated meanwhile (another person of the organization): closing may still go ahead.
      if (!(beforeClosing && readProblem(error, this.t).code === 'requests.already-rated')) throw error;
    }
  }

  private fail(error: unknown, target: { set(value: string): void }): void {
    const problem = readProblem(error, this.t);
    target.set(problem.message);
    if (problem.status === 409) {
      this.dialog.set(null);
      this.changed.emit({ notice: problem.message, stale: true });
    }
  }
}
