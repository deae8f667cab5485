import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adding, changeCheckValues, NOTIFICATION_KINDS, removing } from './support/check-values';

const NEW_KINDS = ['account.webhook-disabled'];

/**
 * Webhooks (issue 23): endpoints the admins register, and the outbox of deliveries.
 *
 * Deliveries are queued by triggers on the timeline (request_events) and on the messages,
 * in the transaction of the change itself, whatever code path made it (a case action, a
 * bulk change, the SLA and auto-close jobs, a score): a committed change always has its
 * deliveries, a rolled-back one never. Statement-level triggers with transition tables, so
 * a bulk insert (the demo history) costs one check, and nothing at all while no endpoint
 * is enabled. The payload is a snapshot of the request at the change; internal notes are
 * never queued, and no message text is sent.
 */
export class Webhooks1764453100000 implements MigrationInterface {
  name = 'Webhooks1764453100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (char_length(url) BETWEEN 8 AND 2000),
        description text CHECK (char_length(description) <= 200),
        events text[] NOT NULL CHECK (cardinality(events) >= 1 AND events <@ ARRAY[
          'request.created', 'request.assigned', 'request.status_changed', 'request.message_added', 'request.rated']::text[]),
        secret_encrypted text NOT NULL,
        consecutive_failures int NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        disabled_at timestamptz,
        disabled_reason text CHECK (disabled_reason IN ('failures', 'manual')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        message_id text NOT NULL,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        redelivery_of uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // One delivery per event and endpoint (a redelivery is another row of the same message).
    await db.query(
      `CREATE UNIQUE INDEX webhook_deliveries_message_idx ON webhook_deliveries (endpoint_id, message_id) WHERE redelivery_of IS NULL`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, created_at DESC)`);

    await db.query(`
      CREATE FUNCTION webhook_payload(r requests, event text, at timestamptz, actor uuid, from_value text, to_value text, message uuid)
      RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'type', event,
          'timestamp', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'data', jsonb_build_object(
            'requestId', r.id, 'reference', r.reference, 'status', r.status, 'priority', r.priority,
            'area', r.area_code, 'country', r.country_code, 'organizationId', r.organization_id,
            'assigneeId', r.assignee_id, 'actorId', actor, 'from', from_value, 'to', to_value,
            'messageId', message))
      $$`);
    await db.query(`
      CREATE FUNCTION webhook_enqueue_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL) THEN RETURN NULL; END IF;
        INSERT INTO webhook_deliveries (endpoint_id, message_id, event, payload)
        SELECT w.id, 'evt_' || replace(e.id::text, '-', ''), 'request.' || e.type,
               webhook_payload(r, 'request.' || e.type, e.created_at, e.actor_id,
                 CASE WHEN e.type IN ('status_changed', 'rated') THEN e.from_value END,
                 CASE WHEN e.type IN ('status_changed', 'rated') THEN e.to_value END, NULL)
        FROM new_events e
        JOIN requests r ON r.id = e.request_id
        JOIN webhook_endpoints w ON w.disabled_at IS NULL AND ('request.' || e.type) = ANY (w.events)
        WHERE e.type IN ('created', 'assigned', 'status_changed', 'rated');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER request_events_webhooks AFTER INSERT ON request_events
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION webhook_enqueue_events()`);
    await db.query(`
      CREATE FUNCTION webhook_enqueue_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL) THEN RETURN NULL; END IF;
        INSERT INTO webhook_deliveries (endpoint_id, message_id, event, payload)
        SELECT w.id, 'msg_' || replace(m.id::text, '-', ''), 'request.message_added',
               webhook_payload(r, 'request.message_added', m.created_at, m.author_id, NULL, NULL, m.id)
        FROM new_messages m
        JOIN requests r ON r.id = m.request_id
        JOIN webhook_endpoints w ON w.disabled_at IS NULL AND 'request.message_added' = ANY (w.events)
        WHERE NOT m.internal;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER request_messages_webhooks AFTER INSERT ON request_messages
      REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION webhook_enqueue_messages()`);
    await changeCheckValues(db, NOTIFICATION_KINDS, adding(NEW_KINDS));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = ANY ($1)`, [NEW_KINDS]);
    await changeCheckValues(db, NOTIFICATION_KINDS, removing(NEW_KINDS));
    await db.query(`DROP TRIGGER request_messages_webhooks ON request_messages`);
    await db.query(`DROP TRIGGER request_events_webhooks ON request_events`);
    await db.query(`DROP FUNCTION webhook_enqueue_messages()`);
    await db.query(`DROP FUNCTION webhook_enqueue_events()`);
    await db.query(`DROP FUNCTION webhook_payload(requests, text, timestamptz, uuid, text, text, uuid)`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_endpoints`);
  }
}
