import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page } from '@portal/shared';
import { map, type Observable } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import type { NotificationItem } from './notification';

/** The caller's own notifications (GET /notifications, unread first) and marking them read. */
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

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${API_BASE_URL}/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${API_BASE_URL}/notifications/read-all`, null);
  }
}
