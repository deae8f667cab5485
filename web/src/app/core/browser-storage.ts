import { Injectable } from '@angular/core';

/** Every localStorage key of the portal, in one place so none collides or is forgotten. */
export const STORAGE_KEYS = {
  accessToken: 'portal.accessToken',
  /** Epoch milliseconds, computed on receipt from `expiresIn` so the server's clock does not matter. */
  accessTokenExpiresAt: 'portal.accessTokenExpiresAt',
  refreshToken: 'portal.refreshToken',
  /** The signed-in person, so a reload shows the app at once on a slow connection. */
  user: 'portal.user',
  /** Set only when the person picks a language on this device. */
  language: 'portal.language',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/**
 * localStorage that never throws: storage can be disabled, full, or missing (private modes,
 * locked-down phones), and the portal must still work for the current page.
 */
@Injectable({ providedIn: 'root' })
export class BrowserStorage {
  read(key: StorageKey): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  write(key: StorageKey, value: string): void {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Storage unavailable: the value lives only as long as the page.
    }
  }

  remove(key: StorageKey): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }

  /** Calls `onChange` when another tab of this browser changes `key` (null: removed). */
  watchOtherTabs(key: StorageKey, onChange: (value: string | null) => void): void {
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      // `key === null` means the whole storage was cleared.
      if (event.key === key || event.key === null) onChange(event.key === null ? null : event.newValue);
    });
  }
}
