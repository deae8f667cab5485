import { HttpErrorResponse, type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject, Injectable, isDevMode, signal } from '@angular/core';
import { NavigationError, NavigationStart, Router } from '@angular/router';
import { tap } from 'rxjs';

import { isApiUrl } from '../core/api';

/** The service worker's cache of API answers (web/scripts/service-worker.js). */
const SAVED_ANSWERS_CACHE = 'portal-api';
/** Headers the service worker sets: when a kept answer was saved; that nothing was kept. */
const SAVED_AT_HEADER = 'x-portal-saved-at';
const OFFLINE_HEADER = 'x-portal-offline';

/**
 * What the page on screen shows while offline: answers saved earlier on this device (and
 * since when), or that this page was never saved here. Reset at each navigation.
 */
@Injectable({ providedIn: 'root' })
export class OfflineState {
  private readonly oldestSavedAt = signal<string | null>(null);
  private readonly missing = signal(false);

  /** When the oldest saved answer on this page was saved (ISO), or null: all fresh. */
  readonly savedAt = this.oldestSavedAt.asReadonly();
  /** The page (its data or its code) was never kept on this device and cannot be shown offline. */
  readonly notSaved = this.missing.asReadonly();

  constructor() {
    inject(Router).events.subscribe((event) => {
      if (event instanceof NavigationStart) this.reset();
      // The page's code was never downloaded and there is no connection to get it now.
      if (event instanceof NavigationError && !navigator.onLine) this.missing.set(true);
    });
    globalThis.addEventListener?.('online', () => this.reset());
  }

  sawSavedAnswer(savedAt: string): void {
    const oldest = this.oldestSavedAt();
    if (!oldest || savedAt < oldest) this.oldestSavedAt.set(savedAt);
  }

  sawNothingSaved(): void {
    this.missing.set(true);
  }

  private reset(): void {
    this.oldestSavedAt.set(null);
    this.missing.set(false);
  }
}

/** Notes the service worker's offline answers for the banner. */
export const offlineInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const state = inject(OfflineState);
  return next(request).pipe(
    tap({
      next: (event) => {
        const savedAt = event instanceof HttpResponse ? event.headers.get(SAVED_AT_HEADER) : null;
        if (savedAt) state.sawSavedAnswer(savedAt);
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.headers?.get(OFFLINE_HEADER)) state.sawNothingSaved();
      },
    }),
  );
};

/**
 * Installs the service worker once the first page has loaded, so its downloads (the whole
 * app, for offline use) never compete with the first page on a slow connection.
 */
export function registerServiceWorker(): void {
  const container = globalThis.navigator?.serviceWorker;
  if (!container || isDevMode()) return;
  const register = () => void container.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else globalThis.addEventListener('load', register, { once: true });
}

/** Deletes every API answer kept on this device: on a shared phone, the next person sees none. */
export function forgetSavedAnswers(): Promise<boolean> {
  return globalThis.caches?.delete(SAVED_ANSWERS_CACHE).catch(() => false) ?? Promise.resolve(false);
}
