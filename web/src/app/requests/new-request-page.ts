import { Component, computed, DestroyRef, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, type Priority, PRIORITIES, type ThematicArea } from '@portal/shared';

import { Session } from '../auth/session';
import { LocalDates } from '../core/local-dates';
import { RequestsI18n } from './i18n/requests-texts';
import { endFormVisit, formVisitId } from '../knowledge-base/form-visit';
import { FilePicker } from './file-picker';
import { KbSuggestions } from './kb-suggestions';
import { PendingList } from './pending-list';
import { type PendingSubmission, PendingSubmissions, type SubmissionOutcome } from './pending-submissions';
import { clearDraft, readDraft, saveDraft } from './request-draft';
import { ThematicAreas } from './thematic-areas';
import { UploadList } from './upload-list';

/** How long typing must pause before the draft is written to the device. */
const DRAFT_DEBOUNCE_MS = 600;

type Field = 'area' | 'subject' | 'description' | 'priority';

/** The state of the failed files of a sent request, handed to the request page. */
export interface FailedFilesState {
  readonly failedFiles: SubmissionOutcome['failedFiles'];
}

/** What the confirmation page gets: the reference the API gave, shown even if the request cannot be read again. */
export interface SentState extends FailedFilesState {
  readonly reference: string;
}

/**
 * A member asks the network for support. What it types is kept on the device as a draft;
 * a submission is kept too until the server has it, so a dropped connection or a closed
 * browser loses nothing and a retry never files the request twice.
 */
@Component({
  selector: 'app-new-request-page',
  imports: [FilePicker, UploadList, PendingList, RouterLink, KbSuggestions],
  templateUrl: './new-request-page.html',
  styleUrl: './new-request-page.css',
})
export class NewRequestPage {
  /** From the query string: a refused submission to edit again (?restore=<local id>). */
  readonly restore = input<string | undefined>();

  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly submissions = inject(PendingSubmissions);
  protected readonly areas = inject(ThematicAreas);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(RequestsI18n).t;

  protected readonly priorities = PRIORITIES;
  protected readonly limits = LIMITS;

  protected readonly area = signal<ThematicArea | null>(null);
  protected readonly subject = signal('');
  protected readonly description = signal('');
  protected readonly priority = signal<Priority>('normal');
  protected readonly files = signal<File[]>([]);
  /** This visit of the form, for the articles suggested while the subject is typed. */
  protected readonly visitId = formVisitId();

  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly errorCount = computed(() => Object.keys(this.errors()).length);
  protected readonly draftSavedAt = signal<number | null>(null);
  protected readonly draftRestoredAt = signal<number | null>(null);
  protected readonly submitting = signal(false);
  /** A request sent in the background while the member wrote another one. */
  protected readonly sentMeanwhile = signal<SubmissionOutcome | null>(null);

  /** The submission this page is following (just submitted here, or found waiting on opening). */
  protected readonly following = signal<string | null>(null);
  protected readonly followed = computed<PendingSubmission | null>(
    () => this.submissions.pending().find((record) => record.localId === this.following()) ?? null,
  );
  protected readonly others = computed(() =>
    this.submissions.pending().filter((record) => record.localId !== this.following()),
  );
  protected readonly view = computed<'form' | 'sending' | 'waiting' | 'rejected'>(() => {
    const record = this.followed();
    if (!record) return 'form';
    if (record.rejection) return 'rejected';
    if (!this.submissions.online()) return 'waiting';
    if (this.submissions.sendingId() === record.localId || record.attempts === 0) return 'sending';
    return 'waiting';
  });
  protected readonly followedHasUnkeptFiles = computed(() => {
    const record = this.followed();
    return !!record && record.files.some((_, index) => this.submissions.isOnlyInMemory(record, index));
  });

  private readonly statusPanel = viewChild<ElementRef<HTMLElement>>('statusPanel');
  private readonly errorSummary = viewChild<ElementRef<HTMLElement>>('errorSummary');
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly userId = this.session.user()?.id ?? '';

