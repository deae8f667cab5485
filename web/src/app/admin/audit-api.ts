import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditPage } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { saveBlob } from '../core/save-blob';

/** The filters of the audit trail, as the API takes them (empty ones left out). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

const PAGE = 25;

/** GET /audit-log and its CSV export (admins). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(filters: AuditFilters, before: string | null): Promise<AuditPage> {
    const params = { ...present(filters), limit: String(PAGE), ...(before ? { before } : {}) };
    return firstValueFrom(this.http.get<AuditPage>(`${API_BASE_URL}/audit-log`, { params }));
  }

  async exportCsv(filters: AuditFilters): Promise<void> {
    const csv = await firstValueFrom(
      this.http.get(`${API_BASE_URL}/audit-log/export.csv`, { params: present(filters), responseType: 'blob' }),
    );
    saveBlob(csv, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
  }
}

function present(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => typeof value === 'string' && value.trim()));
}
