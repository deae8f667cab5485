import { Component, inject, signal } from '@angular/core';
import {
  WEBHOOK_EVENTS,
  type WebhookDeliveryView,
  type WebhookDeliveryStatus,
  type WebhookEndpointCreated,
  type WebhookEndpointView,
  type WebhookEvent,
} from '@portal/shared';

import { StaffI18n, type StaffKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem } from '../core/staff-problem';
import { WebhooksApi } from './webhooks-api';

/**
 * /admin/webhooks: the endpoints other systems receive events at. A new endpoint's signing
 * secret is shown once; each endpoint can be disabled, enabled again (its failures start
 * over) or removed, and its delivery log opened, with a redelivery per delivery.
 */
@Component({
  selector: 'app-webhooks-page',
  templateUrl: './webhooks-page.html',
  styleUrls: ['./sla-admin.css', './webhooks-page.css'],
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  protected readonly t = inject(StaffI18n).t;
  protected readonly allEvents = WEBHOOK_EVENTS;
  protected readonly statusKeys: Record<WebhookDeliveryStatus, StaffKey> = {
    pending: 'admin.webhooks.status.pending',
    delivered: 'admin.webhooks.status.delivered',
    failed: 'admin.webhooks.status.failed',
  };

  protected readonly endpoints = signal<WebhookEndpointView[] | null>(null);
  protected readonly url = signal('');
  protected readonly description = signal('');
  protected readonly events = signal<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly created = signal<WebhookEndpointCreated | null>(null);
  protected readonly open = signal<string | null>(null);
  protected readonly deliveries = signal<WebhookDeliveryView[]>([]);
  protected readonly notice = signal('');

  constructor() {
    void this.load();
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggleEvent(event: WebhookEvent, checked: boolean): void {
    this.events.update((chosen) => (checked ? [...chosen, event] : chosen.filter((e) => e !== event)));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    await this.run(async () => {
      const created = await this.api.create({
        url: this.url().trim(),
        description: this.description().trim() || null,
        events: WEBHOOK_EVENTS.filter((e) => this.events().includes(e)),
      });
      this.created.set(created);
      this.url.set('');
      this.description.set('');
      await this.load();
    });
  }

  protected setEnabled(endpoint: WebhookEndpointView, enabled: boolean): Promise<void> {
    return this.run(async () => {
      await this.api.update(endpoint.id, { enabled });
      this.notice.set(this.t(enabled ? 'admin.webhooks.enabledNotice' : 'admin.webhooks.disabledNotice'));
      await this.load();
    });
  }

  protected remove(endpoint: WebhookEndpointView): Promise<void> {
    return this.run(async () => {
      await this.api.remove(endpoint.id);
      if (this.open() === endpoint.id) this.open.set(null);
      this.notice.set(this.t('admin.webhooks.removedNotice'));
      await this.load();
    });
  }

  protected toggleLog(endpoint: WebhookEndpointView): Promise<void> {
    if (this.open() === endpoint.id) {
      this.open.set(null);
      return Promise.resolve();
    }
    return this.run(async () => {
      this.deliveries.set((await this.api.deliveries(endpoint.id)).items);
      this.open.set(endpoint.id);
    });
  }

  protected redeliver(endpointId: string, delivery: WebhookDeliveryView): Promise<void> {
    return this.run(async () => {
      await this.api.redeliver(endpointId, delivery.id);
      this.deliveries.set((await this.api.deliveries(endpointId)).items);
      this.notice.set(this.t('admin.webhooks.redeliveredNotice'));
    });
  }

  private async load(): Promise<void> {
    try {
      this.endpoints.set(await this.api.list());
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t).message);
    }
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set('');
    try {
      await action();
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t).message);
    } finally {
      this.busy.set(false);
    }
  }
}
