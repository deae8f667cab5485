import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AssigneeCandidate,
  BulkRequestsBody,
  BulkResult,
  CursorPage,
  RequestListItem,
  SavedView,
  SaveViewBody,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** The inbox's own calls: bulk changes, saved views, the people a case may go to, a view's count. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  bulk(body: BulkRequestsBody): Promise<BulkResult> {
    return firstValueFrom(this.http.post<BulkResult>(`${API_BASE_URL}/requests/bulk`, body));
  }

  assignees(requestId: string): Promise<AssigneeCandidate[]> {
    return firstValueFrom(this.http.get<AssigneeCandidate[]>(`${API_BASE_URL}/requests/${requestId}/assignees`));
  }

  views(): Promise<SavedView[]> {
    return firstValueFrom(this.http.get<SavedView[]>(`${API_BASE_URL}/me/views`));
  }

  saveView(body: SaveViewBody): Promise<SavedView> {
    return firstValueFrom(this.http.post<SavedView>(`${API_BASE_URL}/me/views`, body));
  }

  deleteView(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API_BASE_URL}/me/views/${id}`));
  }

  /** How many requests a list holds: one row asked for, the bounded total read (cheap on any list). */
  async count(params: Record<string, string>): Promise<{ total: number; exact: boolean }> {
    const page = await firstValueFrom(
      this.http.get<CursorPage<RequestListItem>>(`${API_BASE_URL}/requests`, {
        params: { ...params, page: '1', pageSize: '1' },
      }),
    );
    return { total: page.total, exact: page.totalIsExact !== false };
  }
}
