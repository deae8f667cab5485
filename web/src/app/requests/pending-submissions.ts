import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { can, type CreateRequestBody } from '@portal/shared';
import { Subject } from 'rxjs';

import { Session } from '../auth/session';
import { isTransient, readProblem } from '../core/problem-text';
import { randomUuid } from '../core/uuid';
import { RequestsI18n } from './i18n/requests-texts';
import { LOCAL_KEYS, readJson, removeKey, watchKey, writeJson } from './local-store';
import { OneSender } from './one-sender';
import { RequestsApi } from './requests-api';
import { uploadWithProgress, type UploadItem, waitingUpload } from './uploads';

/** Files are kept on the device (as base64) only up to this many characters in all. */
const STORED_FILES_BUDGET = 4_000_000;
/** Waits between automatic retries while the device says it is online. */
const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
/** How long a request sent while no page listened is still announced by the form page. */
const UNSEEN_OUTCOME_MS = 120_000;
/** Serializes sending across this browser's tabs, so no tab uploads a file twice. */
const SEND_LOCK = 'portal.pendingRequests.send';

/** A file of a submission. */
export interface StoredFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** The content as base64, when it fitted in the device's storage. */
  data: string | null;
  /** Set once the server has stored it. */
  attachmentId: string | null;
  /** Why the server refused it, in words; such a file is not sent again. */
  refused: string | null;
}

/**
 * A request the member submitted, kept on the device until the server has it and its
 * files: it survives a reload, a closed browser and a dropped connection. Its
 * Idempotency-Key is chosen once, so every retry is the same submission to the server.
 */
export interface PendingSubmission {
  readonly localId: string;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly body: CreateRequestBody;
  /** Epoch milliseconds. */
  readonly submittedAt: number;
  files: StoredFile[];
  /** Set once the server has created the request (the files may still be on their way). */
  requestId: string | null;
  reference: string | null;
  /** The server refused the request itself (not a connection problem): shown, not retried. */
  rejection: string | null;
  attempts: number;
}

/** A submission that reached the server with everything it could send. */
export interface SubmissionOutcome {
  readonly localId: string;
  readonly requestId: string;
  readonly reference: string;
  /** Files the server refused or that were lost, with the reason in words. */
  readonly failedFiles: readonly { readonly name: string; readonly reason: string }[];
}

type SendResult = 'sent' | 'later' | 'rejected';

/**
 * Sends the member's submissions, now or as soon as the connection is back: on the
 * `online` event, when the page becomes visible again, on start, and on a back-off timer
 * while the server cannot be reached.
 */
@Injectable({ providedIn: 'root' })
export class PendingSubmissions {
  private readonly api = inject(RequestsApi);
  private readonly session = inject(Session);
  private readonly t = inject(RequestsI18n).t;

  private readonly records = signal<readonly PendingSubmission[]>([]);
  private readonly sendingNow = signal<string | null>(null);
  private readonly uploadItems = signal<Readonly<Record<string, readonly UploadItem[]>>>({});
  private readonly deviceOnline = signal(globalThis.navigator?.onLine ?? true);
  private readonly completedSubject = new Subject<SubmissionOutcome>();
  /** Sent while no page was listening (see takeUnseen): whose, and when (epoch ms). */
  private unseenOutcomes: { outcome: SubmissionOutcome; userId: string; at: number }[] = [];
  /** Files chosen in this page's lifetime, by submission: also those too large to keep. */
  private readonly filesInMemory = new Map<string, readonly File[]>();
  /** Where storage is unavailable, submissions live here for the page's lifetime. */
  private readonly memoryRecords = new Map<string, PendingSubmission[]>();
  private readonly sender = new OneSender(SEND_LOCK, () => this.sendPass());
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryIndex = 0;
  private stopWatching: (() => void) | null = null;

  /** The signed-in member's submissions not yet (fully) sent, oldest first. */
  readonly pending = this.records.asReadonly();
  /** The submission being sent at this moment. */
  readonly sendingId = this.sendingNow.asReadonly();
  /** Upload progress by submission. */
  readonly uploads = this.uploadItems.asReadonly();
  /** What the device says about its connection. */
  readonly online = this.deviceOnline.asReadonly();
  /** Emits each submission that reached the server with its files. */
  readonly completed = this.completedSubject.asObservable();
  /**
   * The oldest submission sent while no page was listening for `completed`, removed: the
   * sender starts with the app, so after a reload it can send a waiting request before the
   * form page's code has even arrived. That page then still tells the member.
   */
  takeUnseen(): SubmissionOutcome | null {
    const userId = this.memberId();
    // Only the signed-in member's, and only fresh news: one sent long ago is in their list.
    this.unseenOutcomes = this.unseenOutcomes.filter(
      (unseen) => unseen.userId === userId && Date.now() - unseen.at < UNSEEN_OUTCOME_MS,
    );
    return this.unseenOutcomes.shift()?.outcome ?? null;
  }