  constructor() {
    const draft = readDraft(this.userId);
    if (draft) {
      this.area.set(draft.area);
      this.subject.set(draft.subject);
      this.description.set(draft.description);
      this.priority.set(draft.priority);
      this.draftRestoredAt.set(draft.savedAt);
    }
    // Opened again while a submission waits: show it first (it is sent by itself).
    const waiting = this.submissions.pending().find((record) => !record.rejection);
    if (waiting && !draft) this.following.set(waiting.localId);
    // Sent before this page existed (at start-up, while its code was still arriving): say so.
    const sentUnseen = waiting ? null : this.submissions.takeUnseen();
    if (sentUnseen) this.sentMeanwhile.set(sentUnseen);

    const subscription = this.submissions.completed.subscribe((outcome) => this.showSent(outcome));
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => {
      subscription.unsubscribe();
      this.flushDraft();
    });
    queueMicrotask(() => this.restoreRefused());
  }

  protected chooseArea(area: ThematicArea): void {
    this.area.set(area);
    this.clearError('area');
    this.scheduleDraftSave();
  }

  protected typeSubject(event: Event): void {
    this.subject.set((event.target as HTMLInputElement).value);
    this.clearError('subject');
    this.scheduleDraftSave();
  }

  protected typeDescription(event: Event): void {
    this.description.set((event.target as HTMLTextAreaElement).value);
    this.clearError('description');
    this.scheduleDraftSave();
  }

  protected choosePriority(event: Event): void {
    this.priority.set((event.target as HTMLSelectElement).value as Priority);
    this.scheduleDraftSave();
  }

  protected async submitRequest(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    const errors = this.validate();
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) {
      setTimeout(() => this.errorSummary()?.nativeElement.focus());
      return;
    }
    this.submitting.set(true);
    try {
      const localId = await this.submissions.submit(
        {
          area: this.area() as ThematicArea,
          subject: this.subject().trim(),
          description: this.description().trim(),
          priority: this.priority(),
        },
        this.files(),
      );
      // The submission holds the content now; the form starts afresh.
      clearTimeout(this.draftTimer);
      clearDraft(this.userId);
      endFormVisit();
      this.following.set(localId);
      this.resetForm();
      setTimeout(() => this.statusPanel()?.nativeElement.focus());
    } finally {
      this.submitting.set(false);
    }
  }

  /** Leaves the waiting submission to be sent by itself and opens an empty form. */
  protected writeAnother(): void {
    this.following.set(null);
    this.sentMeanwhile.set(null);
  }

  /** A refused submission goes back into the form, to be corrected and sent again. */
  protected editRefused(localId: string): void {
    const record = this.submissions.discard(localId);
    this.following.set(null);
    if (!record) return;
    this.area.set(record.body.area);
    this.subject.set(record.body.subject);
    this.description.set(record.body.description);
    this.priority.set(record.body.priority ?? 'normal');
    this.files.set([]);
    this.scheduleDraftSave();
  }

  protected retryNow(): void {
    void this.submissions.sendWaiting();
  }

  /** From the error summary to the field. */
  protected focusField(event: Event, field: Field): void {
    event.preventDefault();
    const target =
      field === 'area'
        ? (document.querySelector<HTMLInputElement>('input[name="area"]:checked') ??
          document.querySelector<HTMLInputElement>('input[name="area"]'))
        : document.getElementById(`request-${field}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }

  protected fieldError(field: Field): string | null {
    return this.errors()[field] ?? null;
  }

  protected areaHelp(area: ThematicArea): string {
    return this.t(`requests.areaHelp.${area}`);
  }

  protected priorityLabel(priority: Priority): string {
    return this.t(`requests.priority.${priority}`);
  }

  protected toIso(epochMs: number | null): string | null {
    return epochMs === null ? null : new Date(epochMs).toISOString();
  }

  private validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!this.area()) errors.area = this.t('form.error.areaRequired');
    const subject = this.subject().trim();
    if (subject.length < LIMITS.subjectMin || subject.length > LIMITS.subjectMax) {
      errors.subject = this.t('form.error.subject', { min: LIMITS.subjectMin, max: LIMITS.subjectMax });
    }
    const description = this.description().trim();
    if (!description) errors.description = this.t('form.error.descriptionRequired');
    else if (description.length > LIMITS.descriptionMax) {
      errors.description = this.t('form.error.description', { max: LIMITS.descriptionMax });
    }
    return errors;
  }

  private clearError(field: Field): void {
    if (this.errors()[field]) this.errors.update(({ [field]: _removed, ...rest }) => rest);
  }

  private scheduleDraftSave(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), DRAFT_DEBOUNCE_MS);
  }

  private flushDraft(): void {
    if (this.draftTimer === undefined) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const savedAt = Date.now();
    const saved = saveDraft(this.userId, {
      area: this.area(),
      subject: this.subject(),
      description: this.description(),
      priority: this.priority(),
      savedAt,
    });
    if (saved) this.draftSavedAt.set(savedAt);
  }

  private resetForm(): void {
    this.area.set(null);
    this.subject.set('');
    this.description.set('');
    this.priority.set('normal');
    this.files.set([]);
    this.errors.set({});
    this.draftSavedAt.set(null);
    this.draftRestoredAt.set(null);
  }

  private showSent(outcome: SubmissionOutcome): void {
    if (outcome.localId === this.following()) {
      // Online or sent from the queue when the connection came back: the same confirmation.
      const state: SentState = { reference: outcome.reference, failedFiles: outcome.failedFiles };
      void this.router.navigate(['/requests', outcome.requestId, 'sent'], { state });
    } else {
      this.sentMeanwhile.set(outcome);
    }
  }

  private restoreRefused(): void {
    const localId = this.restore();
    if (localId && this.submissions.pending().some((record) => record.localId === localId && record.rejection)) {
      this.editRefused(localId);
    }
  }
}
