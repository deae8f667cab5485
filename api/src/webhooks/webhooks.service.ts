import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type Page,
  WEBHOOK_LIMITS,
  type WebhookDeliveryView,
  type WebhookEndpointBody,
  type WebhookEndpointCreated,
  type WebhookEndpointPatch,
  type WebhookEndpointView,
} from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundException, ValidationException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { SecretBox } from '../security/secret-box';
import { newWebhookSecret } from './webhook-signature';
import { refuseTarget } from './webhook-target';
import { WebhookTargetRefusedException } from './webhooks.exceptions';
import { type DeliveryRow, type EndpointRow, WebhooksRepository } from './webhooks.repository';

/** The admins' webhook endpoints: register (the secret shown once), change, remove, the delivery log, redelivery. */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: WebhooksRepository,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(config.secretsEncryptionKey);
  }

  async list(): Promise<WebhookEndpointView[]> {
    return (await this.repository.list(this.dataSource)).map(toEndpointView);
  }

  async create(actor: AuthUser, body: WebhookEndpointBody): Promise<WebhookEndpointCreated> {
    await this.checkTarget(body.url);
    const secret = newWebhookSecret();
    const row = await this.dataSource.transaction(async (db) => {
      if ((await this.repository.count(db)) >= WEBHOOK_LIMITS.endpointsMax)
        throw new ValidationException({ url: [`at most ${WEBHOOK_LIMITS.endpointsMax} endpoints; remove one first`] });
      const created = (await this.repository.insert(db, {
        url: body.url,
        description: body.description || null,
        events: body.events,
        sealedSecret: this.box.seal(secret),
        createdBy: actor.id,
      }))!;
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: created.id,
        changes: { url: created.url, events: created.events, description: created.description },
      });
      return created;
    });
    return { ...toEndpointView(row), secret };
  }

  async update(actor: AuthUser, id: string, body: WebhookEndpointPatch): Promise<WebhookEndpointView> {
    if (body.url !== undefined) await this.checkTarget(body.url);
    const row = await this.dataSource.transaction(async (db) => {
      const before = await this.repository.find(db, id, true);
      if (!before) throw new NotFoundException('webhook');
      const after = (await this.repository.update(db, id, {
        ...body,
        description: body.description === undefined ? undefined : body.description || null,
      }))!;
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'webhook.updated',
        entityType: 'webhook',
        entityId: id,
        changes: { before: auditedFields(before), after: auditedFields(after) },
      });
      return after;
    });
    return toEndpointView(row);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const before = await this.repository.find(db, id, true);
      if (!before || !(await this.repository.delete(db, id))) throw new NotFoundException('webhook');
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'webhook.deleted',
        entityType: 'webhook',
        entityId: id,
        changes: { before: auditedFields(before) },
      });
    });
  }

  async deliveries(id: string, page: { page: number; pageSize: number }): Promise<Page<WebhookDeliveryView>> {
    if (!(await this.repository.find(this.dataSource, id))) throw new NotFoundException('webhook');
    const total = await this.repository.countDeliveries(this.dataSource, id);
    const rows = await this.repository.deliveries(this.dataSource, id, page);
    return { items: rows.map(toDeliveryView), total, page: page.page, pageSize: page.pageSize };
  }

  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const row = await this.repository.redeliver(this.dataSource, id, deliveryId);
    if (!row) throw new NotFoundException('delivery');
    return toDeliveryView(row);
  }

  private async checkTarget(url: string): Promise<void> {
    const reason = await refuseTarget(url, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
    if (reason) throw new WebhookTargetRefusedException(reason);
  }
}

const auditedFields = (row: EndpointRow) => ({
  url: row.url,
  description: row.description,
  events: row.events,
  enabled: row.disabled_at === null,
});

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.disabled_at === null,
    consecutiveFailures: row.consecutive_failures,
    disabledAt: iso(row.disabled_at),
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
  };
}

function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    messageId: row.message_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: iso(row.next_attempt_at),
    deliveredAt: iso(row.delivered_at),
    createdAt: row.created_at.toISOString(),
    payload: row.payload,
  };
}
