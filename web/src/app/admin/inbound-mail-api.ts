import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InboundMailOutcome, InboundMailView, Page } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** GET /inbound-mail: what the portal made of the mails its mailbox received (admins). */
@Injectable({ providedIn: 'root' })
export class InboundMailApi {
  private readonly http = inject(HttpClient);

  list(outcome: InboundMailOutcome | null, page: number): Promise<Page<InboundMailView>> {
    const params: Record<string, string> = { page: String(page), pageSize: '50' };
    if (outcome) params['outcome'] = outcome;
    return firstValueFrom(this.http.get<Page<InboundMailView>>(`${API_BASE_URL}/inbound-mail`, { params }));
  }
}
