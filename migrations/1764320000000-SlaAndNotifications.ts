import type { MigrationInterface, QueryRunner } from 'typeorm';

const AREAS = [
  'fair-trade-visibility',
  'market-access',
  'standards-compliance',
  'sustainable-production',
  'climate-resilience',
  'human-rights',
  'social-inclusion',
];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/**
 * SLA policies (per area and priority) and holidays (per country); the SLA clock's pause
 * on the request; notifications, which are both the in-app list and the email outbox;
 * and the run log of scheduled jobs, which makes each run happen once across processes.
 */
export class SlaAndNotifications1764320000000 implements MigrationInterface {
  name = 'SlaAndNotifications1764320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL REFERENCES thematic_areas (code),
        priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        first_response_hours int NOT NULL CHECK (first_response_hours BETWEEN 1 AND 2000),
        resolution_hours int NOT NULL CHECK (resolution_hours BETWEEN 1 AND 10000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_area_priority_key UNIQUE (area_code, priority),
        CONSTRAINT sla_policies_resolution_after_response CHECK (resolution_hours >= first_response_hours)
      )`);
    // The defaults (docs/domain.md, "SLA"): first response 16 business hours (urgent 4), resolution 80 (urgent 24).
    for (const area of AREAS) {
      for (const priority of PRIORITIES) {
        await db.query(
          `INSERT INTO sla_policies (area_code, priority, first_response_hours, resolution_hours) VALUES ($1, $2, $3, $4)`,
          [area, priority, priority === 'urgent' ? 4 : 16, priority === 'urgent' ? 24 : 80],
        );
      }
    }

    await db.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code text NOT NULL REFERENCES countries (code),
        date date NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        CONSTRAINT holidays_country_date_key UNIQUE (country_code, date)
      )`);

    // The SLA clock stops while the request waits on the member: when it started waiting,
    // and the business minutes already spent waiting (added to the targets).
    await db.query(`ALTER TABLE requests ADD COLUMN sla_paused_at timestamptz`);
    await db.query(
      `ALTER TABLE requests ADD COLUMN sla_paused_minutes int NOT NULL DEFAULT 0 CHECK (sla_paused_minutes >= 0)`,
    );
    await db.query(
      `CREATE INDEX requests_sla_watch_idx ON requests (resolution_due_at) WHERE NOT breached AND status IN ('new', 'assigned', 'in_progress')`,
    );
    await db.query(`CREATE INDEX requests_resolved_idx ON requests (resolved_at) WHERE status = 'resolved'`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('request.assigned', 'request.reply', 'request.status_changed', 'request.resolved', 'request.breached', 'request.escalated')),
        request_id uuid REFERENCES requests (id),
        -- What caused it: one notification per cause and recipient, however often it is retried.
        event_key text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_status text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed')),
        email_attempts int NOT NULL DEFAULT 0 CHECK (email_attempts >= 0),
        email_next_attempt_at timestamptz NOT NULL DEFAULT now(),
        email_claimed_until timestamptz,
        email_sent_at timestamptz,
        email_last_error text,
        CONSTRAINT notifications_event_recipient_key UNIQUE (event_key, recipient_id)
      )`);
    await db.query(
      `CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, read_at, created_at DESC)`,
    );
    await db.query(
      `CREATE INDEX notifications_outbox_idx ON notifications (email_next_attempt_at) WHERE email_status IN ('pending', 'sending')`,
    );

    await db.query(`
      CREATE TABLE scheduled_job_runs (
        job text NOT NULL,
        slot bigint NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        run_by text NOT NULL,
        result jsonb,
        PRIMARY KEY (job, slot)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scheduled_job_runs`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP INDEX requests_resolved_idx`);
    await db.query(`DROP INDEX requests_sla_watch_idx`);
    await db.query(`ALTER TABLE requests DROP COLUMN sla_paused_minutes`);
    await db.query(`ALTER TABLE requests DROP COLUMN sla_paused_at`);
    await db.query(`DROP TABLE holidays`);
    await db.query(`DROP TABLE sla_policies`);
  }
}
