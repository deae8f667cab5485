import { HttpErrorResponse } from '@angular/common/http';
import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { isSignInChallenge, type SignInChallenge, type TokenPair, type UserView } from '@portal/shared';

import { BrowserStorage, STORAGE_KEYS } from '../core/browser-storage';
import { I18n } from '../i18n/i18n';
import { forgetSavedAnswers } from '../offline/offline-state';
import { AuthApi } from './auth-api';
import { rememberDevice as storeRememberedDevice, rememberedDevice } from './remembered-device';
import { signInUrlTree } from './return-url';

/** Thrown to callers whose request could not be made because the session has ended. */
export class SessionEndedError extends Error {
  constructor() {
    super('The session has ended; the person must sign in again.');
    this.name = 'SessionEndedError';
  }
}

/** A request is sent with a fresh token first when the current one expires within this margin. */
const EXPIRY_MARGIN_MS = 15_000;
/** The proactive refresh runs this long before expiry (less for short-lived tokens). */
const REFRESH_AHEAD_MS = 60_000;
/** After a proactive refresh failed for want of a network, try again after this delay. */
const RETRY_OFFLINE_MS = 30_000;
/** Serializes refreshes across this browser's tabs, which share one rotating refresh token. */
const REFRESH_LOCK = 'portal.session.refresh';