  constructor() {
    const window = globalThis as unknown as Window;
    window.addEventListener('online', () => {
      this.deviceOnline.set(true);
      this.retryIndex = 0;
      void this.sendWaiting();
    });
    window.addEventListener('offline', () => this.deviceOnline.set(false));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.sendWaiting();
    });
    // Read at once, so a page opened after a reload finds its waiting submissions.
    this.refresh();
    // Follow the signed-in person: each one has its own submissions on a shared phone.
    effect(() => {
      const userId = this.memberId();
      untracked(() => {
        this.stopWatching?.();
        this.stopWatching = userId ? watchKey(LOCAL_KEYS.pending(userId), () => this.refresh()) : null;
        this.unseenOutcomes = this.unseenOutcomes.filter((unseen) => unseen.userId === userId);
        this.refresh();
        void this.sendWaiting();
      });
    });
    inject(DestroyRef).onDestroy(() => this.stopWatching?.());
  }

  /**
   * Keeps the submission on this device, then sends it (at once when online). Returns its
   * local id, to follow it. Files are kept on the device only within a size budget.
   */
  async submit(body: CreateRequestBody, files: readonly File[]): Promise<string> {
    const userId = this.memberId();
    if (!userId) throw new Error('Only a signed-in member submits requests.');
    const record: PendingSubmission = {
      localId: randomUuid(),
      userId,
      idempotencyKey: randomUuid(),
      body,
      submittedAt: Date.now(),
      files: await storedFiles(files),
      requestId: null,
      reference: null,
      rejection: null,
      attempts: 0,
    };
    this.filesInMemory.set(record.localId, files);
    if (!this.upsert(record)) {
      // Storage full: keep the request itself, without the files' content.
      for (const file of record.files) file.data = null;
      this.upsert(record);
    }
    this.uploadItems.update((all) => ({ ...all, [record.localId]: files.map(waitingUpload) }));
    void this.sendWaiting();
    return record.localId;
  }

  /** Sends every waiting submission now (when the device is online). */
  async sendWaiting(): Promise<void> {
    const userId = this.memberId();
    if (!userId || !(globalThis.navigator?.onLine ?? true)) return;
    await this.sender.run();
  }

  /** One pass over the waiting submissions, inside the lock. */
  private async sendPass(): Promise<void> {
    const userId = this.memberId();
    if (!userId || !(globalThis.navigator?.onLine ?? true)) return;
    clearTimeout(this.retryTimer);
    try {
      // Read again inside the lock: another tab may have sent some meanwhile.
      for (const record of this.readRecords(userId)) {
        if (record.rejection) continue;
        const result = await this.send(record);
        if (result === 'later') {
          this.scheduleRetry();
          break;
        }
      }
    } finally {
      this.sendingNow.set(null);
      this.refresh();
    }
  }

  /** Whether a file of this submission is kept only in this page (lost if the page closes). */
  isOnlyInMemory(record: PendingSubmission, index: number): boolean {
    const file = record.files[index];
    return !!file && !file.data && !file.attachmentId && !file.refused;
  }

  /** Drops a submission the server refused, giving back its content for the form. */
  discard(localId: string): PendingSubmission | null {
    const userId = this.memberId();
    if (!userId) return null;
    const records = this.readRecords(userId);
    const record = records.find((candidate) => candidate.localId === localId) ?? null;
    this.writeRecords(
      userId,
      records.filter((candidate) => candidate.localId !== localId),
    );
    this.filesInMemory.delete(localId);
    this.refresh();
    return record;
  }

  private async send(record: PendingSubmission): Promise<SendResult> {
    this.sendingNow.set(record.localId);
    if (!record.requestId) {
      try {
        const created = await this.api.create(record.body, record.idempotencyKey);
        record.requestId = created.id;
        record.reference = created.reference;
        this.upsert(record);
      } catch (error) {
        record.attempts += 1;
        if (isTransient(error) || isSessionProblem(error)) {
          this.upsert(record);
          return 'later';
        }
        record.rejection = readProblem(error, this.t).message;
        this.upsert(record);
        return 'rejected';
      }
    }
    const inMemory = this.filesInMemory.get(record.localId) ?? [];
    this.showUploads(record);
    for (const [index, file] of record.files.entries()) {
      if (file.attachmentId || file.refused) continue;
      const content = inMemory[index] ?? (file.data ? decodeBase64(file.data, file.type) : null);
      if (!content) {
        file.refused = this.t('form.pending.fileNotKept');
        this.upsert(record);
        this.showUploads(record);
        continue;
      }
      try {
        const stored = await uploadWithProgress(this.api, record.requestId, content, file.name, (percent) =>
          this.setUploadProgress(record.localId, index, percent),
        );
        file.attachmentId = stored.id;
        file.data = null; // Stored on the server: free the device's space.
      } catch (error) {
        if (isTransient(error) || isSessionProblem(error)) {
          record.attempts += 1;
          this.upsert(record);
          this.showUploads(record);
          return 'later';
        }
        file.refused = readProblem(error, this.t).message;
      }
      this.upsert(record);
      this.showUploads(record);
    }
    this.retryIndex = 0;
    this.discard(record.localId);
    const outcome: SubmissionOutcome = {
      localId: record.localId,
      requestId: record.requestId,
      reference: record.reference ?? '',
      failedFiles: record.files
        .filter((file) => file.refused)
        .map((file) => ({ name: file.name, reason: file.refused ?? '' })),
    };
    if (!this.completedSubject.observed) this.unseenOutcomes.push({ outcome, userId: record.userId, at: Date.now() });
    this.completedSubject.next(outcome);
    return 'sent';
  }

  private showUploads(record: PendingSubmission): void {
    const items: UploadItem[] = record.files.map((file) => ({
      name: file.name,
      size: file.size,
      state: file.attachmentId ? 'done' : file.refused ? 'failed' : 'waiting',
      percent: file.attachmentId ? 100 : 0,
      error: file.refused,
    }));
    this.uploadItems.update((all) => ({ ...all, [record.localId]: items }));
  }

  private setUploadProgress(localId: string, index: number, percent: number): void {
    this.uploadItems.update((all) => {
      const items = [...(all[localId] ?? [])];
      const item = items[index];
      if (item) items[index] = { ...item, state: 'uploading', percent };
      return { ...all, [localId]: items };
    });
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_DELAYS_MS[Math.min(this.retryIndex, RETRY_DELAYS_MS.length - 1)] ?? 60_000;
    this.retryIndex += 1;
    this.retryTimer = setTimeout(() => void this.sendWaiting(), delay);
  }

  private memberId(): string | null {
    const user = this.session.user();
    return user && can(user.role, 'requests.file') ? user.id : null;
  }

  private refresh(): void {
    const userId = this.memberId();
    this.records.set(userId ? this.readRecords(userId) : []);
  }

  private upsert(record: PendingSubmission): boolean {
    const records = this.readRecords(record.userId);
    const index = records.findIndex((candidate) => candidate.localId === record.localId);
    if (index >= 0) records[index] = record;
    else records.push(record);
    const stored = this.writeRecords(record.userId, records);
    this.refresh();
    return stored;
  }

  private readRecords(userId: string): PendingSubmission[] {
    const stored = readJson<PendingSubmission[]>(LOCAL_KEYS.pending(userId));
    if (stored === undefined) return [...(this.memoryRecords.get(userId) ?? [])];
    return Array.isArray(stored) ? stored.filter((record) => record?.userId === userId) : [];
  }

  private writeRecords(userId: string, records: PendingSubmission[]): boolean {
    this.memoryRecords.set(userId, records);
    if (records.length === 0) {
      removeKey(LOCAL_KEYS.pending(userId));
      return true;
    }
    return writeJson(LOCAL_KEYS.pending(userId), records);
  }
}

/** The call waits for a new sign-in or token, not for a fix: worth sending again later. */
export function isSessionProblem(error: unknown): boolean {
  return (
    (error instanceof Error && error.name === 'SessionEndedError') ||
    (error instanceof HttpErrorResponse && error.status === 401)
  );
}

/** The files as stored on the device: content kept in order while it fits the budget. */
async function storedFiles(files: readonly File[]): Promise<StoredFile[]> {
  let budget = STORED_FILES_BUDGET;
  const stored: StoredFile[] = [];
  for (const file of files) {
    const encodedLength = Math.ceil(file.size / 3) * 4;
    let data: string | null = null;
    if (encodedLength <= budget) {
      data = await encodeBase64(file).catch(() => null);
      if (data) budget -= data.length;
    }
    stored.push({
      name: file.name,
      type: file.type || 'application/octet-stream',
      size: file.size,
      data,
      attachmentId: null,
      refused: null,
    });
  }
  return stored;
}

function encodeBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string; // a data: URL, from readAsDataURL
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

function decodeBase64(data: string, type: string): Blob | null {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  } catch {
    return null;
  }
}
