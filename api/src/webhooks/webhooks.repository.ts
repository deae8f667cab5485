import { Injectable } from '@nestjs/common';
import { rolesWith, type WebhookEvent } from '@portal/shared';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { UserEntity } from '../users/user.entity';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entities';

export type EndpointRow = RowOf<
  WebhookEndpointEntity,
  'id' | 'url' | 'description' | 'consecutive_failures' | 'disabled_at' | 'created_at'
> & { events: WebhookEvent[]; disabled_reason: 'failures' | 'manual' | null };

export type DeliveryRow = RowOf<
  WebhookDeliveryEntity,
  'id' | 'message_id' | 'payload' | 'attempts' | 'last_status_code' | 'last_error' | 'delivered_at' | 'created_at'
> & {
  event: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  next_attempt_at: Date | null;
};

/** A delivery claimed by a worker, with where to send it and the sealed secret. */
export type ClaimedDeliveryRow = RowOf<
  WebhookDeliveryEntity,
  'id' | 'endpoint_id' | 'message_id' | 'payload' | 'attempts'
> &
  RowOf<WebhookEndpointEntity, 'url' | 'secret_encrypted'>;

const ENDPOINT_COLUMNS = `id, url, description, events, consecutive_failures, disabled_at, disabled_reason, created_at`;
const DELIVERY_COLUMNS = `id, message_id, event, payload, status, attempts, last_status_code, last_error,
  CASE WHEN status = 'pending' THEN next_attempt_at END AS next_attempt_at, delivered_at, created_at`;

/** Webhook endpoints and their deliveries (the outbox the triggers of the Webhooks migration fill). */
@Injectable()
export class WebhooksRepository {
  list(db: Db): Promise<EndpointRow[]> {
    return sqlRows<EndpointRow>(db, `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, id`);
  }

