import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { can } from '@portal/shared';
import { Subject } from 'rxjs';

import { Session } from '../auth/session';
import { isTransient, readProblem } from '../core/problem-text';
import { RequestsI18n } from '../requests/i18n/requests-texts';
import { LOCAL_KEYS, readJson, removeKey, watchKey, writeJson } from '../requests/local-store';
import { isSessionProblem } from '../requests/pending-submissions';
import { OneSender } from '../requests/one-sender';
import { RequestsApi } from '../requests/requests-api';

/** While online and the server cannot be reached, try again after this long. */
const RETRY_MS = 15_000;
/** Serializes sending across this browser's tabs, so no tab sends a reply twice at once. */
const SEND_LOCK = 'portal.pendingReplies.send';

/**
 * A member's reply (or rating) written without a connection, kept on the device until the
 * server has it. A reply's Idempotency-Key is chosen before the first try, so however often
 * it is sent (another tab, a lost answer, a reload), the request gets one message; a request
 * takes one rating only, so a rating sent again is answered "already rated" and is done.
 */
export interface PendingReply {
  readonly localId: string;
  readonly userId: string;
  readonly requestId: string;
  /** The reply's text, or the rating's comment. */
  readonly body: string;
  /** Set for a rating (1–5); absent for a reply. */
  readonly score?: number;
  readonly idempotencyKey: string;
  /** Epoch milliseconds. */
  readonly queuedAt: number;
  /** The server refused it (not a connection problem), in words: shown, not retried. */
  rejection: string | null;
}

/**
 * Sends the member's queued replies as soon as the connection is back: on the `online`
 * event, when the page becomes visible again, when a request page opens, and on a timer
 * while the server cannot be reached. Loaded by the request page, or at start-up when
 * something waits (core/resume-pending-requests.ts).
 */
@Injectable({ providedIn: 'root' })
export class PendingReplies {
  private readonly api = inject(RequestsApi);
  private readonly session = inject(Session);
  private readonly t = inject(RequestsI18n).t;
  private readonly records = signal<readonly PendingReply[]>([]);
  private readonly sentSubject = new Subject<PendingReply>();
  private readonly sender = new OneSender(SEND_LOCK, () => this.sendPass());
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopWatching: (() => void) | null = null;

  /** The signed-in member's replies not yet sent, oldest first. */
  readonly pending = this.records.asReadonly();
  /** Emits each reply once the server has it. */
  readonly sent = this.sentSubject.asObservable();

  constructor() {
    globalThis.addEventListener('online', () => void this.sendWaiting());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.sendWaiting();
    });
    effect(() => {
      const userId = this.memberId();
      untracked(() => {
        this.stopWatching?.();
        this.stopWatching = userId ? watchKey(LOCAL_KEYS.replies(userId), () => this.refresh()) : null;
        this.refresh();
        void this.sendWaiting();
      });
    });
  }

  /** The queued replies (or, `ratings`, the queued rating) of one request. */
  of(requestId: () => string, ratings = false) {
    return computed(() =>
      this.records().filter((reply) => reply.requestId === requestId() && (reply.score !== undefined) === ratings),
    );
  }

  /** Keeps a reply that could not be sent (no connection); sent again as soon as possible. */
  queue(requestId: string, body: string, idempotencyKey: string, score?: number): void {
    const userId = this.memberId();
    if (!userId) return;
    const reply: PendingReply = {
      localId: idempotencyKey,
      userId,
      requestId,
      body,
      ...(score !== undefined ? { score } : {}),
      idempotencyKey,
      queuedAt: Date.now(),
      rejection: null,
    };
    this.write(userId, [...this.read(userId), reply]);
    this.scheduleRetry();
  }

  /** Drops a reply the server refused (the member copies its text first if they want it). */
  discard(localId: string): void {
    const userId = this.memberId();
    if (userId)
      this.write(
        userId,
        this.read(userId).filter((reply) => reply.localId !== localId),
      );
  }

  async sendWaiting(): Promise<void> {
    const userId = this.memberId();
    if (!userId || !(globalThis.navigator?.onLine ?? true)) return;
    await this.sender.run();
  }

  /** One pass over the waiting replies and ratings, inside the lock. */
  private async sendPass(): Promise<void> {
    const userId = this.memberId();
    if (!userId || !(globalThis.navigator?.onLine ?? true)) return;
    clearTimeout(this.retryTimer);
    try {
      // Read inside the lock: another tab may have sent some meanwhile.
      for (const reply of this.read(userId)) {
        if (reply.rejection) continue;
        if ((await this.send(userId, reply)) === 'later') {
          this.scheduleRetry();
          break;
        }
      }
    } finally {
      this.refresh();
    }
  }

  private async send(userId: string, reply: PendingReply): Promise<'sent' | 'later' | 'rejected'> {
    try {
      if (reply.score === undefined) {
        await this.api.addMessage(reply.requestId, { body: reply.body }, reply.idempotencyKey);
      } else {
        const comment = reply.body ? { comment: reply.body } : {};
        await this.api.rate(reply.requestId, { score: reply.score, ...comment });
      }
    } catch (error) {
      if (isTransient(error) || isSessionProblem(error)) return 'later';
      // A rating whose first try reached the server (its answer lost): it is there, once.
      if (reply.score !== undefined && readProblem(error, this.t).code === 'requests.already-rated') {
        this.remove(userId, reply);
        return 'sent';
      }
      const rejection = readProblem(error, this.t).message;
      this.write(
        userId,
        this.read(userId).map((other) => (other.localId === reply.localId ? { ...other, rejection } : other)),
      );
      return 'rejected';
    }
    this.remove(userId, reply);
    return 'sent';
  }

  private remove(userId: string, reply: PendingReply): void {
    this.write(
      userId,
      this.read(userId).filter((other) => other.localId !== reply.localId),
    );
    this.sentSubject.next(reply);
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.sendWaiting(), RETRY_MS);
  }

  private memberId(): string | null {
    const user = this.session.user();
    return user && can(user.role, 'requests.file') ? user.id : null;
  }

  private refresh(): void {
    const userId = this.memberId();
    this.records.set(userId ? this.read(userId) : []);
  }

  private read(userId: string): PendingReply[] {
    const stored = readJson<PendingReply[]>(LOCAL_KEYS.replies(userId));
    return Array.isArray(stored) ? stored.filter((reply) => reply?.userId === userId) : [];
  }

  private write(userId: string, replies: PendingReply[]): void {
    if (replies.length === 0) removeKey(LOCAL_KEYS.replies(userId));
    else writeJson(LOCAL_KEYS.replies(userId), replies);
    this.refresh();
  }
}
