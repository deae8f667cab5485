import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SatisfactionLinkDetailsBody, SatisfactionLinkScoreBody, SatisfactionLinkView } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL, SESSION_CALL } from '../core/api';

/**
 * The score links' public routes (api/src/satisfaction). They go out without the access
 * token of whoever may be signed in on this device: the link's token is the credential.
 */
@Injectable({ providedIn: 'root' })
export class SatisfactionApi {
  private readonly http = inject(HttpClient);
  private readonly publicCall = () => new HttpContext().set(SESSION_CALL, true);

  view(token: string): Promise<SatisfactionLinkView> {
    return this.post('view', { token });
  }

  score(body: SatisfactionLinkScoreBody): Promise<SatisfactionLinkView> {
    return this.post('score', body);
  }

  details(body: SatisfactionLinkDetailsBody): Promise<SatisfactionLinkView> {
    return this.post('details', body);
  }

  private post(route: string, body: object): Promise<SatisfactionLinkView> {
    return firstValueFrom(
      this.http.post<SatisfactionLinkView>(`${API_BASE_URL}/satisfaction-links/${route}`, body, {
        context: this.publicCall(),
      }),
    );
  }
}
