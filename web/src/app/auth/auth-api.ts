import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginBody, RefreshBody, TokenPair, UserView } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL, SESSION_CALL } from '../core/api';

/** The auth routes of the API. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly sessionCall = () => new HttpContext().set(SESSION_CALL, true);

  login(body: LoginBody): Promise<TokenPair> {
    return firstValueFrom(
      this.http.post<TokenPair>(`${API_BASE_URL}/auth/login`, body, { context: this.sessionCall() }),
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
