import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Page,
  WebhookDeliveryView,
  WebhookEndpointBody,
  WebhookEndpointCreated,
  WebhookEndpointPatch,
  WebhookEndpointView,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';

/** The webhook routes of the API (admins). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);

  list(): Promise<WebhookEndpointView[]> {
    return firstValueFrom(this.http.get<WebhookEndpointView[]>(`${API_BASE_URL}/webhooks`));
  }

  create(body: WebhookEndpointBody): Promise<WebhookEndpointCreated> {
    return firstValueFrom(this.http.post<WebhookEndpointCreated>(`${API_BASE_URL}/webhooks`, body));
  }

  update(id: string, body: WebhookEndpointPatch): Promise<WebhookEndpointView> {
    return firstValueFrom(this.http.patch<WebhookEndpointView>(`${API_BASE_URL}/webhooks/${id}`, body));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API_BASE_URL}/webhooks/${id}`));
  }

  deliveries(id: string): Promise<Page<WebhookDeliveryView>> {
    return firstValueFrom(
      this.http.get<Page<WebhookDeliveryView>>(`${API_BASE_URL}/webhooks/${id}/deliveries?pageSize=50`),
    );
  }

  redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return firstValueFrom(
      this.http.post<WebhookDeliveryView>(`${API_BASE_URL}/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {}),
    );
  }
}