/**
 * The signed-in person and their tokens (kept in localStorage under `portal.*`).
 *
 * The access token is refreshed without the person noticing: shortly before it expires,
 * before a request when it is about to expire, and after an API call answered 401. All
 * callers share one refresh in flight, and tabs take turns through a Web Lock: the refresh
 * token rotates, and presenting a used one would revoke the whole session.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly storage = inject(BrowserStorage);
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly document = inject(DOCUMENT);

  private readonly currentUser = signal<UserView | null>(null);
  private readonly endedOnItsOwn = signal(false);
  private refreshInFlight: Promise<string> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** The signed-in person, or null. */
  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  /** True after the session ended by itself (refresh refused), for the sign-in page to say so. */
  readonly endedUnexpectedly = this.endedOnItsOwn.asReadonly();

  constructor() {
    if (this.storage.read(STORAGE_KEYS.refreshToken)) this.showUser(this.readStoredUser());
    this.followOtherTabs();
    // Timers sleep in background tabs and on locked phones: catch up when the page is back.
    this.document.addEventListener('visibilitychange', () => {
      if (this.document.visibilityState === 'visible') this.refreshIfExpiringSoon();
    });
    this.document.defaultView?.addEventListener('online', () => this.refreshIfExpiringSoon());
  }

  /**
   * At start-up: picks up a stored session and checks it with the server in the background.
   * Waits only when there is no stored person to show yet.
   */
  async restore(): Promise<void> {
    if (!this.storage.read(STORAGE_KEYS.refreshToken)) {
      this.forgetSession();
      return;
    }
    this.scheduleProactiveRefresh();
    const reload = this.reloadUser();
    if (!this.currentUser()) await reload;
  }

  /**
   * The password step: the person signed in, or (two-factor) the challenge of the code step.
   * A device remembered for this email skips the code step while its token is valid.
   */
  async signIn(email: string, password: string): Promise<UserView | SignInChallenge> {
    const deviceToken = rememberedDevice(email) ?? undefined;
    const answer = await this.api.login({ email, password, ...(deviceToken ? { deviceToken } : {}) });
    if (isSignInChallenge(answer)) return answer;
    return this.enter(answer);
  }

  /** The code step: a code from the app or a recovery code; remembers this device when asked. */
  async verifyTwoFactor(
    email: string,
    challengeToken: string,
    code: string,
    rememberDevice: boolean,
  ): Promise<UserView> {
    const session = await this.api.verifyTwoFactor({ challengeToken, code, rememberDevice });
    if (session.deviceToken) storeRememberedDevice(email, session.deviceToken);
    return this.enter(session);
  }

  /** Enters a session the sign-in steps handed out. */
  async enter(pair: TokenPair): Promise<UserView> {
    this.startSession(pair);
    // The account's language, when it is another, is downloaded before the next page shows.
    await this.i18n.ready().catch(() => undefined);
    return pair.user;
  }

  /**
   * Signs in with tokens the API handed out for another reason (an accepted invitation).
   * Replaces any other session of this device, which is ended on the server too: on a
   * phone shared by a cooperative, the previous person is not left signed in underneath.
   */
  adoptSession(pair: TokenPair): UserView {
    const previous = this.storage.read(STORAGE_KEYS.refreshToken);
    this.startSession(pair);
    if (previous && previous !== pair.refreshToken) this.api.logout({ refreshToken: previous }).catch(() => undefined);
    return pair.user;
  }

  /** The person changed its own account (the profile): shown at once, in its language too. */
  updateUser(user: UserView): void {
    this.storeUser(user);
  }

  /** Ends the session here at once; tells the server without making the person wait for it. */
  signOut(): void {
    const refreshToken = this.storage.read(STORAGE_KEYS.refreshToken);
    this.forgetSession();
    this.endedOnItsOwn.set(false);
    void this.router.navigateByUrl('/login');
    if (refreshToken) this.api.logout({ refreshToken }).catch(() => undefined);
  }

  /**
   * The access token to send with an API call: refreshed first when about to expire.
   * Null when signed out. Rejects with SessionEndedError when the server refused to refresh.
   */
  async accessTokenForRequest(): Promise<string | null> {
    const token = this.storage.read(STORAGE_KEYS.accessToken);
    if (!token || this.msUntilExpiry() > EXPIRY_MARGIN_MS) return token;
    try {
      return await this.refreshAccessToken(token);
    } catch (error) {
      if (error instanceof SessionEndedError) throw error;
      return token; // Offline or server trouble: let the call itself fail and say so.
    }
  }

  /**
   * A new access token in place of `rejectedToken`. Concurrent callers share one refresh;
   * when another call or tab already replaced the token, that one is returned without a new
   * refresh. Rejects with SessionEndedError (after ending the session and going to the
   * sign-in page) when the server refuses, or with the HTTP error when it could not answer.
   */
  refreshAccessToken(rejectedToken: string): Promise<string> {
    this.refreshInFlight ??= this.underRefreshLock(() => this.rotateTokens(rejectedToken)).finally(() => {
      this.refreshInFlight = null;
    });
    return this.refreshInFlight;
  }

  /** The server no longer accepts this session: forget it and ask the person to sign in. */
  endExpiredSession(): void {
    if (!this.currentUser() && !this.storage.read(STORAGE_KEYS.refreshToken)) return;
    const returnUrl = this.currentUrl();
    this.forgetSession();
    this.endedOnItsOwn.set(true);
    void this.router.navigateByUrl(signInUrlTree(this.router, returnUrl));
  }

  private async rotateTokens(rejectedToken: string): Promise<string> {
    const adopted = this.tokenReplacedElsewhere(rejectedToken);
    if (adopted) return adopted;
    const refreshToken = this.storage.read(STORAGE_KEYS.refreshToken);
    if (!refreshToken) {
      this.endExpiredSession();
      throw new SessionEndedError();
    }
    try {
      const pair = await this.api.refresh({ refreshToken });
      this.startSession(pair);
      return pair.accessToken;
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status === 0 || error.status >= 500 || error.status === 429) {
        throw error;
      }
      // Without Web Locks another tab may have rotated the token meanwhile: use its result.
      const rotatedElsewhere = this.tokenReplacedElsewhere(rejectedToken);
      if (rotatedElsewhere) return rotatedElsewhere;
      this.endExpiredSession();
      throw new SessionEndedError();
    }
  }

  /** The stored access token if it is not `rejectedToken` and still valid. */
  private tokenReplacedElsewhere(rejectedToken: string): string | null {
    const stored = this.storage.read(STORAGE_KEYS.accessToken);
    return stored && stored !== rejectedToken && this.msUntilExpiry() > 2_000 ? stored : null;
  }

  private underRefreshLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = this.document.defaultView?.navigator.locks;
    return locks ? locks.request(REFRESH_LOCK, work) : work();
  }

  private startSession(pair: TokenPair): void {
    this.storage.write(STORAGE_KEYS.accessToken, pair.accessToken);
    this.storage.write(STORAGE_KEYS.accessTokenExpiresAt, String(Date.now() + pair.expiresIn * 1000));
    this.storage.write(STORAGE_KEYS.refreshToken, pair.refreshToken);
    this.storeUser(pair.user);
    this.endedOnItsOwn.set(false);
    this.scheduleProactiveRefresh();
  }

  private async reloadUser(): Promise<void> {
    try {
      this.storeUser(await this.api.me());
    } catch {
      // Offline: keep showing the stored person. Session ended: already handled.
    }
  }

  private storeUser(user: UserView): void {
    this.storage.write(STORAGE_KEYS.user, JSON.stringify(user));
    this.showUser(user);
  }

  private showUser(user: UserView | null): void {
    this.currentUser.set(user);
    this.i18n.useAccountLanguage(user?.language ?? null);
  }

  private forgetSession(): void {
    clearTimeout(this.refreshTimer);
    for (const key of [
      STORAGE_KEYS.accessToken,
      STORAGE_KEYS.accessTokenExpiresAt,
      STORAGE_KEYS.refreshToken,
      STORAGE_KEYS.user,
    ]) {
      this.storage.remove(key);
    }
    // The API answers kept for offline use are this person's: gone with the session.
    void forgetSavedAnswers();
    this.showUser(null);
  }

  private scheduleProactiveRefresh(delayMs?: number): void {
    clearTimeout(this.refreshTimer);
    const remaining = this.msUntilExpiry();
    if (!Number.isFinite(remaining)) return;
    const delay = delayMs ?? Math.max(0, remaining - Math.min(REFRESH_AHEAD_MS, remaining / 5));
    this.refreshTimer = setTimeout(() => this.refreshProactively(), delay);
  }

  private refreshProactively(): void {
    const token = this.storage.read(STORAGE_KEYS.accessToken);
    if (!token) return;
    this.refreshAccessToken(token).catch((error: unknown) => {
      if (!(error instanceof SessionEndedError)) this.scheduleProactiveRefresh(RETRY_OFFLINE_MS);
    });
  }

  private refreshIfExpiringSoon(): void {
    if (this.storage.read(STORAGE_KEYS.refreshToken) && this.msUntilExpiry() <= REFRESH_AHEAD_MS)
      this.refreshProactively();
  }

  /** Milliseconds until the stored access token expires; Infinity when none is stored. */
  private msUntilExpiry(): number {
    const expiresAt = Number(this.storage.read(STORAGE_KEYS.accessTokenExpiresAt));
    return this.storage.read(STORAGE_KEYS.accessToken) && expiresAt > 0
      ? expiresAt - Date.now()
      : Number.POSITIVE_INFINITY;
  }

  /** Another tab signed in, refreshed or signed out: follow it. */
  private followOtherTabs(): void {
    this.storage.watchOtherTabs(STORAGE_KEYS.refreshToken, (refreshToken) => {
      if (refreshToken) {
        this.scheduleProactiveRefresh();
      } else if (this.currentUser()) {
        this.showUser(null);
        clearTimeout(this.refreshTimer);
        void this.router.navigateByUrl('/login');
      }
    });
    this.storage.watchOtherTabs(STORAGE_KEYS.user, () => {
      const previous = this.currentUser();
      const user = this.storage.read(STORAGE_KEYS.refreshToken) ? this.readStoredUser() : null;
      if (!user) return;
      this.showUser(user);
      // A different person signed in elsewhere: this page may belong to the previous one.
      if (previous?.id !== user.id) void this.router.navigateByUrl('/');
    });
  }

  private readStoredUser(): UserView | null {
    const stored = this.storage.read(STORAGE_KEYS.user);
    if (!stored) return null;
    try {
      const user = JSON.parse(stored) as Partial<UserView> | null;
      return user && typeof user.id === 'string' && typeof user.name === 'string' && typeof user.role === 'string'
        ? (user as UserView)
        : null;
    } catch {
      return null;
    }
  }

  /** Where the person is, or is going: the page to come back to after signing in again. */
  private currentUrl(): string {
    const navigation = this.router.currentNavigation();
    if (navigation) return this.router.serializeUrl(navigation.extractedUrl);
    return this.router.navigated ? this.router.url : this.location.path() || '/';
  }
}
