import { createHash } from 'node:crypto';
import {
  allowedTransitions,
  AUTO_CLOSE_DAYS,
  type CaseAction,
  type CaseActor,
  isReopen,
  mayActOnCase,
  mayAssignTo,
  OPEN_STATUSES,
  type Priority,
  type RequestStatus,
  type ThematicArea,
  transitionAction,
} from '@portal/shared';
import { detectContentType, nameForContentType, sanitizeFileName } from '../../attachments/file-type';
import type { NotificationKind } from '../../notifications/templates';
import type { RoutingDecision } from '../../requests/routing/routing-engine';
import { addBusinessHours, type BusinessCalendar, businessMinutesBetween } from '../../sla/business-time';
import type { Action, PlannedFile } from './case-plan';
import { barChartPng, fieldPng, tinyPdf } from './files';
import { PHRASE_BANKS } from './phrases';
import type { Random } from './random';
import type {
  AttachmentRow,
  DemoOrganization,
  EventRow,
  HistoryCase,
  MemberPerson,
  MessageRow,
  NotificationRow,
  RequestRow,
  StaffPerson,
} from './types';

const DAY = 86_400_000;
const AUTO_CLOSE_REASON = `Closed automatically after ${AUTO_CLOSE_DAYS} days without activity`;
const WORKS_CASES = new Set(['representative', 'specialist', 'director', 'admin']);
const SWEPT = new Set<RequestStatus>(['new', 'assigned', 'in_progress']);
const OPEN = new Set<RequestStatus>(OPEN_STATUSES);

export interface CaseFrame {
  rng: Random;
  now: number;
  id: string;
  filedAt: number;
  subject: string;
  description: string;
  priority: Priority;
  area: ThematicArea;
  organization: DemoOrganization;
  member: MemberPerson;
  region: string;
  calendar: BusinessCalendar;
  policy: { firstResponseHours: number; resolutionHours: number };
  route: RoutingDecision;
  staffById: ReadonlyMap<string, StaffPerson>;
  /** The region's active directors: told of breaches. */
  directors: readonly StaffPerson[];
  /** How long after a due time the SLA sweep (a scheduled job) noticed it. */
  sweepDelay: number;
}

export interface AppliedCase {
  history: HistoryCase;
  /** Who had it open when (routing's load). */
  openSpans: { personId: string; from: number; to: number }[];
  /** When each person was given it. */
  assignments: { personId: string; at: number }[];
  /** Its state at `now`. */
  final: { status: RequestStatus; assigneeId: string | null; breached: boolean; lastMemberMessageAt: number | null };
}

/**
 * Applies a planned course to a new request as the API would have, one action at a time, and
 * writes the rows the API would have written: the request as it stands at `now`, its messages,
 * timeline events, files and notifications. Each action goes through the same checks as live:
 * the lifecycle table (shared/src/lifecycle.ts), the case-permission table, who may be given a
 * case; a planned action they refuse is a bug here, and throws. Between actions the SLA clock
 * runs in business time (paused while waiting on the member) and the breach sweep flags what
 * is overdue. Actions after `now` have not happened yet.
 */
