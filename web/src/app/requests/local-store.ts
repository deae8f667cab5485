/**
 * JSON values in localStorage for the member's pages (drafts, submissions waiting for a
 * connection). Never throws: storage can be disabled or full on locked-down phones.
 * Keys are per person, because one phone often serves a whole cooperative.
 */
export const LOCAL_KEYS = {
  draft: (userId: string) => `portal.requestDraft.${userId}`,
  pending: (userId: string) => `portal.pendingRequests.${userId}`,
  replies: (userId: string) => `portal.pendingReplies.${userId}`,
} as const;

/** The stored value; null when nothing is stored; undefined when storage cannot be read. */
export function readJson<T>(key: string): T | null | undefined {
  let text: string | null;
  try {
    text = globalThis.localStorage.getItem(key);
  } catch {
    return undefined;
  }
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** False when the value could not be stored (storage full or disabled). */
export function writeJson(key: string, value: unknown): boolean {
  try {
    globalThis.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string): void {
  try {
    globalThis.localStorage.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}

/** Calls `onChange` when another tab of this browser changes `key`. Returns a function that stops it. */
export function watchKey(key: string, onChange: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === key || event.key === null) onChange();
  };
  globalThis.addEventListener('storage', listener);
  return () => globalThis.removeEventListener('storage', listener);
}
