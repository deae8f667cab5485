import {
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { LIMITS } from '@portal/shared';

import { Session } from '../auth/session';
import { problemOf } from '../core/api';
import { randomUuid } from '../core/uuid';
import { isTransient, readProblem } from '../core/problem-text';
import { RequestsI18n } from '../requests/i18n/requests-texts';
import { FilePicker } from '../requests/file-picker';
import { clearReplyDraft, readReplyDraft, saveReplyDraft } from '../requests/request-draft';
import { RequestsApi } from '../requests/requests-api';
import { type UploadItem, uploadWithProgress, waitingUpload } from '../requests/uploads';
import { UploadList } from '../requests/upload-list';
import { CannedAnswerPicker } from './canned-answer-picker';
import { LockIcon } from './lock-icon';
import { PendingReplies } from './pending-replies';

/** How long typing must pause before the reply's draft is written to the device. */
const DRAFT_DEBOUNCE_MS = 600;

/**
 * Writing on a request: a public reply, or (staff) an internal note. The two look
 * unmistakably different, so nobody sends to the member what was meant for colleagues.
 * Files are uploaded after the message exists, attached to it.
 */
@Component({
  selector: 'app-reply-composer',
  imports: [FilePicker, UploadList, LockIcon, CannedAnswerPicker],
  templateUrl: './reply-composer.html',
  styleUrl: './reply-composer.css',
})
export class ReplyComposer {
  readonly requestId = input.required<string>();
  /** Staff choose between a public reply and an internal note. */
  readonly staff = input(false);
  /** Offer the canned answers of the request's area (public replies only). */
  readonly cannedAnswers = input(false);
  /** The request's version the message is written on (staff): sent along, so a colleague's change meanwhile is not missed. */
  readonly version = input<number | null>(null);
  /** The message was sent (and its files uploaded or refused). */
  readonly sent = output<{ internal: boolean; failedFiles: number }>();
  /** Typing: when (ms), or null once the box is empty — for "… is writing". */
  readonly drafted = output<number | null>();
  /** The person asks to see the change that made the message stale (the draft stays). */
  readonly reloadAsked = output<void>();

  private readonly api = inject(RequestsApi);
  private readonly pendingReplies = inject(PendingReplies);
  /** This request's replies written offline, waiting for a connection (they survive a reload). */
  protected readonly queued = this.pendingReplies.of(() => this.requestId());
  protected readonly t = inject(RequestsI18n).t;
  protected readonly maxLength = LIMITS.descriptionMax;

  protected readonly body = signal('');
  protected readonly internal = signal(false);
  protected readonly files = signal<File[]>([]);
  protected readonly sending = signal(false);
  protected readonly uploads = signal<UploadItem[]>([]);
  protected readonly error = signal('');
  protected readonly bodyError = signal('');
  /** Someone changed the case while this was written: who (null: not a person), until reloaded. */
  protected readonly staleBy = signal<{ name: string | null } | null>(null);
  protected readonly canSend = computed(() => this.body().trim().length > 0 && !this.sending());
  private readonly picker = viewChild(FilePicker);
  private readonly userId = inject(Session).user()?.id ?? '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // What was written here before a reload (or, in a new tab, the last reply begun) comes back.
    effect(() => {
      const requestId = this.requestId();
      untracked(() => this.body.set(readReplyDraft(this.userId, requestId)));
    });
    inject(DestroyRef).onDestroy(() => this.keepDraft());
    // A queued reply that reached the server: the page shows it in the conversation.
    this.pendingReplies.sent.pipe(takeUntilDestroyed()).subscribe((reply) => {
      if (reply.requestId === this.requestId()) this.sent.emit({ internal: false, failedFiles: 0 });
    });
    void this.pendingReplies.sendWaiting();
  }

  protected discardQueued(localId: string): void {
    this.pendingReplies.discard(localId);
  }

  protected typeBody(event: Event): void {
    this.body.set((event.target as HTMLTextAreaElement).value);
    this.bodyError.set('');
    this.drafted.emit(this.body().trim() ? Date.now() : null);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepDraft(), DRAFT_DEBOUNCE_MS);
  }

  /** Written to the device now (typing paused, the box left, or the page closed). */
  protected keepDraft(): void {
    if (this.draftTimer === undefined) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    saveReplyDraft(this.userId, this.requestId(), this.body());
  }

  protected reloadCase(): void {
    this.staleBy.set(null);
    this.reloadAsked.emit();
    document.getElementById('reply-body')?.focus();
  }

  /**
   * A canned answer goes after what is written, for the staff member to edit; the mode stays as
   * chosen (the picker is only offered for a public reply, so it never lands in a note).
   */
  protected insertCanned(text: string): void {
    const current = this.body().trimEnd();
    this.body.set(current ? `${current}\n\n${text}` : text);
    this.bodyError.set('');
    this.draftTimer ??= setTimeout(() => this.keepDraft(), DRAFT_DEBOUNCE_MS);
    document.getElementById('reply-body')?.focus();
  }

  protected chooseInternal(internal: boolean): void {
    this.internal.set(internal);
  }

  protected async sendMessage(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    const body = this.body().trim();
    if (!body) {
      this.bodyError.set(this.t('form.error.bodyRequired'));
      document.getElementById('reply-body')?.focus();
      return;
    }
    const internal = this.staff() && this.internal();
    const files = this.files();
    this.sending.set(true);
    this.error.set('');
    this.staleBy.set(null);
    const version = this.version();
    this.uploads.set(files.map(waitingUpload));
    // A member's reply without files can wait for the connection: its key makes it one message.
    const queueable = !this.staff() && files.length === 0;
    const idempotencyKey = queueable ? randomUuid() : undefined;
    let messageId: string;
    try {
      messageId = (
        await this.api.addMessage(
          this.requestId(),
          {
            body,
            ...(internal ? { internal: true } : {}),
            ...(version !== null ? { version } : {}),
          },
          idempotencyKey,
        )
      ).id;
    } catch (error) {
      const problem = readProblem(error, this.t);
      if (idempotencyKey && problem.network) {
        this.pendingReplies.queue(this.requestId(), body, idempotencyKey);
        // Queued, it is no longer a draft: a reload shows it in the queue, not in the box.
        clearTimeout(this.draftTimer);
        this.draftTimer = undefined;
        clearReplyDraft(this.userId, this.requestId());
        this.body.set('');
        this.drafted.emit(null);
        this.uploads.set([]);
        this.sending.set(false);
        return;
      }
      if (problem.code === 'requests.stale-version') {
        // The draft stays in the box; the page says whose change it missed and offers a reload.
        this.staleBy.set({ name: problemOf(error)?.changedBy ?? null });
        this.uploads.set([]);
        this.sending.set(false);
        return;
      }
      this.error.set(problem.network ? this.t('request.reply.offline') : problem.message);
      if (problem.fields['body']) this.bodyError.set(problem.fields['body']);
      this.uploads.set([]);
      this.sending.set(false);
      return;
    }
    // The message exists: from here on, only its files can fail.
    this.body.set('');
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    clearReplyDraft(this.userId, this.requestId());
    this.drafted.emit(null);
    let failed = 0;
    for (const [index, file] of files.entries()) {
      try {
        await uploadWithProgress(
          this.api,
          this.requestId(),
          file,
          file.name,
          (percent) => this.setUpload(index, { state: 'uploading', percent }),
          messageId,
        );
        this.setUpload(index, { state: 'done', percent: 100 });
      } catch (error) {
        failed += 1;
        const problem = readProblem(error, this.t);
        this.setUpload(index, {
          state: 'failed',
          error: isTransient(error) ? this.t('request.reply.fileNotSent') : problem.message,
        });
      }
    }
    this.files.set([]);
    this.picker()?.clearMessages();
    this.sending.set(false);
    if (failed === 0) this.uploads.set([]);
    this.sent.emit({ internal, failedFiles: failed });
  }

  private setUpload(index: number, change: Partial<UploadItem>): void {
    this.uploads.update((items) => items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  }
}