export function applyCase(frame: CaseFrame, actions: readonly Action[]): AppliedCase {
  const { rng, now, id, staffById } = frame;
  const member = frame.member;
  const t0 = frame.filedAt;
  const messages: MessageRow[] = [];
  const events: EventRow[] = [];
  const attachments: AttachmentRow[] = [];
  const notifications: NotificationRow[] = [];
  const openSpans: AppliedCase['openSpans'] = [];
  const assignments: AppliedCase['assignments'] = [];

  const due = (pausedMinutes: number) => ({
    firstResponse: addBusinessHours(
      new Date(t0),
      frame.policy.firstResponseHours + pausedMinutes / 60,
      frame.calendar,
    ).getTime(),
    resolution: addBusinessHours(
      new Date(t0),
      frame.policy.resolutionHours + pausedMinutes / 60,
      frame.calendar,
    ).getTime(),
  });
  const assignee0 = frame.route.assignee?.id ?? null;
  const r: RequestRow = {
    id,
    createdAt: t0,
    subject: frame.subject,
    description: frame.description,
    status: assignee0 ? 'assigned' : 'new',
    priority: frame.priority,
    area: frame.area,
    organizationId: frame.organization.id,
    country: frame.organization.country,
    region: frame.region,
    assigneeId: assignee0,
    assignedAt: assignee0 ? t0 : null,
    createdBy: member.id,
    updatedAt: t0,
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    escalated: false,
    routingTier: frame.route.tier,
    routingReason: frame.route.reason,
    routingCoverage: frame.route.coverage,
    routingFacts: frame.route.facts,
    firstResponseDueAt: 0,
    resolutionDueAt: 0,
    breached: false,
    satisfactionScore: null,
    satisfactionComment: null,
    version: 1,
    slaPausedAt: null,
    slaPausedMinutes: 0,
    publicText: '',
    internalText: '',
  };
  const targets = due(0);
  r.firstResponseDueAt = targets.firstResponse;
  r.resolutionDueAt = targets.resolution;

  // Rows of one request keep the order they were written in (the API's clock_timestamp()).
  let clock = t0 - 1;
  const stamp = (at: number) => (clock = Math.max(at, clock + 1));
  const personName = (personId: string) => (personId === member.id ? member.name : staffById.get(personId)!.name);
  const actorOf = (personId: string): CaseActor =>
    personId === member.id
      ? { id: personId, role: 'member', region: null, organizationId: frame.organization.id }
      : {
          id: personId,
          role: staffById.get(personId)!.role,
          region: staffById.get(personId)!.region,
          organizationId: null,
        };
  const check = (personId: string, action: CaseAction) => {
    if (
      !mayActOnCase(
        actorOf(personId),
        { assigneeId: r.assigneeId, region: r.region, organizationId: r.organizationId },
        action,
      )
    ) {
      throw new Error(`demo history: ${personId} may not ${action} on ${id} (${r.status})`);
    }
  };
  const base = { subject: r.subject };
  const notify = (
    recipientId: string | null,
    kind: NotificationKind,
    eventKey: string,
    at: number,
    params: Record<string, string | undefined>,
  ) => {
    if (!recipientId) return;
    const clean = Object.fromEntries(
      Object.entries({ ...base, ...params }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    // Read within hours once it is a day or two old; the last ones are mostly still unread.
    const readAt =
      at < now - 1.5 * DAY
        ? Math.min(now - 60_000, at + rng.lognormal(5, 1) * 3_600_000)
        : rng.chance(0.25)
          ? Math.min(now - 60_000, at + rng.int(3_600_000))
          : null;
    notifications.push({
      recipientId,
      kind,
      requestId: id,
      eventKey,
      params: clean,
      createdAt: at,
      readAt: readAt !== null && readAt > at ? readAt : null,
    });
  };
  const event = (
    at: number,
    actorId: string | null,
    type: EventRow['type'],
    from: string | null,
    to: string | null,
    reason: string | null = null,
  ) => {
    const row: EventRow = { id: rng.uuid(), requestId: id, actorId, type, from, to, reason, createdAt: stamp(at) };
    events.push(row);
    return row;
  };
  const touch = (at: number) => {
    r.version++;
    r.updatedAt = at;
  };

  // Routing's load: a span per stretch the request is open in someone's hands.
  let spanFrom = t0;
  const closeSpan = (at: number) => {
    if (r.assigneeId && OPEN.has(r.status) && at > spanFrom)
      openSpans.push({ personId: r.assigneeId, from: spanFrom, to: at });
    spanFrom = at;
  };

  // The SLA sweep, run every minute: flags an open request (not waiting on the member) once past a due time.
  const sweep = (until: number) => {
    if (r.breached || !SWEPT.has(r.status)) return;
    const dueAt = Math.min(r.firstRespondedAt === null ? r.firstResponseDueAt : Infinity, r.resolutionDueAt);
    const at = dueAt + frame.sweepDelay;
    if (at >= until) return;
    r.breached = true;
    const assignee = r.assigneeId ? staffById.get(r.assigneeId)!.name : undefined;
    const recipients = new Set([...frame.directors.map((d) => d.id), ...(r.assigneeId ? [r.assigneeId] : [])]);
    for (const recipient of recipients) notify(recipient, 'request.breached', `breach:${id}`, at, { assignee });
  };

  const setStatus = (
    at: number,
    actorId: string | null,
    to: RequestStatus,
    reason: string | null,
    options: { notify: boolean },
  ) => {
    const from = r.status;
    const reopen = isReopen(from, to);
    const row = event(at, actorId, 'status_changed', from, to, reason);
    closeSpan(row.createdAt);
    r.resolvedAt = to === 'resolved' ? row.createdAt : reopen ? null : r.resolvedAt;
    r.closedAt = to === 'closed' ? row.createdAt : reopen ? null : r.closedAt;
    if (to === 'waiting_on_member' && r.slaPausedAt === null) r.slaPausedAt = row.createdAt;
    if (from === 'waiting_on_member' && r.slaPausedAt !== null) {
      r.slaPausedMinutes += businessMinutesBetween(new Date(r.slaPausedAt), new Date(row.createdAt), frame.calendar);
      r.slaPausedAt = null;
      const moved = due(r.slaPausedMinutes);
      r.firstResponseDueAt = moved.firstResponse;
      r.resolutionDueAt = moved.resolution;
    }
    touch(row.createdAt);
    r.status = to;
    if (!options.notify) return;
    const recipient = actorId === member.id ? r.assigneeId : r.createdBy;
    if (recipient && recipient !== actorId) {
      notify(
        recipient,
        to === 'resolved' ? 'request.resolved' : 'request.status_changed',
        `event:${row.id}`,
        row.createdAt,
        { from, to, reason: reason ?? undefined },
      );
    }
  };

  const attach = (at: number, uploadedBy: string, messageId: string | null, file: PlannedFile) => {
    const lines = [
      `${frame.organization.name}`,
      ...(messageId ? wrap(messages[messages.length - 1].body.replace(/\n+/g, ' '), 88) : [frame.description]),
    ];
    const bank =
      PHRASE_BANKS[uploadedBy === member.id ? member.language : staffById.get(uploadedBy)!.language] ?? PHRASE_BANKS.es;
    const content = file.name.endsWith('.png')
      ? /(foto|photo|damage|danos|degats)/.test(file.name)
        ? fieldPng(Array.from({ length: 36 }, () => rng.next()))
        : barChartPng(Array.from({ length: 6 }, () => 0.2 + 0.8 * rng.next()))
      : tinyPdf(file.title, [
          ...lines,
          '',
          `${bank.document.prepared}: ${personName(uploadedBy)}`,
          `${bank.document.date}: ${new Date(at).toISOString().slice(0, 10)}`,
          bank.document.page,
        ]);
    // Named and typed by the upload path's own rules (attachments.service.ts: the type read from the bytes, the name checked against it).
    const sanitized = sanitizeFileName(file.name);
    const contentType = detectContentType(content, sanitized);
    const name = contentType ? nameForContentType(sanitized, contentType) : null;
    if (!contentType || !name) throw new Error(`demo history: the upload path would refuse ${file.name}`);
    attachments.push({
      id: rng.uuid(),
      requestId: id,
      messageId,
      uploadedBy,
      fileName: name,
      contentType,
      sha256: createHash('sha256').update(content).digest('hex'),
      storageKey: rng.uuid(),
      createdAt: stamp(at + 2_000),
      content,
    });
  };

  const giveTo = (
    at: number,
    actorId: string,
    targetId: string,
    type: 'assigned' | 'escalated',
    reason: string | null,
  ) => {
    const target = staffById.get(targetId)!;
    if (['resolved', 'closed', 'withdrawn'].includes(r.status))
      throw new Error(`demo history: ${id} is ${r.status}, it cannot be given to anyone`);
    if (!WORKS_CASES.has(target.role) || !target.available || targetId === r.assigneeId)
      throw new Error(`demo history: ${id} cannot go to ${target.name}`);
    const previous = r.assigneeId ? staffById.get(r.assigneeId)!.name : null;
    const wasNew = r.status === 'new';
    const row = event(at, actorId, type, previous, target.name, reason);
    closeSpan(row.createdAt);
    r.assigneeId = targetId;
    r.assignedAt = row.createdAt;
    if (wasNew) {
      r.status = 'assigned';
      event(at, actorId, 'status_changed', 'new', 'assigned');
    }
    assignments.push({ personId: targetId, at: row.createdAt });
    touch(row.createdAt);
    if (targetId !== actorId) {
      notify(
        targetId,
        type === 'escalated' ? 'request.escalated' : 'request.assigned',
        `event:${row.id}`,
        row.createdAt,
        {
          organization: frame.organization.name,
          author: personName(actorId),
          reason: reason ?? undefined,
        },
      );
    }
  };

  // Filed and routed, in one transaction.
  event(t0, member.id, 'created', null, 'new');
  spanFrom = event(t0, null, 'routed', null, frame.route.assignee?.name ?? null, frame.route.reason).createdAt;
  if (assignee0) {
    assignments.push({ personId: assignee0, at: t0 });
    notify(assignee0, 'request.assigned', `request:${id}:routed`, t0, { organization: frame.organization.name });
  }

  let lastMemberMessageAt: number | null = null;
  for (const action of actions) {
    if (action.at > now) break;
    sweep(action.at);
    switch (action.kind) {
      case 'message': {
        const staff = action.actorId !== member.id;
        check(action.actorId, action.internal ? 'internal-note' : 'reply');
        if (r.status === 'closed' || r.status === 'withdrawn')
          throw new Error(`demo history: a message on ${r.status} ${id}`);
        const message: MessageRow = {
          id: rng.uuid(),
          requestId: id,
          authorId: action.actorId,
          body: action.body,
          internal: action.internal,
          createdAt: stamp(action.at),
        };
        messages.push(message);
        if (action.internal) r.internalText += ` ${action.body}`;
        else r.publicText += ` ${action.body}`;
        r.updatedAt = message.createdAt;
        if (staff && !action.internal) {
          r.firstRespondedAt ??= message.createdAt;
          // A staff reply to an assigned request means the work has started.
          if (r.status === 'assigned')
            setStatus(message.createdAt, action.actorId, 'in_progress', null, { notify: false });
        }
        if (!staff) {
          lastMemberMessageAt = message.createdAt;
          if (r.status === 'waiting_on_member')
            setStatus(message.createdAt, action.actorId, 'in_progress', null, { notify: false });
        }
        const recipient = action.internal ? null : staff ? r.createdBy : r.assigneeId;
        if (recipient && recipient !== action.actorId) {
          const excerpt = action.body.length > 300 ? `${action.body.slice(0, 297)}…` : action.body;
          notify(recipient, 'request.reply', `message:${message.id}`, message.createdAt, {
            author: personName(action.actorId),
            excerpt,
          });
        }
        if (action.file) attach(message.createdAt, action.actorId, message.id, action.file);
        break;
      }
      case 'file': {
        check(action.actorId, 'reply');
        if (r.status === 'closed' || r.status === 'withdrawn')
          throw new Error(`demo history: a file on ${r.status} ${id}`);
        attach(action.at, action.actorId, null, action.file);
        break;
      }
      case 'status': {
        const actor = actorOf(action.actorId);
        const lifecycle = allowedTransitions(r.status, actor.role, {
          resolvedAt: r.resolvedAt === null ? null : new Date(r.resolvedAt),
          now: new Date(action.at),
        });
        if (!lifecycle.includes(action.to))
          throw new Error(`demo history: ${r.status} → ${action.to} by ${actor.role} is not in the lifecycle (${id})`);
        check(action.actorId, transitionAction(action.to));
        setStatus(action.at, action.actorId, action.to, action.reason, { notify: true });
        break;
      }
      case 'assign': {
        const target = staffById.get(action.targetId)!;
        const actor = actorOf(action.actorId);
        if (action.escalation) {
          check(action.actorId, 'escalate');
          giveTo(action.at, action.actorId, action.targetId, 'escalated', action.reason);
          r.escalated = true;
        } else {
          check(action.actorId, action.targetId === action.actorId ? 'claim' : 'reassign');
          if (
            !mayAssignTo(
              actor,
              { role: target.role, region: target.region, coverageRegions: target.coverageRegions },
              r.region,
            )
          ) {
            throw new Error(`demo history: ${actor.id} may not give ${id} to ${target.name}`);
          }
          giveTo(action.at, action.actorId, action.targetId, 'assigned', action.reason);
        }
        break;
      }
      case 'rate': {
        check(action.actorId, 'rate');
        if ((r.status !== 'resolved' && r.status !== 'closed') || r.satisfactionScore !== null)
          throw new Error(`demo history: ${id} cannot be rated now`);
        // Members who waited past the deadline rate lower.
        const scores = r.breached ? [5, 4, 4, 3, 3, 2, 1] : [5, 5, 5, 5, 4, 4, 4, 3, 2];
        const score = scores[rng.int(scores.length)];
        const bank = PHRASE_BANKS[member.language] ?? PHRASE_BANKS.es;
        const comments = score >= 4 ? bank.comments.good : score === 3 ? bank.comments.fair : bank.comments.poor;
        const comment = rng.chance(0.55) ? comments[rng.int(comments.length)] : null;
        r.satisfactionScore = score;
        r.satisfactionComment = comment;
        const row = event(action.at, action.actorId, 'rated', null, String(score), comment);
        touch(row.createdAt);
        break;
      }
      case 'autoclose': {
        // The scheduled job: resolved and untouched for AUTO_CLOSE_DAYS.
        if (r.status !== 'resolved' || Math.max(r.resolvedAt!, r.updatedAt) >= action.at - AUTO_CLOSE_DAYS * DAY)
          throw new Error(`demo history: ${id} is not due to close by itself`);
        setStatus(action.at, null, 'closed', AUTO_CLOSE_REASON, { notify: false });
        const row = events[events.length - 1];
        notify(r.createdBy, 'request.status_changed', `event:${row.id}`, row.createdAt, {
          from: 'resolved',
          to: 'closed',
        });
        break;
      }
    }
  }
  sweep(now);
  closeSpan(Infinity);
  return {
    history: { request: r, messages, events, attachments, notifications },
    openSpans,
    assignments,
    final: { status: r.status, assigneeId: r.assigneeId, breached: r.breached, lastMemberMessageAt },
  };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 12);
}
