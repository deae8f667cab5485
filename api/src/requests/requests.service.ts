import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  allowedTransitions,
  can,
  type CaseAction,
  isReopen,
  isStaff,
  LIMITS,
  mayActOnCase,
  type MessageView,
  type CursorPage,
  type RequestDetailView,
  type RequestStatus,
  type RequestView,
  rolesSeeing,
  type RoutingPreview,
  type TimelineEventType,
  transitionAction,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { AppConfig } from '../config/app-config';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationKind } from '../notifications/templates';
import { ReferenceService } from '../reference/reference.service';
import { SlaService } from '../sla/sla.service';
import { ListCursors } from './list-cursor';
import { authorizeAssignee, authorizeCaseAction, caseActor, caseFacts } from './case-permissions';
import { REQUEST_COLUMNS, REQUEST_JOINS, RequestViewsRepository, toRequestView } from './request-views.repository';
import { visibilityScope } from './request-scope';
import type {
  AssignDto,
  CreateMessageDto,
  CreateRequestDto,
  EscalateDto,
  ListRequestsQueryDto,
  SatisfactionDto,
  TransitionDto,
  UpdateRequestDto,
} from './requests.dto';
import {
  RequestClosedException,
  RequestForbiddenException,
  StaleVersionException,
  TransitionNotAllowedException,
} from './requests.exceptions';
import { RoutingService } from './routing/routing.service';

/** The row a command works on, locked for the rest of its transaction. */
interface LockedRequest {
  id: string;
  reference: string;
  subject: string;
  created_by: string;
  organization_id: string;
  status: RequestStatus;
  assignee_id: string | null;
  region_code: string;
  country_code: string;
  area_code: string;
  priority: string;
  resolved_at: Date | null;
  version: number;
  escalated: boolean;
  now: Date;
}

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

const IDEMPOTENCY_WINDOW_HOURS = 24;

@Injectable()
export class RequestsService {
  private readonly cursors: ListCursors;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViewsRepository,
    private readonly routing: RoutingService,
    private readonly reference: ReferenceService,
    private readonly sla: SlaService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {
    this.cursors = new ListCursors(config.JWT_SECRET!);
  }

  /**
   * A page of the requests the caller may see: by page number (OFFSET, for short lists), or
   * after a `cursor` from the previous page's nextCursor (at the same cost at any depth).
   * The total is exact up to LIST_EXACT_TOTAL_LIMIT, else that limit with totalIsExact false.
   */
  async list(caller: AuthUser, query: ListRequestsQueryDto): Promise<CursorPage<RequestView>> {
    const sort = query.sort ?? '-createdAt';
    const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
    // Checked before any SQL: a cursor altered, made up or given to someone else is a 400.
    const cursor = query.cursor === undefined ? null : this.cursors.decode(caller.id, sort, query.cursor);
    const pageSize = query.pageSize ?? LIMITS.pageSizeDefault;
    const page = cursor?.page ?? query.page ?? 1;
    const result = await this.views.list(caller, {
      status: query.status?.split(','),
      area: query.area,
      country: query.country,
      region: query.region,
      assignee: query.assignee?.toLowerCase() === 'me' ? caller.id : query.assignee?.toLowerCase(),
      organization: query.organization,
      // An empty search box means no search, not "match nothing".
      q: query.q?.trim() ? query.q : undefined,
      breached: query.breached,
      escalated: query.escalated,
      from: query.from ? new Date(query.from.length === 10 ? `${query.from}T00:00:00Z` : query.from) : undefined,
      to: query.to ? (query.to.length === 10 ? dayAfter(query.to) : new Date(query.to)) : undefined,
      sort: { field: sort.replace(/^-/, '') as 'createdAt', descending: sort.startsWith('-') },
      page,
      pageSize,
      after: cursor?.position,
      exactTotalLimit: this.config.LIST_EXACT_TOTAL_LIMIT,
    });
    return {
      items: result.items,
      total: result.total,
      totalIsExact: result.totalIsExact,
      page,
      pageSize,
      nextCursor: result.next ? this.cursors.encode(caller.id, sort, { page: page + 1, position: result.next }) : null,
    };
  }