  find(db: Db, id: string, lock = false): Promise<EndpointRow | undefined> {
    return sqlRow<EndpointRow>(
      db,
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
  }

  async count(db: Db): Promise<number> {
    const row = await sqlRow<{ total: number }>(db, `SELECT count(*)::int AS total FROM webhook_endpoints`);
    return row!.total;
  }

  insert(
    db: Db,
    endpoint: {
      url: string;
      description: string | null;
      events: WebhookEvent[];
      sealedSecret: string;
      createdBy: string;
    },
  ): Promise<EndpointRow | undefined> {
    return sqlRow<EndpointRow>(
      db,
      `INSERT INTO webhook_endpoints (url, description, events, secret_encrypted, created_by)
       VALUES ($1, $2, $3::text[], $4, $5) RETURNING ${ENDPOINT_COLUMNS}`,
      [endpoint.url, endpoint.description, endpoint.events, endpoint.sealedSecret, endpoint.createdBy],
    );
  }

  /** Changes what is given; enabled true clears a disabling and the failure count, false disables it by hand. */
  async update(
    db: Db,
    id: string,
    change: { url?: string; description?: string | null; events?: WebhookEvent[]; enabled?: boolean },
  ): Promise<EndpointRow | undefined> {
    const rows = await returningRows<EndpointRow>(
      db,
      `UPDATE webhook_endpoints SET
         url = COALESCE($2, url),
         description = CASE WHEN $3 THEN $4 ELSE description END,
         events = COALESCE($5::text[], events),
         disabled_at = CASE WHEN $6::boolean IS NULL THEN disabled_at WHEN $6 THEN NULL ELSE COALESCE(disabled_at, now()) END,
         disabled_reason = CASE WHEN $6::boolean IS NULL THEN disabled_reason WHEN $6 THEN NULL ELSE COALESCE(disabled_reason, 'manual') END,
         consecutive_failures = CASE WHEN $6::boolean THEN 0 ELSE consecutive_failures END,
         updated_at = now()
       WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [
        id,
        change.url ?? null,
        change.description !== undefined,
        change.description ?? null,
        change.events ?? null,
        change.enabled ?? null,
      ],
    );
    return rows[0];
  }

  async delete(db: Db, id: string): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(db, `DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id`, [
      id,
    ]);
    return rows.length > 0;
  }

  async countDeliveries(db: Db, endpointId: string): Promise<number> {
    const row = await sqlRow<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM webhook_deliveries WHERE endpoint_id = $1`,
      [endpointId],
    );
    return row!.total;
  }

  deliveries(db: Db, endpointId: string, page: { page: number; pageSize: number }): Promise<DeliveryRow[]> {
    return sqlRows<DeliveryRow>(
      db,
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE endpoint_id = $1
       ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [endpointId, page.pageSize, (page.page - 1) * page.pageSize],
    );
  }

  /** A new delivery of the same message (same webhook-id), sent as soon as a worker takes it. */
  redeliver(db: Db, endpointId: string, deliveryId: string): Promise<DeliveryRow | undefined> {
    return sqlRow<DeliveryRow>(
      db,
      `INSERT INTO webhook_deliveries (endpoint_id, message_id, event, payload, redelivery_of)
       SELECT endpoint_id, message_id, event, payload, id FROM webhook_deliveries WHERE id = $2 AND endpoint_id = $1
       RETURNING ${DELIVERY_COLUMNS}`,
      [endpointId, deliveryId],
    );
  }

  /**
   * Claims due deliveries of enabled endpoints: FOR UPDATE SKIP LOCKED, so concurrent
   * workers take different rows, and a lease, so a row in flight is not taken again until
   * the lease runs out (a worker that died). The attempt is counted at the claim: the count
   * identifies this claim when its outcome is written.
   */
  claimDue(db: Db, limit: number, leaseSeconds: number): Promise<ClaimedDeliveryRow[]> {
    return returningRows<ClaimedDeliveryRow>(
      db,
      `UPDATE webhook_deliveries d
       SET leased_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
       FROM (SELECT due.id FROM webhook_deliveries due
             JOIN webhook_endpoints e ON e.id = due.endpoint_id AND e.disabled_at IS NULL
             WHERE due.status = 'pending' AND due.next_attempt_at <= now()
               AND (due.leased_until IS NULL OR due.leased_until < now())
             ORDER BY due.next_attempt_at LIMIT $1
             FOR UPDATE OF due SKIP LOCKED) c,
            webhook_endpoints w
       WHERE d.id = c.id AND w.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, w.url, w.secret_encrypted`,
      [limit, leaseSeconds],
    );
  }

  /** A delivery answered 2xx: done, and the endpoint's failures in a row start again. */
  async markDelivered(db: Db, delivery: ClaimedDeliveryRow, statusCode: number): Promise<void> {
    await sqlRun(
      db,
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status_code = $3, last_error = NULL, leased_until = NULL
       WHERE id = $1 AND attempts = $2`,
      [delivery.id, delivery.attempts, statusCode],
    );
    await sqlRun(db, `UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1`, [delivery.endpoint_id]);
  }

  /**
   * A failed attempt: retried after the delay, or given up after the last attempt; the
   * endpoint's failures in a row grow, and at the limit it is disabled. True when this
   * failure disabled it (then the admins are told).
   */
  async markFailed(
    db: Db,
    delivery: ClaimedDeliveryRow,
    outcome: { statusCode: number | null; error: string; giveUp: boolean; delaySeconds: number; disableAfter: number },
  ): Promise<boolean> {
    // The endpoint's row first, as an admin's DELETE of the endpoint takes it (then its
    // deliveries, by the cascade): the other order deadlocked against it (a 500 to the admin).
    await sqlRun(db, `SELECT 1 FROM webhook_endpoints WHERE id = $1 FOR UPDATE`, [delivery.endpoint_id]);
    await sqlRun(
      db,
      `UPDATE webhook_deliveries SET status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END,
         next_attempt_at = now() + make_interval(secs => $4), last_status_code = $5, last_error = $6, leased_until = NULL
       WHERE id = $1 AND attempts = $2`,
      [delivery.id, delivery.attempts, outcome.giveUp, outcome.delaySeconds, outcome.statusCode, outcome.error],
    );
    const rows = await returningRows<{ disabled_now: boolean }>(
      db,
      `UPDATE webhook_endpoints w SET consecutive_failures = w.consecutive_failures + 1,
         disabled_at = CASE WHEN w.disabled_at IS NULL AND w.consecutive_failures + 1 >= $2 THEN now() ELSE w.disabled_at END,
         disabled_reason = CASE WHEN w.disabled_at IS NULL AND w.consecutive_failures + 1 >= $2 THEN 'failures' ELSE w.disabled_reason END
       FROM (SELECT id, disabled_at AS was_disabled_at FROM webhook_endpoints WHERE id = $1 FOR UPDATE) old
       WHERE w.id = old.id
       RETURNING old.was_disabled_at IS NULL AND w.disabled_at IS NOT NULL AS disabled_now`,
      [delivery.endpoint_id, outcome.disableAfter],
    );
    return rows[0]?.disabled_now ?? false;
  }

  /** The active people who manage webhooks: told when an endpoint is disabled. */
  managers(db: Db): Promise<RowOf<UserEntity, 'id'>[]> {
    return sqlRows<RowOf<UserEntity, 'id'>>(db, `SELECT id FROM users WHERE active AND role = ANY ($1)`, [
      rolesWith('webhooks.manage'),
    ]);
  }
}
