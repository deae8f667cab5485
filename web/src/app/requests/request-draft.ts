import { type Priority, PRIORITIES, THEMATIC_AREAS, type ThematicArea } from '@portal/shared';

import { LOCAL_KEYS, tabDrafts } from './local-store';

/** An unfinished request, kept on this device so closing the browser loses nothing. */
export interface RequestDraft {
  readonly area: ThematicArea | null;
  readonly subject: string;
  readonly description: string;
  readonly priority: Priority;
  /** Epoch milliseconds. */
  readonly savedAt: number;
}

export function readDraft(userId: string): RequestDraft | null {
  const stored = tabDrafts.read<Partial<RequestDraft>>(LOCAL_KEYS.draft(userId));
  if (!stored || typeof stored !== 'object') return null;
  const draft: RequestDraft = {
    area: (THEMATIC_AREAS as readonly unknown[]).includes(stored.area) ? (stored.area as ThematicArea) : null,
    subject: typeof stored.subject === 'string' ? stored.subject : '',
    description: typeof stored.description === 'string' ? stored.description : '',
    priority: (PRIORITIES as readonly unknown[]).includes(stored.priority) ? (stored.priority as Priority) : 'normal',
    savedAt: typeof stored.savedAt === 'number' ? stored.savedAt : Date.now(),
  };
  return isEmptyDraft(draft) ? null : draft;
}

export function saveDraft(userId: string, draft: RequestDraft): boolean {
  if (isEmptyDraft(draft)) {
    tabDrafts.empty(LOCAL_KEYS.draft(userId), draft);
    return true;
  }
  return tabDrafts.write(LOCAL_KEYS.draft(userId), draft);
}

export function clearDraft(userId: string): void {
  tabDrafts.remove(LOCAL_KEYS.draft(userId));
}

/** A reply being written on a request, kept like the request draft (per tab, and for the next start). */
export function readReplyDraft(userId: string, requestId: string): string {
  const stored = tabDrafts.read<unknown>(LOCAL_KEYS.replyDraft(userId, requestId));
  return typeof stored === 'string' ? stored : '';
}

export function saveReplyDraft(userId: string, requestId: string, body: string): void {
  const key = LOCAL_KEYS.replyDraft(userId, requestId);
  if (body.trim()) tabDrafts.write(key, body);
  else tabDrafts.empty(key, '');
}

export function clearReplyDraft(userId: string, requestId: string): void {
  tabDrafts.remove(LOCAL_KEYS.replyDraft(userId, requestId));
}

export function isEmptyDraft(draft: Omit<RequestDraft, 'savedAt'>): boolean {
  return !draft.area && !draft.subject.trim() && !draft.description.trim() && draft.priority === 'normal';
}
