import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page } from '@portal/shared';
import { map, type Observable } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import type { NotificationGroup, NotificationItem } from './notification';

/** The caller's own notifications (GET /notifications, unread first; grouped by request for the bell) and marking them read. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** How many are unread: the total of a one-item page of the unread ones. */
  unreadCount(): Observable<number> {
    return this.http
      .get<Page<NotificationItem>>(`${API_BASE_URL}/notifications`, { params: { unread: 'true', pageSize: '1' } })
      .pipe(map((page) => page.total));
  }

  list(page: number, pageSize: number): Observable<Page<NotificationItem>> {
    return this.http.get<Page<NotificationItem>>(`${API_BASE_URL}/notifications`, {
      params: { page: String(page), pageSize: String(pageSize) },
    });
  }

  /** The notifications grouped by request, groups with unread ones first (the bell). */
  groups(page: number, pageSize: number): Observable<Page<NotificationGroup>> {
    return this.http.get<Page<NotificationGroup>>(`${API_BASE_URL}/notifications/by-request`, {
      params: { page: String(page), pageSize: String(pageSize) },
    });
  }

  /** Every notification about the request, read. */
  markRequestRead(requestId: string): Observable<void> {
    return this.http.post<void>(`${API_BASE_URL}/notifications/by-request/${encodeURIComponent(requestId)}/read`, null);
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${API_BASE_URL}/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${API_BASE_URL}/notifications/read-all`, null);
  }
}
