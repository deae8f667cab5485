import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  LoginAnswer,
  LoginBody,
  RefreshBody,
  TokenPair,
  TwoFactorEnrolledSession,
  TwoFactorSession,
  TwoFactorSetup,
  TwoFactorVerifyBody,
  UserView,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL, SESSION_CALL } from '../core/api';

/** The auth routes of the API. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly sessionCall = () => new HttpContext().set(SESSION_CALL, true);

  login(body: LoginBody): Promise<LoginAnswer> {
    return firstValueFrom(
      this.http.post<LoginAnswer>(`${API_BASE_URL}/auth/login`, body, { context: this.sessionCall() }),
    );
  }

  /** The code step of a sign-in with two-factor. */
  verifyTwoFactor(body: TwoFactorVerifyBody): Promise<TwoFactorSession> {
    return firstValueFrom(
      this.http.post<TwoFactorSession>(`${API_BASE_URL}/auth/two-factor/verify`, body, { context: this.sessionCall() }),
    );
  }

  /** Staff who must enrol while signing in: a key for the app. */
  setupForSignIn(challengeToken: string): Promise<TwoFactorSetup> {
    return firstValueFrom(
      this.http.post<TwoFactorSetup>(
        `${API_BASE_URL}/auth/two-factor/setup`,
        { challengeToken },
        { context: this.sessionCall() },
      ),
    );
  }

  enableForSignIn(challengeToken: string, code: string): Promise<TwoFactorEnrolledSession> {
    return firstValueFrom(
      this.http.post<TwoFactorEnrolledSession>(
        `${API_BASE_URL}/auth/two-factor/enable`,
        { challengeToken, code },
        { context: this.sessionCall() },
      ),
    );
  }

  refresh(body: RefreshBody): Promise<TokenPair> {
    return firstValueFrom(
      this.http.post<TokenPair>(`${API_BASE_URL}/auth/refresh`, body, { context: this.sessionCall() }),
    );
  }

  logout(body: RefreshBody): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${API_BASE_URL}/auth/logout`, body, { context: this.sessionCall() }));
  }

  /** Goes through the normal path: carries the access token and refreshes it when needed. */
  me(): Promise<UserView> {
    return firstValueFrom(this.http.get<UserView>(`${API_BASE_URL}/me`));
  }
}