  async get(caller: AuthUser, id: string): Promise<RequestDetailView> {
    const request = await this.views.findVisible(caller, id);
    if (!request) throw new NotFoundException('request');
    const { timeline, attachments } = await this.views.timeline(caller, id);
    const lifecycle = allowedTransitions(request.status, caller.role, {
      resolvedAt: request.resolvedAt ? new Date(request.resolvedAt) : null,
      now: new Date(),
    });
    // Only those the caller may make on this case (a colleague's case offers none).
    const facts = {
      assigneeId: request.assignee?.id ?? null,
      region: request.region,
      organizationId: request.organization.id,
    };
    const allowed = lifecycle.filter((to) => mayActOnCase(caseActor(caller), facts, transitionAction(to)));
    return { ...request, timeline, attachments, allowedTransitions: allowed };
  }

  /**
   * Files a request for the caller's organization and routes it in the same transaction.
   * With an Idempotency-Key, the first answer is stored with it (in that transaction too)
   * and replayed for 24 hours; concurrent retries wait on an advisory lock for the key.
   */
  async create(caller: AuthUser, body: CreateRequestDto, idempotencyKey?: string): Promise<IdempotentAnswer> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([body.area, body.subject, body.description, body.priority ?? 'normal']))
      .digest('hex');
    return this.dataSource.transaction(async (db) => {
      if (idempotencyKey) {
        await db.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [caller.id, idempotencyKey]);
        const [stored] = await db.query(
          `SELECT fingerprint, status_code, response FROM idempotency_keys
           WHERE user_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
          [caller.id, idempotencyKey, IDEMPOTENCY_WINDOW_HOURS],
        );
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw new ConflictException(
              'requests.idempotency-key-reused',
              'This Idempotency-Key was already used for a different request.',
            );
          }
          return { status: stored.status_code, body: stored.response, replayed: true };
        }
      }
      const request = await this.insertRequest(db, caller, body);
      if (idempotencyKey) {
        await db.query(
          `INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, response) VALUES ($1, $2, $3, 201, $4)
           ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status_code = 201, response = EXCLUDED.response, created_at = now()`,
          [caller.id, idempotencyKey, fingerprint, JSON.stringify(request)],
        );
      }
      return { status: 201, body: request, replayed: false };
    });
  }

  /**
   * The reference counter's row lock (one row per year: numbers without gaps) is held until
   * COMMIT and every submission waits for it, so it is taken as late as possible and followed
   * by as few statements as possible: everything that does not need the new request's number
   * — routing with its locks, the SLA due times (counted from now(), the transaction's start,
   * which is the request's created_at), the assignee's last assignment — happens before; one
   * statement takes the number, inserts the request and reads it back as the API shows it
   * (what findVisible reads: the member sees its organization's requests); its two timeline
   * events are one statement; then the outbox and the Idempotency-Key rows, and COMMIT.
   */
  private async insertRequest(db: EntityManager, caller: AuthUser, body: CreateRequestDto): Promise<RequestView> {
    const [organization] = await db.query(
      `SELECT o.id, o.country_code, c.region_code, o.active, now() AS now FROM organizations o JOIN countries c ON c.code = o.country_code WHERE o.id = $1`,
      [caller.organizationId],
    );
    if (!organization?.active) throw new RequestForbiddenException('Your organization is not active in the portal.');
    const decision = await this.routing.routeForUpdate(db, {
      country: organization.country_code,
      region: organization.region_code,
      area: body.area,
    });
    const priority = body.priority ?? 'normal';
    const due = await this.sla.targets(db, {
      country: organization.country_code,
      area: body.area,
      priority,
      createdAt: organization.now,
      pausedMinutes: 0,
    });
    const assigneeId = decision.assignee?.id ?? null;
    if (assigneeId) await db.query(`UPDATE users SET last_assigned_at = now() WHERE id = $1`, [assigneeId]);
    const [row] = await db.query(
      `WITH counter AS (
         INSERT INTO request_reference_counters (year, last_value) VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = request_reference_counters.last_value + 1
         RETURNING 'SR-' || year || '-' || lpad(last_value::text, greatest(6, length(last_value::text)), '0') AS reference),
       r AS (
         INSERT INTO requests (reference, subject, description, status, priority, area_code, organization_id, country_code, region_code,
                               assignee_id, assigned_at, created_by, routing_tier, routing_reason, routing_coverage,
                               first_response_due_at, resolution_due_at, search_public)
         SELECT counter.reference, $1::text, $2::text, $3::text, $4::text, $5::text, $6::uuid, $7::text, $8::text,
                $9::uuid, CASE WHEN $9::uuid IS NULL THEN NULL ELSE now() END, $10::uuid, $11::smallint, $12::text, $13::jsonb,
                $14::timestamptz, $15::timestamptz, to_tsvector('simple', unaccent(counter.reference || ' ' || $1::text || ' ' || $2::text))
         FROM counter
         RETURNING *)
       SELECT ${REQUEST_COLUMNS} FROM r ${REQUEST_JOINS}`,
      [
        body.subject,
        body.description,
        assigneeId ? 'assigned' : 'new',
        priority,
        body.area,
        organization.id,
        organization.country_code,
        organization.region_code,
        assigneeId,
        caller.id,
        decision.tier,
        decision.reason,
        decision.coverage ? JSON.stringify(decision.coverage) : null,
        due.firstResponseDueAt,
        due.resolutionDueAt,
      ],
    );
    const view = toRequestView(row, caller);
    // The two events of one statement, a microsecond apart: they keep their order in the timeline.
    await db.query(
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       SELECT $1, e.actor_id, e.type, e.from_value, e.to_value, e.reason, t.now + e.n * interval '1 microsecond'
       FROM (SELECT clock_timestamp() AS now) t,
            (VALUES ($2::uuid, 'created', NULL, 'new', NULL, 0), (NULL, 'routed', NULL, $3::text, $4::text, 1)) AS e(actor_id, type, from_value, to_value, reason, n)`,
      [view.id, caller.id, decision.assignee?.name ?? null, decision.reason],
    );
    if (assigneeId) {
      await this.notify(db, assigneeId, 'request.assigned', view.id, `request:${view.id}:routed`, {
        reference: view.reference,
        subject: view.subject,
        organization: view.organization.name,
      });
    }
    return view;
  }

  async update(caller: AuthUser, id: string, body: UpdateRequestDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      // Each detail sent is its own action; a body with neither asks for both.
      const actions: CaseAction[] = body.priority === undefined && body.area === undefined ? ['priority', 'area'] : [];
      if (body.priority !== undefined) actions.push('priority');
      if (body.area !== undefined) actions.push('area');
      for (const action of actions) authorizeCaseAction(caller, request, action);
      if (request.version !== body.version) throw new StaleVersionException(request.version);
      if (['closed', 'withdrawn'].includes(request.status)) throw new RequestClosedException(request.status);
      let changed = false;
      if (body.priority && body.priority !== request.priority) {
        await db.query(`UPDATE requests SET priority = $2 WHERE id = $1`, [id, body.priority]);
        await this.event(db, id, caller.id, 'priority_changed', request.priority, body.priority);
        changed = true;
      }
      if (body.area && body.area !== request.area_code) {
        await db.query(`UPDATE requests SET area_code = $2 WHERE id = $1`, [id, body.area]);
        await this.event(db, id, caller.id, 'area_changed', request.area_code, body.area);
        changed = true;
      }
      if (changed) {
        // New area or priority, new targets: the SLA policy is per area and priority.
        await this.sla.refresh(db, id);
        await this.touch(db, id);
      }
      return (await this.views.findVisible(caller, id, db))!;
    });
  }

  async addMessage(caller: AuthUser, id: string, body: CreateMessageDto): Promise<MessageView> {
    const staff = isStaff(caller.role);
    const internal = body.internal === true;
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      authorizeCaseAction(caller, request, internal ? 'internal-note' : 'reply');
      if (request.status === 'closed' || request.status === 'withdrawn')
        throw new RequestClosedException(request.status);
      const [message] = await db.query(
        `INSERT INTO request_messages (request_id, author_id, body, internal, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())
         RETURNING id, created_at`,
        [id, caller.id, body.body, internal],
      );
      const searchColumn = internal ? 'search_internal' : 'search_public';
      await db.query(
        `UPDATE requests SET ${searchColumn} = ${searchColumn} || to_tsvector('simple', unaccent($2)), updated_at = now() WHERE id = $1`,
        [id, body.body],
      );
      const [author] = await db.query(`SELECT name, role FROM users WHERE id = $1`, [caller.id]);
      if (staff && !internal) {
        await db.query(`UPDATE requests SET first_responded_at = COALESCE(first_responded_at, now()) WHERE id = $1`, [
          id,
        ]);
        // A staff reply to an assigned request means the work has started.
        if (request.status === 'assigned')
          await this.setStatus(db, request, caller.id, 'in_progress', null, { notify: false });
      }
      if (!staff && request.status === 'waiting_on_member')
        await this.setStatus(db, request, caller.id, 'in_progress', null, { notify: false });
      // Public replies reach the other side: staff replies the member who filed the request,
      // member replies the assignee. Internal notes notify nobody outside staff's own view.
      const recipient = internal ? null : staff ? request.created_by : request.assignee_id;
      if (recipient && recipient !== caller.id) {
        await this.notify(db, recipient, 'request.reply', id, `message:${message.id}`, {
          reference: request.reference,
          subject: request.subject,
          author: author.name,
          excerpt: body.body.length > 300 ? `${body.body.slice(0, 297)}…` : body.body,
        });
      }
      return {
        id: message.id,
        body: body.body,
        internal,
        author: { id: caller.id, name: author.name, role: author.role },
        createdAt: message.created_at.toISOString(),
        attachments: [],
      };
    });
  }

  async transition(caller: AuthUser, id: string, body: TransitionDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      // The lifecycle first (no such change from here: 409 with those the caller may make),
      // then whether this caller may make it on this case (403).
      const lifecycle = allowedTransitions(request.status, caller.role, {
        resolvedAt: request.resolved_at,
        now: request.now,
      });
      if (!lifecycle.includes(body.to)) {
        const allowed = lifecycle.filter((to) =>
          mayActOnCase(caseActor(caller), caseFacts(request), transitionAction(to)),
        );
        throw new TransitionNotAllowedException(request.status, body.to, allowed);
      }
      authorizeCaseAction(caller, request, transitionAction(body.to));
      await this.setStatus(db, request, caller.id, body.to, body.reason ?? null);
      return (await this.views.findVisible(caller, id, db))!;
    });
  }

  /**
   * Gives the request to someone: to the caller itself a claim, to another a reassignment
   * (the case-permission table says who may), and by anyone but an admin only to someone who
   * may work in the request's region.
   */
  async assign(caller: AuthUser, id: string, body: AssignDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      authorizeCaseAction(caller, request, body.assigneeId.toLowerCase() === caller.id ? 'claim' : 'reassign');
      if (['resolved', 'closed', 'withdrawn'].includes(request.status))
        throw new RequestClosedException(request.status);
      // The region of each coverage entry: its own, its country's, or none (an area anywhere).
      const [assignee] = await db.query(
        `SELECT u.id, u.name, u.role, u.active, u.available, u.region_code,
                ARRAY(SELECT COALESCE(c.region_code, k.region_code) FROM coverage_entries c LEFT JOIN countries k ON k.code = c.country_code
                      WHERE c.user_id = u.id) AS coverage_regions
         FROM users u WHERE u.id = $1 FOR UPDATE OF u`,
        [body.assigneeId],
      );
      if (!assignee || !assignee.active || !can(assignee.role, 'requests.work')) {
        throw new ValidationException({ assigneeId: ['must be an active staff member who works cases'] });
      }
      if (!assignee.available)
        throw new ValidationException({ assigneeId: ['this person is not available (leave or vacancy)'] });
      if (assignee.id === request.assignee_id)
        throw new ConflictException('requests.already-assigned', 'The request is already assigned to this person.');
      authorizeAssignee(caller, request, {
        role: assignee.role,
        region: assignee.region_code,
        coverageRegions: assignee.coverage_regions,
      });
      await this.reassign(db, request, caller.id, assignee, 'assigned', body.reason ?? null);
      return this.views.findHandedOn(caller, id, db);
    });
  }

  /** Hands the request to its region's director, with a reason, and flags it as escalated. */
  async escalate(caller: AuthUser, id: string, body: EscalateDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      authorizeCaseAction(caller, request, 'escalate');
      if (['resolved', 'closed', 'withdrawn'].includes(request.status))
        throw new RequestClosedException(request.status);
      const [director] = await db.query(
        `SELECT id, name FROM users WHERE role = ANY ($2::text[]) AND region_code = $1 AND active ORDER BY available DESC, id LIMIT 1 FOR UPDATE`,
        [request.region_code, rolesSeeing('region')],
      );
      if (!director)
        throw new ConflictException('requests.no-director', 'The region has no active director to escalate to.');
      if (request.escalated && request.assignee_id === director.id) {
        throw new ConflictException('requests.already-escalated', 'The request is already escalated to the director.');
      }
      await this.reassign(db, request, caller.id, director, 'escalated', body.reason);
      await db.query(`UPDATE requests SET escalated = true WHERE id = $1`, [id]);
      return this.views.findHandedOn(caller, id, db);
    });
  }

  async rate(caller: AuthUser, id: string, body: SatisfactionDto): Promise<{ score: number; comment: string | null }> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      authorizeCaseAction(caller, request, 'rate');
      if (request.status !== 'resolved' && request.status !== 'closed') {
        throw new ConflictException('requests.not-resolved', 'A request can be rated once it is resolved.');
      }
      const [rated] = await db.query(`SELECT satisfaction_score FROM requests WHERE id = $1`, [id]);
      if (rated.satisfaction_score !== null)
        throw new ConflictException('requests.already-rated', 'This request has already been rated.');
      await db.query(`UPDATE requests SET satisfaction_score = $2, satisfaction_comment = $3 WHERE id = $1`, [
        id,
        body.score,
        body.comment ?? null,
      ]);
      await this.event(db, id, caller.id, 'rated', null, String(body.score), body.comment ?? null);
      await this.touch(db, id);
      return { score: body.score, comment: body.comment ?? null };
    });
  }

  /**
   * A staff member left (deactivated): each of its open requests goes back through routing,
   * which no longer sees the person. Nobody available: the request waits unassigned in the
   * triage queue (an 'assigned' one becomes 'new' again; work in progress keeps its status).
   */
  async rerouteOpenRequestsOf(db: EntityManager, userId: string, actorId: string): Promise<void> {
    const open: { id: string }[] = await db.query(
      `SELECT id FROM requests WHERE assignee_id = $1 AND status IN ('assigned', 'in_progress', 'waiting_on_member') ORDER BY created_at FOR UPDATE`,
      [userId],
    );
    const [departing] = await db.query(`SELECT name FROM users WHERE id = $1`, [userId]);
    for (const { id } of open) {
      const [request] = await db.query(
        `SELECT r.id, r.reference, r.subject, r.status, r.country_code, r.region_code, r.area_code, o.name AS organization
         FROM requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
        [id],
      );
      const decision = await this.routing.routeForUpdate(db, {
        country: request.country_code,
        region: request.region_code,
        area: request.area_code,
      });
      const assigneeId = decision.assignee?.id ?? null;
      const status = assigneeId === null && request.status === 'assigned' ? 'new' : request.status;
      await db.query(
        `UPDATE requests SET assignee_id = $2, assigned_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, status = $3,
                routing_tier = $4, routing_reason = $5, routing_coverage = $6 WHERE id = $1`,
        [
          id,
          assigneeId,
          status,
          decision.tier,
          decision.reason,
          decision.coverage ? JSON.stringify(decision.coverage) : null,
        ],
      );
      const eventId = await this.event(
        db,
        id,
        actorId,
        'routed',
        departing.name,
        decision.assignee?.name ?? null,
        `${departing.name} was deactivated. ${decision.reason}`,
      );
      if (status !== request.status) await this.event(db, id, actorId, 'status_changed', request.status, status);
      await this.touch(db, id);
      if (assigneeId) {
        await db.query(`UPDATE users SET last_assigned_at = now() WHERE id = $1`, [assigneeId]);
        await this.notify(db, assigneeId, 'request.assigned', id, `event:${eventId}`, {
          reference: request.reference,
          subject: request.subject,
          organization: request.organization,
        });
      }
    }
  }

  async previewRouting(country: string, area: string): Promise<RoutingPreview> {
    const known = this.reference.countries('en').find((c) => c.code === country);
    if (!known) throw new ValidationException({ country: ['not a country the network serves'] });
    const decision = await this.routing.preview(this.dataSource.manager, { country, region: known.region, area });
    return { tier: decision.tier, assignee: decision.assignee, reason: decision.reason };
  }

  /** Locks a request the caller may see; 404 when it is absent or invisible. */
  private async lockVisible(db: EntityManager, caller: AuthUser, id: string): Promise<LockedRequest> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    const [row] = await db.query(
      `SELECT r.id, r.reference, r.subject, r.created_by, r.organization_id, r.status, r.assignee_id, r.region_code, r.country_code, r.area_code, r.priority, r.resolved_at, r.version, r.escalated,
              now() AS now
       FROM requests r WHERE r.id = $1 AND ${scope} FOR UPDATE OF r`,
      params,
    );
    if (!row) throw new NotFoundException('request');
    return row;
  }

  private async setStatus(
    db: EntityManager,
    request: LockedRequest,
    actorId: string,
    to: RequestStatus,
    reason: string | null,
    options: { notify: boolean } = { notify: true },
  ): Promise<void> {
    const from = request.status;
    const reopen = isReopen(from, to);
    await db.query(
      `UPDATE requests SET status = $2,
              resolved_at = CASE WHEN $2 = 'resolved' THEN now() WHEN $3 THEN NULL ELSE resolved_at END,
              closed_at = CASE WHEN $2 = 'closed' THEN now() WHEN $3 THEN NULL ELSE closed_at END
       WHERE id = $1`,
      [request.id, to, reopen],
    );
    const eventId = await this.event(db, request.id, actorId, 'status_changed', from, to, reason);
    // The SLA clock stops while the request waits on the member.
    if (to === 'waiting_on_member') await this.sla.pause(db, request.id);
    if (from === 'waiting_on_member') await this.sla.resume(db, request.id);
    await this.touch(db, request.id);
    request.status = to;
    if (!options.notify) return;
    // Staff's changes are news for the member who filed it; the member's own (withdraw,
    // confirm, reopen) are news for the assignee.
    const [actor] = await db.query(`SELECT role FROM users WHERE id = $1`, [actorId]);
    const recipient = actor && can(actor.role, 'requests.file') ? request.assignee_id : request.created_by;
    if (recipient && recipient !== actorId) {
      const kind = to === 'resolved' ? 'request.resolved' : 'request.status_changed';
      await this.notify(db, recipient, kind, request.id, `event:${eventId}`, {
        reference: request.reference,
        subject: request.subject,
        from,
        to,
        reason: reason ?? undefined,
      });
    }
  }

  private async reassign(
    db: EntityManager,
    request: LockedRequest,
    actorId: string,
    assignee: { id: string; name: string },
    eventType: 'assigned' | 'escalated',
    reason: string | null,
  ): Promise<void> {
    const [previous] = request.assignee_id
      ? await db.query(`SELECT name FROM users WHERE id = $1`, [request.assignee_id])
      : [null];
    await db.query(
      `UPDATE requests SET assignee_id = $2, assigned_at = now(), status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END WHERE id = $1`,
      [request.id, assignee.id],
    );
    await db.query(`UPDATE users SET last_assigned_at = now() WHERE id = $1`, [assignee.id]);
    const eventId = await this.event(db, request.id, actorId, eventType, previous?.name ?? null, assignee.name, reason);
    if (request.status === 'new') await this.event(db, request.id, actorId, 'status_changed', 'new', 'assigned');
    await this.touch(db, request.id);
    if (assignee.id !== actorId) {
      const [actor] = await db.query(`SELECT name FROM users WHERE id = $1`, [actorId]);
      const [organization] = await db.query(
        `SELECT o.name FROM requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
        [request.id],
      );
      await this.notify(
        db,
        assignee.id,
        eventType === 'escalated' ? 'request.escalated' : 'request.assigned',
        request.id,
        `event:${eventId}`,
        {
          reference: request.reference,
          subject: request.subject,
          organization: organization.name,
          author: actor.name,
          reason: reason ?? undefined,
        },
      );
    }
  }

  private notify(
    db: EntityManager,
    recipientId: string,
    kind: NotificationKind,
    requestId: string,
    eventKey: string,
    params: Parameters<NotificationsService['enqueue']>[1][number]['params'],
  ): Promise<void> {
    return this.notifications.enqueue(db, [{ recipientId, kind, requestId, eventKey, params }]);
  }

  private async touch(db: EntityManager, id: string): Promise<void> {
    await db.query(`UPDATE requests SET updated_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  private async event(
    db: EntityManager,
    requestId: string,
    actorId: string | null,
    type: TimelineEventType,
    from: string | null,
    to: string | null,
    reason: string | null = null,
  ): Promise<string> {
    // clock_timestamp(), not now(): events of one transaction keep the order they happened in.
    const [row] = await db.query(
      `INSERT INTO request_events (request_id, actor_id, type, from_value, to_value, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp()) RETURNING id`,
      [requestId, actorId, type, from, to, reason],
    );
    return row.id;
  }
}
