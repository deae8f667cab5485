import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests and what hangs off them: messages, timeline events, attachments, the routing
 * record (on the request), per-year reference counters and the Idempotency-Key store.
 */
export class Requests1764310000000 implements MigrationInterface {
  name = 'Requests1764310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN last_assigned_at timestamptz`);

    // One row per year; the row lock hands out SR-<year>-<seq> numbers without gaps.
    await db.query(`
      CREATE TABLE request_reference_counters (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last_value int NOT NULL CHECK (last_value >= 0)
      )`);

    await db.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^SR-[0-9]{4}-[0-9]{6,}$'),
        subject text NOT NULL CHECK (char_length(subject) BETWEEN 3 AND 200),
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 20000),
        status text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'waiting_on_member', 'resolved', 'closed', 'withdrawn')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        area_code text NOT NULL REFERENCES thematic_areas (code),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        country_code text NOT NULL REFERENCES countries (code),
        region_code text NOT NULL REFERENCES regions (code),
        assignee_id uuid REFERENCES users (id),
        assigned_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        first_responded_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        escalated boolean NOT NULL DEFAULT false,
        routing_tier smallint CHECK (routing_tier BETWEEN 1 AND 5),
        routing_reason text NOT NULL,
        routing_coverage jsonb,
        first_response_due_at timestamptz,
        resolution_due_at timestamptz,
        breached boolean NOT NULL DEFAULT false,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        satisfaction_comment text CHECK (char_length(satisfaction_comment) <= 2000),
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- Search documents: what a member may match on, and internal notes for staff only.
        search_public tsvector NOT NULL DEFAULT ''::tsvector,
        search_internal tsvector NOT NULL DEFAULT ''::tsvector,
        CONSTRAINT requests_new_is_unassigned CHECK (status <> 'new' OR assignee_id IS NULL),
        CONSTRAINT requests_assigned_has_assignee CHECK (status <> 'assigned' OR assignee_id IS NOT NULL),
        CONSTRAINT requests_resolved_has_time CHECK (status <> 'resolved' OR resolved_at IS NOT NULL),
        CONSTRAINT requests_satisfaction_comment_needs_score CHECK (satisfaction_comment IS NULL OR satisfaction_score IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX requests_organization_idx ON requests (organization_id, created_at DESC)`);
    await db.query(
      `CREATE INDEX requests_assignee_open_idx ON requests (assignee_id) WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_on_member')`,
    );
    await db.query(`CREATE INDEX requests_assignee_idx ON requests (assignee_id, created_at DESC)`);
    await db.query(`CREATE INDEX requests_country_idx ON requests (country_code, created_at DESC)`);
    await db.query(`CREATE INDEX requests_region_idx ON requests (region_code, created_at DESC)`);
    await db.query(`CREATE INDEX requests_status_idx ON requests (status, created_at DESC)`);
    await db.query(`CREATE INDEX requests_created_idx ON requests (created_at DESC, id)`);
    await db.query(`CREATE INDEX requests_search_public_idx ON requests USING gin (search_public)`);
    await db.query(`CREATE INDEX requests_search_internal_idx ON requests USING gin (search_internal)`);

    await db.query(`
      CREATE TABLE request_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX request_messages_request_idx ON request_messages (request_id, created_at)`);

    await db.query(`
      CREATE TABLE request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests (id),
        actor_id uuid REFERENCES users (id),
        type text NOT NULL CHECK (type IN ('created', 'routed', 'assigned', 'status_changed', 'escalated', 'priority_changed', 'area_changed', 'rated')),
        from_value text,
        to_value text,
        reason text CHECK (char_length(reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX request_events_request_idx ON request_events (request_id, created_at)`);

    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests (id),
        message_id uuid REFERENCES request_messages (id),
        uploaded_by uuid NOT NULL REFERENCES users (id),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX attachments_request_idx ON attachments (request_id)`);
    await db.query(`CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL`);

    // The first answer to a POST /requests with an Idempotency-Key, replayed for 24 hours.
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        fingerprint text NOT NULL,
        status_code int NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'attachments',
      'request_events',
      'request_messages',
      'requests',
      'request_reference_counters',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE users DROP COLUMN last_assigned_at`);
  }
}
