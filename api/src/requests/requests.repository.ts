import { Injectable } from '@nestjs/common';
import {
  CASE_WORKER_ROLES,
  OPEN_STATUSES,
  type RequestStatus,
  rolesSeeing,
  type TimelineEventType,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { col, type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { CountryEntity } from '../reference/reference.entities';
import type { CoverageEntryEntity } from '../users/coverage-entry.entity';
import { UserEntity } from '../users/user.entity';
import { REQUEST_COLUMNS, type RequestRow } from './request-views.repository';
import { visibilityScope } from './request-scope';
import { type IdempotencyKeyEntity, RequestEntity, type RequestMessageEntity } from './request.entities';

/** The row a command works on, locked for the rest of its transaction. */
export type LockedRequest = RowOf<
  RequestEntity,
  | 'id'
  | 'reference'
  | 'subject'
  | 'created_by'
  | 'organization_id'
  | 'status'
  | 'assignee_id'
  | 'region_code'
  | 'country_code'
  | 'area_code'
  | 'priority'
  | 'resolved_at'
  | 'version'
  | 'escalated'
> & { now: Date };

/** The columns of a LockedRequest. */
const LOCKED_COLUMNS = `r.id, r.reference, r.subject, r.created_by, r.organization_id, r.status, r.assignee_id, r.region_code,
  r.country_code, r.area_code, r.priority, r.resolved_at, r.version, r.escalated, now() AS now`;

export type StoredAnswerRow = RowOf<IdempotencyKeyEntity, 'fingerprint' | 'status_code' | 'response'>;

/** The caller's organization as a new request needs it, with the transaction's time. */
export type FilingOrganizationRow = RowOf<OrganizationEntity, 'id' | 'country_code' | 'active'> &
  RowOf<CountryEntity, 'region_code'> & { now: Date };

/** A person someone wants to give a request to, locked, with the region of each coverage entry. */
export type AssigneeCandidateRow = RowOf<
  UserEntity,
  'id' | 'name' | 'role' | 'active' | 'available' | 'region_code'
> & {
  coverage_regions: (string | null)[];
  /** Invited, has not chosen a password yet. */
  invitation_pending: boolean;
  /** Its own absence covers now. */
  away_now: boolean;
};

/** A coverage entry as stored, with the region of its country (or its own, or none). */
export type CoverageRow = RowOf<CoverageEntryEntity, 'country_code' | 'region_code' | 'area_code'> & {
  entry_region: string | null;
};

/** A staff member the request could be given to, with its load and coverage. */
export type StaffCandidateRow = RowOf<UserEntity, 'id' | 'name' | 'role' | 'available' | 'region_code'> & {
  /** The end of the person's absence when its window covers now; null: not away. */
  away_until_now: Date | null;
  open_cases: number;
  coverage: CoverageRow[];
};

/** An open request of a departing staff member, as re-routing needs it. */
export type ReroutedRequestRow = RowOf<
  RequestEntity,
  'id' | 'reference' | 'subject' | 'status' | 'country_code' | 'region_code' | 'area_code'
> & { organization: string };

/** The values of a new request that are not the database's to choose. */
export interface NewRequest {
  subject: string;
  description: string;
  status: RequestStatus;
  priority: string;
  area: string;
  organizationId: string;
  country: string;
  region: string;
  assigneeId: string | null;
  createdBy: string;
  routingTier: number | null;
  routingReason: string;
  routingCoverage: string | null;
  routingFacts: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionWarnAt: Date | null;
}

/**
 * The requests' commands: their locks, writes and the timeline's events. Row types come from
 * the entities (RowOf); the one-column updates name their column through col(), so a renamed
 * property breaks the build there as well.
 */
@Injectable()
export class RequestsRepository {
  /** Serializes the retries of one (person, Idempotency-Key). */
  async lockIdempotencyKey(db: Db, userId: string, key: string): Promise<void> {
    await sqlRun(db, `SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [userId, key]);
  }

  storedAnswer(db: Db, userId: string, key: string, windowHours: number): Promise<StoredAnswerRow | undefined> {
    return sqlRow<StoredAnswerRow>(
      db,
      `SELECT fingerprint, status_code, response FROM idempotency_keys
       WHERE user_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
      [userId, key, windowHours],
    );
  }

  async storeAnswer(db: Db, userId: string, key: string, fingerprint: string, response: unknown): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, response) VALUES ($1, $2, $3, 201, $4)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status_code = 201, response = EXCLUDED.response, created_at = now()`,
      [userId, key, fingerprint, JSON.stringify(response)],
    );
  }

  filingOrganization(db: Db, organizationId: string | null): Promise<FilingOrganizationRow | undefined> {
    return sqlRow<FilingOrganizationRow>(
      db,
      `SELECT o.id, o.country_code, c.region_code, o.active, now() AS now FROM organizations o JOIN countries c ON c.code = o.country_code WHERE o.id = $1`,
      [organizationId],
    );
  }

  /**
   * One statement takes the year's next reference number (the counter's row lock is held
   * until COMMIT), inserts the request and reads it back as the API shows it.
   */
  async insertRequest(db: Db, request: NewRequest): Promise<RequestRow> {
    const row = await sqlRow<RequestRow>(
      db,
      `WITH counter AS (
         INSERT INTO request_reference_counters (year, last_value) VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = request_reference_counters.last_value + 1
         RETURNING 'SR-' || year || '-' || lpad(last_value::text, greatest(6, length(last_value::text)), '0') AS reference),
       r AS (
         INSERT INTO requests (reference, subject, description, status, priority, area_code, organization_id, country_code, region_code,
                               assignee_id, assigned_at, created_by, routing_tier, routing_reason, routing_coverage,
                               first_response_due_at, resolution_due_at, first_response_warn_at, resolution_warn_at, search_public, routing_facts)
         SELECT counter.reference, $1::text, $2::text, $3::text, $4::text, $5::text, $6::uuid, $7::text, $8::text,
                $9::uuid, CASE WHEN $9::uuid IS NULL THEN NULL ELSE now() END, $10::uuid, $11::smallint, $12::text, $13::jsonb,
                $14::timestamptz, $15::timestamptz, $16::timestamptz, $17::timestamptz, to_tsvector('simple', unaccent(counter.reference || ' ' || $1::text || ' ' || $2::text)),
                $18::jsonb
         FROM counter
         RETURNING *)
       SELECT ${REQUEST_COLUMNS} FROM r`,
      [
        request.subject,
        request.description,
        request.status,
        request.priority,
        request.area,
        request.organizationId,
        request.country,
        request.region,
        request.assigneeId,
        request.createdBy,
        request.routingTier,
        request.routingReason,
        request.routingCoverage,
        request.firstResponseDueAt,
        request.resolutionDueAt,
        request.firstResponseWarnAt,
        request.resolutionWarnAt,
        request.routingFacts,
      ],
    );
    return row!;
  }

  /** A new request's two events in one statement, a microsecond apart: they keep their order in the timeline. */
  async insertCreationEvents(
    db: Db,
    requestId: string,
    actorId: string,
    assigneeName: string | null,
    routingReason: string,
  ): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       SELECT $1, e.actor_id, e.type, e.from_value, e.to_value, e.reason, t.now + e.n * interval '1 microsecond'
       FROM (SELECT clock_timestamp() AS now) t,
            (VALUES ($2::uuid, 'created', NULL, 'new', NULL, 0), (NULL, 'routed', NULL, $3::text, $4::text, 1)) AS e(actor_id, type, from_value, to_value, reason, n)`,
      [requestId, actorId, assigneeName, routingReason],
    );
  }

  /** Locks a request the caller may see (its visibility scope in the statement); undefined when absent or invisible. */
  lockVisible(db: Db, caller: AuthUser, id: string): Promise<LockedRequest | undefined> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    return sqlRow<LockedRequest>(
      db,
      `SELECT ${LOCKED_COLUMNS}
       FROM requests r WHERE r.id = $1 AND ${scope} FOR UPDATE OF r`,
      params,
    );
  }

  async setPriority(db: Db, id: string, priority: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET ${col(RequestEntity, 'priority')} = $2 WHERE id = $1`, [id, priority]);
  }

  async setArea(db: Db, id: string, area: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET ${col(RequestEntity, 'areaCode')} = $2 WHERE id = $1`, [id, area]);
  }

  async insertMessage(
    db: Db,
    requestId: string,
    authorId: string,
    body: string,
    internal: boolean,
  ): Promise<RowOf<RequestMessageEntity, 'id' | 'created_at'>> {
    const row = await sqlRow<RowOf<RequestMessageEntity, 'id' | 'created_at'>>(
      db,
      `INSERT INTO request_messages (request_id, author_id, body, internal, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())
       RETURNING id, created_at`,
      [requestId, authorId, body, internal],
    );
    return row!;
  }

  /** A message's words join the request's search text: the internal one for an internal note. */
  async addSearchText(db: Db, id: string, text: string, internal: boolean): Promise<void> {
    const searchColumn = internal ? 'search_internal' : 'search_public';
    await sqlRun(
      db,
      `UPDATE requests SET ${searchColumn} = ${searchColumn} || to_tsvector('simple', unaccent($2)), updated_at = now() WHERE id = $1`,
      [id, text],
    );
  }

  async markFirstResponse(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET first_responded_at = COALESCE(first_responded_at, now()) WHERE id = $1`, [
      id,
    ]);
  }

  userName(db: Db, userId: string): Promise<RowOf<UserEntity, 'name'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'name'>>(db, `SELECT name FROM users WHERE id = $1`, [userId]);
  }

  userNameAndRole(db: Db, userId: string): Promise<RowOf<UserEntity, 'name' | 'role'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'name' | 'role'>>(db, `SELECT name, role FROM users WHERE id = $1`, [userId]);
  }

  userRole(db: Db, userId: string): Promise<RowOf<UserEntity, 'role'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'role'>>(db, `SELECT role FROM users WHERE id = $1`, [userId]);
  }

  /** The routing tie-break: when the person was last given a request. */
  async markAssigned(db: Db, userId: string): Promise<void> {
    await sqlRun(db, `UPDATE users SET ${col(UserEntity, 'lastAssignedAt')} = now() WHERE id = $1`, [userId]);
  }

  lockAssigneeCandidate(db: Db, userId: string): Promise<AssigneeCandidateRow | undefined> {
    // The region of each coverage entry: its own, its country's, or none (an area anywhere).
    return sqlRow<AssigneeCandidateRow>(
      db,
      `SELECT u.id, u.name, u.role, u.active, u.available, u.region_code, u.password_hash IS NULL AS invitation_pending,
              COALESCE(u.away_from <= now() AND now() < u.away_until, false) AS away_now,
              ARRAY(SELECT COALESCE(c.region_code, k.region_code) FROM coverage_entries c LEFT JOIN countries k ON k.code = c.country_code
                    WHERE c.user_id = u.id) AS coverage_regions
       FROM users u WHERE u.id = $1 FOR UPDATE OF u`,
      [userId],
    );
  }

  /**
   * Active staff who work cases and have accepted their invitation, but the one given
   * (the request's assignee), whose name contains the search (accents and case ignored),
   * with their open cases and coverage entries; who of them may be given the request is the
   * case-permission table's to say (RequestsService.assignees).
   */
  staffCandidates(db: Db, exceptId: string | null, search: string | null): Promise<StaffCandidateRow[]> {
    return sqlRows<StaffCandidateRow>(
      db,
      `SELECT u.id, u.name, u.role, u.available, u.region_code,
              CASE WHEN u.away_from <= now() AND now() < u.away_until THEN u.away_until END AS away_until_now,
              (SELECT count(*)::int FROM requests r WHERE r.assignee_id = u.id AND r.status = ANY ($3::text[])) AS open_cases,
              COALESCE((SELECT json_agg(json_build_object('country_code', c.country_code, 'region_code', c.region_code,
                                                          'area_code', c.area_code, 'entry_region', COALESCE(c.region_code, k.region_code)))
                          FROM coverage_entries c LEFT JOIN countries k ON k.code = c.country_code
                          WHERE c.user_id = u.id), '[]'::json) AS coverage
       FROM users u
       WHERE u.active AND u.password_hash IS NOT NULL AND u.role = ANY ($1::text[])
         AND ($2::uuid IS NULL OR u.id <> $2::uuid)
         AND ($4::text IS NULL OR lower(unaccent(u.name)) LIKE '%' || lower(unaccent($4::text)) || '%' ESCAPE '\\')
       ORDER BY u.name, u.id`,
      [CASE_WORKER_ROLES, exceptId, OPEN_STATUSES, search === null ? null : search.replace(/[\\%_]/g, '\\$&')],
    );
  }

  /** A staff member's coverage entries. */
  coverageOf(db: Db, userId: string): Promise<CoverageRow[]> {
    return sqlRows<CoverageRow>(
      db,
      `SELECT c.country_code, c.region_code, c.area_code, COALESCE(c.region_code, k.region_code) AS entry_region
       FROM coverage_entries c LEFT JOIN countries k ON k.code = c.country_code WHERE c.user_id = $1`,
      [userId],
    );
  }

  /**
   * The region's active director who has accepted the invitation (an available one not away
   * now first), locked: like routing, escalation never hands a case to someone who never signed in.
   */
  lockRegionDirector(db: Db, region: string): Promise<RowOf<UserEntity, 'id' | 'name'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'id' | 'name'>>(
      db,
      `SELECT id, name FROM users
       WHERE role = ANY ($2::text[]) AND region_code = $1 AND active AND password_hash IS NOT NULL
       ORDER BY (available AND NOT COALESCE(away_from <= now() AND now() < away_until, false)) DESC, id
       LIMIT 1 FOR UPDATE`,
      [region, rolesSeeing('region')],
    );
  }

  async markEscalated(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET ${col(RequestEntity, 'escalated')} = true WHERE id = $1`, [id]);
  }

  async satisfactionScore(db: Db, id: string): Promise<number | null> {
    const row = await sqlRow<RowOf<RequestEntity, 'satisfaction_score'>>(
      db,
      `SELECT satisfaction_score FROM requests WHERE id = $1`,
      [id],
    );
    return row!.satisfaction_score;
  }

  async setSatisfaction(db: Db, id: string, score: number, comment: string | null): Promise<void> {
    const [scoreColumn, commentColumn] = [
      col(RequestEntity, 'satisfactionScore'),
      col(RequestEntity, 'satisfactionComment'),
    ];
    await sqlRun(db, `UPDATE requests SET ${scoreColumn} = $2, ${commentColumn} = $3 WHERE id = $1`, [
      id,
      score,
      comment,
    ]);
  }

  /** A person's open requests as the commands work on them, locked, oldest first. */
  lockOpenRequestsWithDetailsOf(db: Db, userId: string): Promise<LockedRequest[]> {
    return sqlRows<LockedRequest>(
      db,
      `SELECT ${LOCKED_COLUMNS}
       FROM requests r WHERE r.assignee_id = $1 AND r.status IN ('assigned', 'in_progress', 'waiting_on_member')
       ORDER BY r.created_at FOR UPDATE OF r`,
      [userId],
    );
  }

  /** A person's open requests, locked, oldest first. */
  lockOpenRequestsOf(db: Db, userId: string): Promise<RowOf<RequestEntity, 'id'>[]> {
    return sqlRows<RowOf<RequestEntity, 'id'>>(
      db,
      `SELECT id FROM requests WHERE assignee_id = $1 AND status IN ('assigned', 'in_progress', 'waiting_on_member') ORDER BY created_at FOR UPDATE`,
      [userId],
    );
  }

  async reroutedRequest(db: Db, id: string): Promise<ReroutedRequestRow> {
    const row = await sqlRow<ReroutedRequestRow>(
      db,
      `SELECT r.id, r.reference, r.subject, r.status, r.country_code, r.region_code, r.area_code, o.name AS organization
       FROM requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
      [id],
    );
    return row!;
  }

  /** Routing's new decision for a request (no assignee: unassigned). */
  async setRouting(
    db: Db,
    id: string,
    routing: {
      assigneeId: string | null;
      status: RequestStatus;
      tier: number | null;
      reason: string;
      coverage: string | null;
      facts: string | null;
    },
  ): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET assignee_id = $2, assigned_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, status = $3,
              routing_tier = $4, routing_reason = $5, routing_coverage = $6, routing_facts = $7 WHERE id = $1`,
      [id, routing.assigneeId, routing.status, routing.tier, routing.reason, routing.coverage, routing.facts],
    );
  }

  /** The new status, with resolved_at and closed_at set on the way there and cleared by a reopening. */
  async setStatus(db: Db, id: string, to: RequestStatus, reopen: boolean): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET status = $2,
              resolved_at = CASE WHEN $2 = 'resolved' THEN now() WHEN $3 THEN NULL ELSE resolved_at END,
              closed_at = CASE WHEN $2 = 'closed' THEN now() WHEN $3 THEN NULL ELSE closed_at END
       WHERE id = $1`,
      [id, to, reopen],
    );
  }

  /** Gives the request to someone; a new request becomes assigned. */
  async setAssignee(db: Db, id: string, assigneeId: string): Promise<void> {
    await sqlRun(
      db,
      `UPDATE requests SET assignee_id = $2, assigned_at = now(), status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END WHERE id = $1`,
      [id, assigneeId],
    );
  }

  async organizationName(db: Db, requestId: string): Promise<RowOf<OrganizationEntity, 'name'>> {
    const row = await sqlRow<RowOf<OrganizationEntity, 'name'>>(
      db,
      `SELECT o.name FROM requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
      [requestId],
    );
    return row!;
  }

  /** Who made the request's latest change (its latest timeline event); null: nobody named (a job, the system). */
  async lastChangedBy(db: Db, requestId: string): Promise<string | null> {
    const row = await sqlRow<RowOf<UserEntity, 'name'>>(
      db,
      `SELECT u.name FROM request_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.request_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT 1`,
      [requestId],
    );
    return row?.name ?? null;
  }

  /** A change: a new version, and the time of the last one. */
  async touch(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE requests SET updated_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  /** One timeline event; clock_timestamp(), not now(): events of one transaction keep the order they happened in. */
  async insertEvent(
    db: Db,
    event: {
      requestId: string;
      actorId: string | null;
      type: TimelineEventType;
      from: string | null;
      to: string | null;
      reason: string | null;
    },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      db,
      // Strictly after the request's latest event: two events of one change (assigned, then
      // status_changed) keep their order even where the clock's resolution is a millisecond
      // (PGlite), as the timeline sorts by time. The request is locked by the caller.
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, GREATEST(clock_timestamp(),
         (SELECT max(e.created_at) + interval '1 microsecond' FROM request_events e WHERE e.request_id = $1)))
       RETURNING id`,
      [event.requestId, event.actorId, event.type, event.from, event.to, event.reason],
    );
    return row!.id;
  }
}
