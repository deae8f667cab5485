/**
 * JSON values in localStorage for the member's pages (drafts, submissions waiting for a
 * connection). Never throws: storage can be disabled or full on locked-down phones.
 * Keys are per person, because one phone often serves a whole cooperative.
 */
export const LOCAL_KEYS = {
  draft: (userId: string) => `portal.requestDraft.${userId}`,
  replyDraft: (userId: string, requestId: string) => `portal.replyDraft.${userId}.${requestId}`,
  pending: (userId: string) => `portal.pendingRequests.${userId}`,
  replies: (userId: string) => `portal.pendingReplies.${userId}`,
} as const;

/** The stored value; null when nothing is stored; undefined when storage cannot be read. */
export function readJson<T>(key: string, storage: () => Storage = local): T | null | undefined {
  let text: string | null;
  try {
    text = storage().getItem(key);
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
export function writeJson(key: string, value: unknown, storage: () => Storage = local): boolean {
  try {
    storage().setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string, storage: () => Storage = local): void {
  try {
    storage().removeItem(key);
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

/**
 * Drafts are kept twice: this tab's own copy (sessionStorage: one per tab, kept over a reload)
 * and the last one written in any tab (localStorage: kept when the browser is closed). A tab
 * reads its own copy first, so two tabs never take each other's text; a new tab starts from
 * the last draft. An emptied form is remembered in its tab, so the other tab's draft does not
 * come back into it.
 */
export const tabDrafts = {
  read<T>(key: string): T | null {
    const own = readJson<T>(key, session);
    if (own !== null && own !== undefined) return own;
    return readJson<T>(key) ?? null;
  },
  /** False when it could not be kept for the browser's next start (storage full or disabled). */
  write(key: string, value: unknown): boolean {
    writeJson(key, value, session);
    return writeJson(key, value);
  },
  /** This tab emptied its draft: nothing to restore here, nor in the next new tab. */
  empty(key: string, emptyValue: unknown): void {
    writeJson(key, emptyValue, session);
    removeKey(key);
  },
  /** Sent: gone from this tab and from the browser. */
  remove(key: string): void {
    removeKey(key, session);
    removeKey(key);
  },
};

function local(): Storage {
  return globalThis.localStorage;
}

function session(): Storage {
  return globalThis.sessionStorage;
}
