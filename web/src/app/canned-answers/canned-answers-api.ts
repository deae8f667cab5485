import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CannedAnswerBody, CannedAnswerView, Language, ThematicArea } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** The canned-answer routes of the API (GET/POST /canned-answers, PATCH/DELETE /canned-answers/{id}). */
@Injectable({ providedIn: 'root' })
export class CannedAnswersApi {
  private readonly http = inject(HttpClient);

  list(filter: { area: ThematicArea | ''; language: Language | '' }): Promise<CannedAnswerView[]> {
    const params: Record<string, string> = {};
    if (filter.area) params['area'] = filter.area;
    if (filter.language) params['language'] = filter.language;
    return firstValueFrom(this.http.get<CannedAnswerView[]>(`${API_BASE_URL}/canned-answers`, { params }));
  }

  create(body: CannedAnswerBody): Promise<CannedAnswerView> {
    return firstValueFrom(this.http.post<CannedAnswerView>(`${API_BASE_URL}/canned-answers`, body));
  }

  update(id: string, body: CannedAnswerBody): Promise<CannedAnswerView> {
    return firstValueFrom(
      this.http.patch<CannedAnswerView>(`${API_BASE_URL}/canned-answers/${encodeURIComponent(id)}`, body),
    );
  }

  delete(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API_BASE_URL}/canned-answers/${encodeURIComponent(id)}`));
  }
}
