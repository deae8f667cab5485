import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminUserView,
  CreateOrganizationBody,
  OrganizationView,
  Language,
  Page,
  RegionCode,
  Role,
  UpdateOrganizationBody,
  UpdateUserBody,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** POST /auth/invitations; not in the shared library yet. */
export interface InvitationBody {
  email: string;
  name: string;
  role: Role;
  language?: Language;
  organizationId?: string;
  region?: RegionCode;
}

/** The answer of POST /auth/invitations: the person (created if new) and until when the link works. */
export interface InvitationView {
  id: string;
  email: string;
  expiresAt: string;
}

/** The administration routes of the API: organizations and people. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  organization(id: string): Promise<OrganizationView> {
    return firstValueFrom(this.http.get<OrganizationView>(`${API_BASE_URL}/organizations/${encodeURIComponent(id)}`));
  }

  /** Organizations whose name contains `q`, for choosing one in a form. */
  findOrganizations(q: string, pageSize = 50): Promise<Page<OrganizationView>> {
    const params: Record<string, string> = { pageSize: String(pageSize) };
    if (q.trim()) params['q'] = q.trim().slice(0, 100);
    return firstValueFrom(this.http.get<Page<OrganizationView>>(`${API_BASE_URL}/organizations`, { params }));
  }

  createOrganization(body: CreateOrganizationBody): Promise<OrganizationView> {
    return firstValueFrom(this.http.post<OrganizationView>(`${API_BASE_URL}/organizations`, body));
  }

  updateOrganization(id: string, body: UpdateOrganizationBody): Promise<OrganizationView> {
    return firstValueFrom(
      this.http.patch<OrganizationView>(`${API_BASE_URL}/organizations/${encodeURIComponent(id)}`, body),
    );
  }

  user(id: string): Promise<AdminUserView> {
    return firstValueFrom(this.http.get<AdminUserView>(`${API_BASE_URL}/users/${encodeURIComponent(id)}`));
  }

  /**
   * Registers a person and emails it a link to choose its password (valid 7 days); for a
   * registered person who has not chosen one yet, sends a new link. 409 once it has.
   */
  invite(body: InvitationBody): Promise<InvitationView> {
    return firstValueFrom(this.http.post<InvitationView>(`${API_BASE_URL}/auth/invitations`, body));
  }

  /** Changes what `body` names; a `coverage` list replaces the whole coverage. */
  updateUser(id: string, body: UpdateUserBody): Promise<AdminUserView> {
    return firstValueFrom(this.http.patch<AdminUserView>(`${API_BASE_URL}/users/${encodeURIComponent(id)}`, body));
  }

  /** A lost device: turns the person's two-factor sign-in off (audited; the person is told by email). */
  resetTwoFactor(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${API_BASE_URL}/users/${encodeURIComponent(id)}/two-factor/reset`, {}));
  }
}
