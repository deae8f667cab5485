import { sqlRow, sqlRows } from '../../common/typed-sql';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { SATISFACTION_REMINDER_DAYS } from '@portal/shared';
import type { HistoryCase } from './types';

/** The demo history's row in scheduled_job_runs: a job run once per database (slot 0). */
export const DEMO_HISTORY_JOB = 'demo-history';

export interface HistoryProgress {
  seed: number;
  /** The moment the history ends (ISO): the first start. */
  anchor: string;
  chunks: number | null;
  chunksDone: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Writes one chunk of the history (a few hundred requests in time order, with everything that
 * hangs off them) in one transaction, as few large statements: the embedded database runs one
 * statement at a time, and other callers wait only for this chunk. The job's row is locked and
 * its count of chunks written checked first, so with several API processes each chunk is
 * written once. Files go to ATTACHMENTS_DIR under their storage keys, as uploads do; if the
 * transaction fails they are removed again. Returns false when the chunk was already written.
 */
export async function writeChunk(
  dataSource: DataSource,
  index: number,
  cases: readonly HistoryCase[],
  options: { attachmentsDir: string; emailStatus: 'logged' | 'sent' },
): Promise<boolean> {
  const written: string[] = [];
  try {
    return await dataSource.transaction(async (db) => {
      const job = await sqlRow<{ result: HistoryProgress }>(
        db,
        `SELECT result FROM scheduled_job_runs WHERE job = $1 AND slot = 0 FOR UPDATE`,
        [DEMO_HISTORY_JOB],
      );
      if (!job || job.result.chunksDone !== index) return false;

      const references = await reserveReferences(db, cases);
      await mkdir(options.attachmentsDir, { recursive: true, mode: 0o750 });
      for (const file of cases.flatMap((c) => c.attachments)) {
        const path = join(options.attachmentsDir, file.storageKey);
        // Storage keys come from the seed: a chunk written again after a crash writes the same files.
        await writeFile(path, file.content, { mode: 0o640 });
        written.push(path);
      }

      await db.query(
        `INSERT INTO requests (id, reference, subject, description, status, priority, area_code, organization_id, country_code, region_code,
                               assignee_id, assigned_at, created_by, created_at, updated_at, first_responded_at, resolved_at, closed_at, escalated,
                               routing_tier, routing_reason, routing_coverage, routing_facts, first_response_due_at, resolution_due_at, breached,
                               satisfaction_score, satisfaction_comment, version, sla_paused_at, sla_paused_minutes, search_public, search_internal,
                               first_response_breached_at, resolution_breached_at)
         SELECT r.id, r.reference, r.subject, r.description, r.status, r.priority, r.area_code, r.organization_id, r.country_code, r.region_code,
                r.assignee_id, r.assigned_at, r.created_by, r.created_at, r.updated_at, r.first_responded_at, r.resolved_at, r.closed_at, r.escalated,
                r.routing_tier, r.routing_reason, r.routing_coverage, r.routing_facts, r.first_response_due_at, r.resolution_due_at, r.breached,
                r.satisfaction_score, r.satisfaction_comment, r.version, r.sla_paused_at, r.sla_paused_minutes,
                -- What filing and each public message add to the search documents (requests.service.ts), the notes apart.
                to_tsvector('simple', unaccent(r.reference || ' ' || r.subject || ' ' || r.description)) || to_tsvector('simple', unaccent(r.public_text)),
                to_tsvector('simple', unaccent(r.internal_text)),
                -- The history's sweep flagged a request once: the deadlines already past on a flagged
                -- one count as handled, as the migration SlaWarnings does, so the live sweep does not
                -- tell of them again. (Its requests have no 75 % instants: no warnings from the past.)
                CASE WHEN r.breached AND r.first_response_due_at <= now()
                       AND (r.first_responded_at IS NULL OR r.first_responded_at > r.first_response_due_at)
                     THEN r.first_response_due_at END,
                CASE WHEN r.breached AND r.resolution_due_at <= now() THEN r.resolution_due_at END
         FROM jsonb_to_recordset($1::jsonb) AS r(
           id uuid, reference text, subject text, description text, status text, priority text, area_code text, organization_id uuid, country_code text,
           region_code text, assignee_id uuid, assigned_at timestamptz, created_by uuid, created_at timestamptz, updated_at timestamptz,
           first_responded_at timestamptz, resolved_at timestamptz, closed_at timestamptz, escalated boolean, routing_tier smallint, routing_reason text,
           routing_coverage jsonb, routing_facts jsonb, first_response_due_at timestamptz, resolution_due_at timestamptz, breached boolean, satisfaction_score smallint,
           satisfaction_comment text, version int, sla_paused_at timestamptz, sla_paused_minutes int, public_text text, internal_text text)`,
        [
          JSON.stringify(
            cases.map(({ request: r }) => ({
              id: r.id,
              reference: references.get(r.id),
              subject: r.subject,
              description: r.description,
              status: r.status,
              priority: r.priority,
              area_code: r.area,
              organization_id: r.organizationId,
              country_code: r.country,
              region_code: r.region,
              assignee_id: r.assigneeId,
              assigned_at: iso(r.assignedAt),
              created_by: r.createdBy,
              created_at: iso(r.createdAt),
              updated_at: iso(r.updatedAt),
              first_responded_at: iso(r.firstRespondedAt),
              resolved_at: iso(r.resolvedAt),
              closed_at: iso(r.closedAt),
              escalated: r.escalated,
              routing_tier: r.routingTier,
              routing_reason: r.routingReason,
              routing_coverage: r.routingCoverage,
              routing_facts: r.routingFacts,
              first_response_due_at: iso(r.firstResponseDueAt),
              resolution_due_at: iso(r.resolutionDueAt),
              breached: r.breached,
              satisfaction_score: r.satisfactionScore,
              satisfaction_comment: r.satisfactionComment,
              version: r.version,
              sla_paused_at: iso(r.slaPausedAt),
              sla_paused_minutes: r.slaPausedMinutes,
              public_text: r.publicText,
              internal_text: r.internalText,
            })),
          ),
        ],
      );
      // The history's past: a member who left a resolved request unrated for three days was
      // reminded then, so the live reminder job does not email every old demo request at start.
      await db.query(
        `INSERT INTO satisfaction_reminders (request_id, sent_at)
         SELECT id, resolved_at + make_interval(days => $2) FROM requests
         WHERE id = ANY ($1::uuid[]) AND status = 'resolved' AND satisfaction_score IS NULL
           AND resolved_at <= now() - make_interval(days => $2)
         ON CONFLICT (request_id) DO NOTHING`,
        [cases.map(({ request }) => request.id), SATISFACTION_REMINDER_DAYS],
      );
      await db.query(
        `INSERT INTO request_messages (id, request_id, author_id, body, internal, created_at)
         SELECT id, request_id, author_id, body, internal, created_at
         FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, request_id uuid, author_id uuid, body text, internal boolean, created_at timestamptz)`,
        [
          JSON.stringify(
            cases.flatMap((c) =>
              c.messages.map((m) => ({
                id: m.id,
                request_id: m.requestId,
                author_id: m.authorId,
                body: m.body,
                internal: m.internal,
                created_at: iso(m.createdAt),
              })),
            ),
          ),
        ],
      );
      await db.query(
        `INSERT INTO request_events (id, request_id, actor_id, type, from_value, to_value, reason, created_at)
         SELECT id, request_id, actor_id, type, from_value, to_value, reason, created_at
         FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, request_id uuid, actor_id uuid, type text, from_value text, to_value text, reason text, created_at timestamptz)`,
        [
          JSON.stringify(
            cases.flatMap((c) =>
              c.events.map((e) => ({
                id: e.id,
                request_id: e.requestId,
                actor_id: e.actorId,
                type: e.type,
                from_value: e.from,
                to_value: e.to,
                reason: e.reason,
                created_at: iso(e.createdAt),
              })),
            ),
          ),
        ],
      );
      await db.query(
        `INSERT INTO attachments (id, request_id, message_id, uploaded_by, file_name, content_type, size_bytes, sha256, storage_key, created_at)
         SELECT id, request_id, message_id, uploaded_by, file_name, content_type, size_bytes, sha256, storage_key, created_at
         FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, request_id uuid, message_id uuid, uploaded_by uuid, file_name text, content_type text,
                                                 size_bytes int, sha256 text, storage_key text, created_at timestamptz)`,
        [
          JSON.stringify(
            cases.flatMap((c) =>
              c.attachments.map((f) => ({
                id: f.id,
                request_id: f.requestId,
                message_id: f.messageId,
                uploaded_by: f.uploadedBy,
                file_name: f.fileName,
                content_type: f.contentType,
                size_bytes: f.content.length,
                sha256: f.sha256,
                storage_key: f.storageKey,
                created_at: iso(f.createdAt),
              })),
            ),
          ),
        ],
      );
      // As the outbox has them once delivered: the emails of the past went out then.
      await db.query(
        `INSERT INTO notifications (recipient_id, kind, request_id, event_key, params, created_at, read_at,
                                    email_status, email_attempts, email_next_attempt_at, email_sent_at)
         SELECT n.recipient_id, n.kind, n.request_id, n.event_key, jsonb_build_object('reference', r.reference) || n.params, n.created_at, n.read_at,
                $2, 1, n.created_at, n.created_at + interval '2 seconds'
         FROM jsonb_to_recordset($1::jsonb) AS n(recipient_id uuid, kind text, request_id uuid, event_key text, params jsonb, created_at timestamptz, read_at timestamptz)
         JOIN requests r ON r.id = n.request_id
         JOIN users u ON u.id = n.recipient_id AND u.active
         ON CONFLICT (event_key, recipient_id) DO NOTHING`,
        [
          JSON.stringify(
            cases.flatMap((c) =>
              c.notifications.map((n) => ({
                recipient_id: n.recipientId,
                kind: n.kind,
                request_id: n.requestId,
                event_key: n.eventKey,
                params: n.params,
                created_at: iso(n.createdAt),
                read_at: iso(n.readAt),
              })),
            ),
          ),
          options.emailStatus,
        ],
      );
      await db.query(
        `UPDATE scheduled_job_runs SET result = jsonb_set(result, '{chunksDone}', to_jsonb($2::int)) WHERE job = $1 AND slot = 0`,
        [DEMO_HISTORY_JOB, index + 1],
      );
      return true;
    });
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
}

/**
 * SR-<year>-<number> for each request, from the year's counter as submissions take them: a
 * block per year of filing, numbered in filing order (requests filed meanwhile by visitors
 * keep theirs; the counter goes on after the block).
 */
async function reserveReferences(db: EntityManager, cases: readonly HistoryCase[]): Promise<Map<string, string>> {
  const byYear = new Map<number, HistoryCase[]>();
  for (const c of cases) {
    const year = new Date(c.request.createdAt).getUTCFullYear();
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(c);
  }
  const references = new Map<string, string>();
  for (const [year, ofYear] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const [counter] = await sqlRows<{ last_value: string }>(
      db,
      `INSERT INTO request_reference_counters (year, last_value) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_value = request_reference_counters.last_value + EXCLUDED.last_value
       RETURNING last_value`,
      [year, ofYear.length],
    );
    const first = Number(counter.last_value) - ofYear.length + 1;
    ofYear.forEach((c, i) => {
      const number = String(first + i);
      references.set(c.request.id, `SR-${year}-${number.padStart(Math.max(6, number.length), '0')}`);
    });
  }
  return references;
}
