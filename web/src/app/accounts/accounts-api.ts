import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationBody,
  AdminUserView,
  ChangePasswordBody,
  ForgotPasswordBody,
  InvitationAnswer,
  InvitationBody,
  MyAbsence,
  SetAbsenceAnswer,
  NotificationSettings,
  ReplacementCandidate,
  ResetPasswordBody,
  SetAbsenceBody,
  TokenPair,
  UpdateNotificationSettingsBody,
  UpdateProfileBody,
  UserView,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL, isNetworkError, problemOf, SESSION_CALL } from '../core/api';
import { SessionEndedError } from '../auth/session';
import { type AccountFailure, describeAccountFailure } from './account-failure';

/**
 * The account routes of the API (api/src/accounts): invitations, password
 * resets and an organization's own people. The routes opened from an email link go out
 * without the access token of whoever may be signed in on this device.
 */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);
  private readonly publicCall = () => new HttpContext().set(SESSION_CALL, true);

  /** Chooses the password (and language) of an invited person; answers its first session. */
  acceptInvitation(body: AcceptInvitationBody): Promise<TokenPair> {
    return firstValueFrom(
      this.http.post<TokenPair>(`${API_BASE_URL}/auth/accept-invitation`, body, { context: this.publicCall() }),
    );
  }

  /** Always answers 202, whether or not the address has an account. */
  forgotPassword(body: ForgotPasswordBody): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(`${API_BASE_URL}/auth/forgot-password`, body, { context: this.publicCall() }),
    );
  }

  /** Sets a new password; the API ends every session of the person. */
  resetPassword(body: ResetPasswordBody): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(`${API_BASE_URL}/auth/reset-password`, body, { context: this.publicCall() }),
    );
  }

  /** Admins invite anyone; an organization's contact, members of its own organization. */
  invite(body: InvitationBody): Promise<InvitationAnswer> {
    return firstValueFrom(this.http.post<InvitationAnswer>(`${API_BASE_URL}/auth/invitations`, body));
  }

  /** The people of the caller's organization; 403 unless the caller is its contact. */
  organizationPeople(): Promise<AdminUserView[]> {
    return firstValueFrom(this.http.get<AdminUserView[]>(`${API_BASE_URL}/my-organization/people`));
  }

  deactivateColleague(id: string): Promise<void> {
    return firstValueFrom(
      this.http.post<void>(`${API_BASE_URL}/my-organization/people/${encodeURIComponent(id)}/deactivate`, null),
    );
  }
}

/** The signed-in person's own account (the profile page): carries the access token. */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly http = inject(HttpClient);

  update(body: UpdateProfileBody): Promise<UserView> {
    return firstValueFrom(this.http.patch<UserView>(`${API_BASE_URL}/me`, body));
  }

  /** Answers a new pair for this device; the API ends every other session. */
  changePassword(body: ChangePasswordBody): Promise<TokenPair> {
    return firstValueFrom(this.http.post<TokenPair>(`${API_BASE_URL}/me/password`, body));
  }

  absence(): Promise<MyAbsence> {
    return firstValueFrom(this.http.get<MyAbsence>(`${API_BASE_URL}/me/absence`));
  }

  /** Staff of the caller's regions who may take its new cases. */
  replacements(): Promise<ReplacementCandidate[]> {
    return firstValueFrom(this.http.get<ReplacementCandidate[]>(`${API_BASE_URL}/me/absence/replacements`));
  }

  setAbsence(body: SetAbsenceBody): Promise<SetAbsenceAnswer> {
    return firstValueFrom(this.http.put<SetAbsenceAnswer>(`${API_BASE_URL}/me/absence`, body));
  }

  clearAbsence(): Promise<MyAbsence> {
    return firstValueFrom(this.http.delete<MyAbsence>(`${API_BASE_URL}/me/absence`));
  }

  notificationSettings(): Promise<NotificationSettings> {
    return firstValueFrom(this.http.get<NotificationSettings>(`${API_BASE_URL}/me/notification-settings`));
  }

  saveNotificationSettings(body: UpdateNotificationSettingsBody): Promise<NotificationSettings> {
    return firstValueFrom(this.http.put<NotificationSettings>(`${API_BASE_URL}/me/notification-settings`, body));
  }
}

/** Any error of the calls above, read for the pages. */
export function accountFailureOf(error: unknown): AccountFailure {
  if (error instanceof SessionEndedError) return describeAccountFailure(401, null, true);
  if (isNetworkError(error)) return describeAccountFailure(0, null);
  const problem = problemOf(error);
  const status = (error as { status?: unknown } | null)?.status;
  return describeAccountFailure(typeof status === 'number' ? status : 500, problem);
}
