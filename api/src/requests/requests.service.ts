import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  allowedTransitions,
  type AssigneeCandidate,
  can,
  type CoverageEntry,
  coverageTier,
  directsRegion,
  mayAssignTo,
  mayWorkInRegion,
  type CaseAction,
  isReopen,
  isStaff,
  LIMITS,
  mayActOnCase,
  type MessageView,
  type CursorPage,
  type RequestDetailView,
  type RequestListItem,
  type RequestStatus,
  type RequestView,
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
import { RequestReadsRepository } from './request-reads.repository';
import { RequestViewsRepository, toRequestView } from './request-views.repository';
import { type CoverageRow, type LockedRequest, RequestsRepository } from './requests.repository';
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
    private readonly repository: RequestsRepository,
    private readonly reads: RequestReadsRepository,
  ) {
    this.cursors = new ListCursors(config.JWT_SECRET!);
  }

  /**
   * A page of the requests the caller may see: by page number (OFFSET, for short lists), or
   * after a `cursor` from the previous page's nextCursor (at the same cost at any depth).
   * The total is exact up to LIST_EXACT_TOTAL_LIMIT (a search whose words are checked on the
   * requests in scope: SEARCH_EXACT_TOTAL_LIMIT), else that limit with totalIsExact false.
   */
  async list(caller: AuthUser, query: ListRequestsQueryDto): Promise<CursorPage<RequestListItem>> {
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
      createdBy: query.createdBy === 'me' ? caller.id : undefined,
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
      searchExactTotalLimit: this.config.SEARCH_EXACT_TOTAL_LIMIT,
    });
    // A member's list marks the requests with a staff reply they have not opened.
    const unread = isStaff(caller.role)
      ? null
      : await this.reads.unreadAmong(
          caller.id,
          result.items.map((item) => item.id),
        );
    return {
      items: unread ? result.items.map((item) => ({ ...item, unread: unread.has(item.id) })) : result.items,
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
    // Opened by a member: its staff replies are read (the marker in their list goes).
    if (!isStaff(caller.role)) await this.reads.markSeen(caller.id, id);
    const { timeline: events, attachments } = await this.views.timeline(caller, id);
    // The routing event keeps an English line; staff read it in their language, as the
    // request's routing says it (members get no reason there). Once re-routed (a deactivated
    // person's cases) each event keeps its own line: the request's routing is the latest only.
    const routedEvents = events.filter((entry) => entry.type === 'event' && entry.event === 'routed');
    const timeline = events.map((entry) =>
      routedEvents.length === 1 && entry === routedEvents[0] && entry.type === 'event' && entry.reason !== null
        ? { ...entry, reason: request.routing.reason }
        : entry,
    );
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
    return this.dataSource.transaction((db) =>
      this.onceForKey(db, caller, idempotencyKey, fingerprint, () => this.insertRequest(db, caller, body)),
    );
  }

  /**
   * Runs `work` once per (caller, Idempotency-Key) within the window, inside the caller's
   * transaction: a retry with the same key and content gets the first answer again; the same
   * key with other content is refused (409). Concurrent retries wait on an advisory lock.
   */
  private async onceForKey(
    db: EntityManager,
    caller: AuthUser,
    idempotencyKey: string | undefined,
    fingerprint: string,
    work: () => Promise<unknown>,
  ): Promise<IdempotentAnswer> {
    if (idempotencyKey) {
      await this.repository.lockIdempotencyKey(db, caller.id, idempotencyKey);
      const stored = await this.repository.storedAnswer(db, caller.id, idempotencyKey, IDEMPOTENCY_WINDOW_HOURS);
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
    const answer = await work();
    if (idempotencyKey) await this.repository.storeAnswer(db, caller.id, idempotencyKey, fingerprint, answer);
    return { status: 201, body: answer, replayed: false };
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
  private async insertRequest(
    db: EntityManager,
    caller: AuthUser,
    body: CreateRequestDto,
    routeAs: { anyArea: boolean } = { anyArea: false },
  ): Promise<RequestView> {
    const organization = await this.repository.filingOrganization(db, caller.organizationId);
    if (!organization?.active) throw new RequestForbiddenException('Your organization is not active in the portal.');
    const decision = await this.routing.routeForUpdate(db, {
      country: organization.country_code,
      region: organization.region_code,
      // No coverage names the empty area: only "any area" entries match (the country's representative, the director).
      area: routeAs.anyArea ? '' : body.area,
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
    if (assigneeId) await this.repository.markAssigned(db, assigneeId);
    const row = await this.repository.insertRequest(db, {
      subject: body.subject,
      description: body.description,
      status: assigneeId ? 'assigned' : 'new',
      priority,
      area: body.area,
      organizationId: organization.id,
      country: organization.country_code,
      region: organization.region_code,
      assigneeId,
      createdBy: caller.id,
      routingTier: decision.tier,
      routingReason: decision.reason,
      routingCoverage: decision.coverage ? JSON.stringify(decision.coverage) : null,
      routingFacts: decision.facts ? JSON.stringify(decision.facts) : null,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      firstResponseWarnAt: due.firstResponseWarnAt,
      resolutionWarnAt: due.resolutionWarnAt,
    });
    const view = toRequestView(row, caller);
    await this.repository.insertCreationEvents(
      db,
      view.id,
      caller.id,
      decision.assignee?.name ?? null,
      decision.reason,
    );
    if (assigneeId) {
      await this.notify(db, assigneeId, 'request.assigned', view.id, `request:${view.id}:routed`, {
        reference: view.reference,
        subject: view.subject,
        organization: view.organization.name,
      });
    }
    // The member's receipt, in the same outbox: sent once, retried, withheld only by "no emails".
    await this.notify(db, caller.id, 'request.received', view.id, `request:${view.id}:received`, {
      reference: view.reference,
      subject: view.subject,
      assignee: decision.assignee?.name,
      country: organization.country_code,
      dueAt: view.sla.firstResponseDueAt ?? undefined,
      timeZone: this.reference.countries('en').find((c) => c.code === organization.country_code)?.timezone,
    });
    return view;
  }

  /**
   * A request filed by email (api/src/inbound-mail), inside the caller's transaction, with the
   * usual routing, receipt and notifications. `anyArea`: mailed to no area's address, so it is
   * routed as "any area" — to the country's representative, who sorts it.
   */
  fileByEmail(db: EntityManager, caller: AuthUser, body: CreateRequestDto, anyArea: boolean): Promise<RequestView> {
    return this.insertRequest(db, caller, body, { anyArea });
  }

  /** A public reply by email (api/src/inbound-mail), inside the caller's transaction: the same rules and lifecycle as the portal's. */
  replyByEmail(db: EntityManager, caller: AuthUser, id: string, body: string): Promise<MessageView> {
    return this.insertMessage(db, caller, id, { body });
  }

  async update(caller: AuthUser, id: string, body: UpdateRequestDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      // Each detail sent is its own action; a body with neither asks for both.
      const actions: CaseAction[] = body.priority === undefined && body.area === undefined ? ['priority', 'area'] : [];
      if (body.priority !== undefined) actions.push('priority');
      if (body.area !== undefined) actions.push('area');
      for (const action of actions) authorizeCaseAction(caller, request, action);
      await this.refuseStale(db, request, body.version);
      if (['closed', 'withdrawn'].includes(request.status)) throw new RequestClosedException(request.status);
      let changed = false;
      if (body.priority && body.priority !== request.priority) {
        await this.repository.setPriority(db, id, body.priority);
        await this.event(db, id, caller.id, 'priority_changed', request.priority, body.priority);
        changed = true;
      }
      if (body.area && body.area !== request.area_code) {
        await this.repository.setArea(db, id, body.area);
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

  /** With an Idempotency-Key (a reply queued offline), a retry answers the first message again. */
  async addMessage(
    caller: AuthUser,
    id: string,
    body: CreateMessageDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(['message', id, body.body, body.internal === true]))
      .digest('hex');
    return this.dataSource.transaction((db) =>
      this.onceForKey(db, caller, idempotencyKey, fingerprint, () => this.insertMessage(db, caller, id, body)),
    );
  }

  private async insertMessage(
    db: EntityManager,
    caller: AuthUser,
    id: string,
    body: CreateMessageDto,
  ): Promise<MessageView> {
    const staff = isStaff(caller.role);
    const internal = body.internal === true;
    const request = await this.lockVisible(db, caller, id);
    authorizeCaseAction(caller, request, internal ? 'internal-note' : 'reply');
    // Optional here (older clients send none): the staff page sends what it loaded, so a
    // reply written while a colleague changed the case is refused, not sent blind.
    if (body.version !== undefined) await this.refuseStale(db, request, body.version);
    if (request.status === 'closed' || request.status === 'withdrawn') throw new RequestClosedException(request.status);
    const message = await this.repository.insertMessage(db, id, caller.id, body.body, internal);
    await this.repository.addSearchText(db, id, body.body, internal);
    const author = (await this.repository.userNameAndRole(db, caller.id))!;
    if (staff && !internal) {
      await this.repository.markFirstResponse(db, id);
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
  }

  /** `expectedVersion` (a bulk change): a request changed since the caller saw it is refused (409). */
  async transition(caller: AuthUser, id: string, body: TransitionDto, expectedVersion?: number): Promise<RequestView> {
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
      if (expectedVersion !== undefined) await this.refuseStale(db, request, expectedVersion);
      await this.setStatus(db, request, caller.id, body.to, body.reason ?? null);
      return (await this.views.findVisible(caller, id, db))!;
    });
  }

  /**
   * Whom the caller may give the request to (the reassign dialog's list): active staff who
   * work cases and accepted their invitation, who may work in its region (an admin gives to
   * anyone), but its assignee; each with the coverage entries that match the request. Those
   * whose coverage matches come first (best routing tier first), then the region's director,
   * then the others; available before unavailable, fewer open cases first.
   */
  async assignees(caller: AuthUser, id: string, search: string | undefined): Promise<AssigneeCandidate[]> {
    const request = await this.views.findVisible(caller, id);
    if (!request) throw new NotFoundException('request');
    authorizeCaseAction(
      caller,
      {
        assignee_id: request.assignee?.id ?? null,
        region_code: request.region,
        organization_id: request.organization.id,
      },
      'reassign',
    );
    const target = { country: request.country, region: request.region, area: request.area };
    const rows = await this.repository.staffCandidates(
      this.dataSource.manager,
      request.assignee?.id ?? null,
      search?.trim() ? search.trim() : null,
    );
    const candidates = rows
      .filter((row) =>
        mayAssignTo(
          caseActor(caller),
          { role: row.role, region: row.region_code, coverageRegions: row.coverage.map((c) => c.entry_region) },
          request.region,
        ),
      )
      .map((row): AssigneeCandidate => {
        const coverage = row.coverage.map(coverageEntry).filter((entry) => coverageTier(entry, target) !== null);
        const tiers = coverage.map((entry) => coverageTier(entry, target)!);
        return {
          id: row.id,
          name: row.name,
          role: row.role,
          available: row.available && row.away_until_now === null,
          awayUntil: row.away_until_now?.toISOString() ?? null,
          openCases: row.open_cases,
          tier: tiers.length > 0 ? (Math.min(...tiers) as AssigneeCandidate['tier']) : null,
          coverage,
          regionDirector: directsRegion(row.role) && row.region_code === request.region,
        };
      });
    const rank = (c: AssigneeCandidate) => c.tier ?? (c.regionDirector ? 6 : 7);
    return candidates.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(b.available) - Number(a.available) ||
        a.openCases - b.openCases ||
        a.name.localeCompare(b.name),
    );
  }

  /**
   * Gives the request to someone: to the caller itself a claim, to another a reassignment
   * (the case-permission table says who may), and by anyone but an admin only to someone who
   * may work in the request's region.
   */
  async assign(caller: AuthUser, id: string, body: AssignDto, expectedVersion?: number): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      const claim = body.assigneeId.toLowerCase() === caller.id;
      // A claim may rest on the caller's coverage (staff taking an unassigned case of it).
      const coverage = claim ? (await this.repository.coverageOf(db, caller.id)).map(coverageEntry) : undefined;
      authorizeCaseAction(caller, request, claim ? 'claim' : 'reassign', coverage);
      if (expectedVersion !== undefined) await this.refuseStale(db, request, expectedVersion);
      if (['resolved', 'closed', 'withdrawn'].includes(request.status))
        throw new RequestClosedException(request.status);
      const assignee = await this.repository.lockAssigneeCandidate(db, body.assigneeId);
      if (!assignee || !assignee.active || !can(assignee.role, 'requests.work')) {
        throw new ValidationException({ assigneeId: ['must be an active staff member who works cases'] });
      }
      if (assignee.invitation_pending)
        throw new ValidationException({ assigneeId: ['this person has not accepted the invitation yet'] });
      if (!assignee.available)
        throw new ValidationException({ assigneeId: ['this person is not available (leave or vacancy)'] });
      // Away now: routing skips the person, and so does a hand-over (taking one's own case back is not one).
      if (assignee.away_now && !claim)
        throw new ValidationException({ assigneeId: ['this person is away now (see its absence)'] });
      if (assignee.id === request.assignee_id)
        throw new ConflictException('requests.already-assigned', 'The request is already assigned to this person.');
      authorizeAssignee(caller, request, {
        role: assignee.role,
        region: assignee.region_code,
        coverageRegions: assignee.coverage_regions,
      });
      // The web app asks for a note when a case changes hands (the timeline shows it); the API
      // keeps `reason` optional, as its contract has always said, for the clients written to it.
      await this.reassign(db, request, caller.id, assignee, 'assigned', body.reason ?? null);
      return this.views.findHandedOn(caller, id, db);
    });
  }

  /** The caller takes the request (POST /requests/{id}/claim). */
  claim(caller: AuthUser, id: string): Promise<RequestView> {
    return this.assign(caller, id, { assigneeId: caller.id });
  }

  /** Hands the request to its region's director, with a reason, and flags it as escalated. */
  async escalate(caller: AuthUser, id: string, body: EscalateDto): Promise<RequestView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.lockVisible(db, caller, id);
      authorizeCaseAction(caller, request, 'escalate');
      if (['resolved', 'closed', 'withdrawn'].includes(request.status))
        throw new RequestClosedException(request.status);
      const director = await this.repository.lockRegionDirector(db, request.region_code);
      if (!director)
        throw new ConflictException('requests.no-director', 'The region has no active director to escalate to.');
      if (request.escalated && request.assignee_id === director.id) {
        throw new ConflictException('requests.already-escalated', 'The request is already escalated to the director.');
      }
      await this.reassign(db, request, caller.id, director, 'escalated', body.reason);
      await this.repository.markEscalated(db, id);
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
      if ((await this.repository.satisfactionScore(db, id)) !== null)
        throw new ConflictException('requests.already-rated', 'This request has already been rated.');
      await this.repository.setSatisfaction(db, id, body.score, body.comment ?? null);
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
    const open = await this.repository.lockOpenRequestsOf(db, userId);
    const departing = (await this.repository.userName(db, userId))!;
    for (const { id } of open) {
      const request = await this.repository.reroutedRequest(db, id);
      const decision = await this.routing.routeForUpdate(db, {
        country: request.country_code,
        region: request.region_code,
        area: request.area_code,
      });
      const assigneeId = decision.assignee?.id ?? null;
      const status = assigneeId === null && request.status === 'assigned' ? 'new' : request.status;
      await this.repository.setRouting(db, id, {
        assigneeId,
        status,
        tier: decision.tier,
        reason: decision.reason,
        coverage: decision.coverage ? JSON.stringify(decision.coverage) : null,
        facts: decision.facts ? JSON.stringify(decision.facts) : null,
      });
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
        await this.repository.markAssigned(db, assigneeId);
        await this.notify(db, assigneeId, 'request.assigned', id, `event:${eventId}`, {
          reference: request.reference,
          subject: request.subject,
          organization: request.organization,
        });
      }
    }
  }

  /**
   * A person going away hands its open requests to its replacement (PUT /me/absence with
   * handOverOpenCases): each one the replacement may work — in a region it works in, the
   * case-permission table's rule for giving a case (mayWorkInRegion) — moves, with a timeline
   * event saying who gave it to whom and why; the others stay with the person.
   */
  async handOverOpenRequestsOf(
    db: EntityManager,
    userId: string,
    replacementId: string,
    reason: string,
  ): Promise<{ moved: number; stayed: number }> {
    const replacement = await this.repository.lockAssigneeCandidate(db, replacementId);
    const open = await this.repository.lockOpenRequestsWithDetailsOf(db, userId);
    if (!replacement) return { moved: 0, stayed: open.length };
    const staff = {
      role: replacement.role,
      region: replacement.region_code,
      coverageRegions: replacement.coverage_regions,
    };
    let moved = 0;
    for (const request of open) {
      if (!mayWorkInRegion(staff, request.region_code)) continue;
      await this.reassign(db, request, userId, replacement, 'assigned', reason);
      moved += 1;
    }
    return { moved, stayed: open.length - moved };
  }

  async previewRouting(country: string, area: string): Promise<RoutingPreview> {
    const known = this.reference.countries('en').find((c) => c.code === country);
    if (!known) throw new ValidationException({ country: ['not a country the network serves'] });
    const decision = await this.routing.preview(this.dataSource.manager, { country, region: known.region, area });
    return { tier: decision.tier, assignee: decision.assignee, reason: decision.reason };
  }

  /** Locks a request the caller may see; 404 when it is absent or invisible. */
  private async lockVisible(db: EntityManager, caller: AuthUser, id: string): Promise<LockedRequest> {
    const row = await this.repository.lockVisible(db, caller, id);
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
    await this.repository.setStatus(db, request.id, to, reopen);
    const eventId = await this.event(db, request.id, actorId, 'status_changed', from, to, reason);
    // The SLA clock stops while the request waits on the member.
    if (to === 'waiting_on_member') await this.sla.pause(db, request.id);
    if (from === 'waiting_on_member') await this.sla.resume(db, request.id);
    await this.touch(db, request.id);
    request.status = to;
    if (!options.notify) return;
    // Staff's changes are news for the member who filed it; the member's own (withdraw,
    // confirm, reopen) are news for the assignee.
    const actor = await this.repository.userRole(db, actorId);
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
    const previous = request.assignee_id ? await this.repository.userName(db, request.assignee_id) : null;
    await this.repository.setAssignee(db, request.id, assignee.id);
    await this.repository.markAssigned(db, assignee.id);
    const eventId = await this.event(db, request.id, actorId, eventType, previous?.name ?? null, assignee.name, reason);
    if (request.status === 'new') await this.event(db, request.id, actorId, 'status_changed', 'new', 'assigned');
    await this.touch(db, request.id);
    if (assignee.id !== actorId) {
      const actor = (await this.repository.userName(db, actorId))!;
      const organization = await this.repository.organizationName(db, request.id);
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

  /** 409 when the change is based on an older version than the request's; says who changed it since. */
  private async refuseStale(db: EntityManager, request: LockedRequest, version: number): Promise<void> {
    if (request.version !== version)
      throw new StaleVersionException(request.version, await this.repository.lastChangedBy(db, request.id));
  }

  private async touch(db: EntityManager, id: string): Promise<void> {
    await this.repository.touch(db, id);
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
    return this.repository.insertEvent(db, { requestId, actorId, type, from, to, reason });
  }
}

/** A stored coverage entry as the shared shape (only the fields it sets). */
function coverageEntry(row: CoverageRow): CoverageEntry {
  return {
    ...(row.country_code ? { country: row.country_code } : {}),
    ...(row.region_code ? { region: row.region_code as CoverageEntry['region'] } : {}),
    ...(row.area_code ? { area: row.area_code as CoverageEntry['area'] } : {}),
  };
}
