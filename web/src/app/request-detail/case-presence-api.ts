import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CasePresence, PresenceState } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** PUT/DELETE /requests/{id}/presence: "I have this case open", answered with who else has. */
@Injectable({ providedIn: 'root' })
export class CasePresenceApi {
  private readonly http = inject(HttpClient);

  report(requestId: string, state: PresenceState): Promise<CasePresence> {
    return firstValueFrom(this.http.put<CasePresence>(this.url(requestId), { state }));
  }

  leave(requestId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(this.url(requestId)));
  }

  private url(requestId: string): string {
    return `${API_BASE_URL}/requests/${encodeURIComponent(requestId)}/presence`;
  }
}
