import type { Priority, RequestStatus } from '@portal/shared';
import { addBusinessHours, type BusinessCalendar } from '../../sla/business-time';
import { fill, PHRASE_BANKS, type PhraseBank, type Slots, type Topic } from './phrases';
import type { Random } from './random';
import type { MemberPerson, StaffPerson } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How a request still open at the end of the history stands, for the inboxes of the demo's
 * staff: each should hold one of each on the day the portal first starts.
 */
export type Fate = 'overdue' | 'fresh' | 'waiting' | 'in-progress';
export const FATES: readonly Fate[] = ['overdue', 'fresh', 'waiting', 'in-progress'];

export interface PlannedFile {
  name: string;
  title: string;
}

/** One thing someone does to the request, at a time; case-apply.ts applies them with the API's rules. */
export type Action =
  | { kind: 'message'; at: number; actorId: string; internal: boolean; body: string; file: PlannedFile | null }
  | { kind: 'file'; at: number; actorId: string; file: PlannedFile }
  | { kind: 'status'; at: number; actorId: string; to: RequestStatus; reason: string | null }
  | { kind: 'assign'; at: number; actorId: string; targetId: string; reason: string | null; escalation: boolean }
  | { kind: 'rate'; at: number; actorId: string }
  | { kind: 'autoclose'; at: number };

export interface CasePlanContext {
  rng: Random;
  now: number;
  filedAt: number;
  member: MemberPerson;
  topic: Topic;
  slots: Slots;
  priority: Priority;
  calendar: BusinessCalendar;
  resolutionHours: number;
  /** Who routing gave it to (null: nobody covers it; an admin assigns it). */
  assignee: StaffPerson | null;
  /** The director an escalation goes to. */
  director: StaffPerson | null;
  /** Others who cover the request and are available, who could take it over. */
  colleagues: readonly StaffPerson[];
  admin: StaffPerson | null;
  /** Fates the assignee's inbox still lacks, most wanted first. */
  wanted: readonly Fate[];
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(at: number, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

const firstName = (name: string) => name.split(' ')[0];
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const choose = <T>(list: readonly T[], u: number) => list[Math.floor(u * list.length)];
const bankOf = (person: { language: string }): PhraseBank =>
  PHRASE_BANKS[person.language as keyof typeof PHRASE_BANKS] ?? PHRASE_BANKS.es;

/**
 * The course of one request, as the actions of the people involved: the natural one drawn
 * from the distributions below, or, for a recent request whose assignee's inbox still lacks
 * one, a fate that leaves it open in that state at the end (overdue, waiting on the member,
 * a fresh reply from the member, in progress). Staff act in their business hours (the
 * country's calendar), members while awake; nothing after `now` is kept (case-apply.ts).
 */
export function planCase(c: CasePlanContext): { actions: Action[]; fate: Fate | null } {
  const { rng, now, filedAt: t0, topic, slots } = c;
  const bank = bankOf(c.member);
  const timeZone = c.calendar.timeZone;
  const text = (template: string) => fill(template, slots);
  const businessTime = (from: number, hours: number) =>
    addBusinessHours(new Date(from), Math.max(0.05, hours), c.calendar).getTime() + rng.int(45_000);
  // Members write while awake (07:00–21:00 where they live).
  const awake = (from: number, hours: number) => {
    const at = Math.round(from + hours * HOUR);
    const hour = localHour(at, timeZone);
    return hour >= 7 && hour < 21 ? at : at + ((7 - hour + 24) % 24) * HOUR - (at % HOUR) + rng.int(90) * MINUTE;
  };

  // Every draw first, in one order, so that a choice made below does not shift the others.
  const urgent = c.priority === 'urgent';
  const d = {
    fileAtFiling: rng.chance(0.06),
    withdraw: rng.chance(0.035),
    withdrawAfter: rng.lognormal(10, 0.8),
    frHours: rng.lognormal(urgent ? 1.2 : c.priority === 'high' ? 3 : 5, 0.85),
    noteFirst: rng.chance(0.12),
    asks: rng.chance(0.45),
    askInReply: rng.chance(0.5),
    askAfter: rng.lognormal(4, 0.8),
    answerAfter: rng.lognormal(28, 0.9),
    answerFile: rng.chance(0.55),
    reassign: rng.chance(0.05),
    reassignAfter: rng.lognormal(2, 0.8),
    escalate: rng.chance(0.03),
    escalateAfter: rng.lognormal(4, 0.8),
    directorNote: rng.chance(0.6),
    followUp: rng.chance(0.5),
    followUpAfter: rng.lognormal(8, 0.9),
    thanks: rng.chance(0.35),
    thanksAfter: rng.lognormal(6, 0.8),
    note: rng.chance(0.2),
    noteAfter: rng.lognormal(2, 0.8),
    resolveAfter: rng.lognormal(urgent ? 4 : 10, 0.9),
    staffFile: rng.chance(0.25),
    reopen: rng.chance(0.04),
    reopenAfter: rng.lognormal(50, 0.6),
    resumeAfter: rng.lognormal(3, 0.8),
    resolveAgainAfter: rng.lognormal(6, 0.8),
    rated: rng.chance(0.6),
    rateAfter: rng.lognormal(18, 1),
    confirm: rng.chance(0.45),
    confirmAfter: rng.lognormal(26, 0.8),
    closeJob: 20_000 + rng.int(60_000),
    freshAgo: 20 * MINUTE + rng.int(4.5 * HOUR),
    texts: Array.from({ length: 8 }, () => rng.next()),
    target: rng.next(),
    minutes: Array.from({ length: 4 }, () => MINUTE + rng.int(2 * MINUTE)),
  };

  const actions: Action[] = [];
  const memberId = c.member.id;
  const memberFile: PlannedFile = { name: topic.memberFile, title: capitalize(text(topic.subject)) };
  const staffFile: PlannedFile = { name: topic.staffFile, title: capitalize(text(topic.subject)) };
  let staff = c.assignee;
  let cursor = t0;

  if (d.fileAtFiling) actions.push({ kind: 'file', at: t0 + d.minutes[0], actorId: memberId, file: memberFile });
  if (!staff) {
    // Nobody available covered it: it waited in the admins' triage queue.
    const target = c.colleagues[0];
    if (!c.admin || !target) return { actions, fate: null };
    cursor = businessTime(t0, 3);
    actions.push({
      kind: 'assign',
      at: cursor,
      actorId: c.admin.id,
      targetId: target.id,
      reason: null,
      escalation: false,
    });
    staff = target;
  }
  const letter = (body: string, by: StaffPerson) =>
    `${bank.greeting(firstName(c.member.name))}\n\n${body}\n\n${bank.signature(by.name)}`;
  const note = (at: number, by: StaffPerson, u: number) =>
    actions.push({
      kind: 'message',
      at,
      actorId: by.id,
      internal: true,
      body: choose(bankOf(by).notes, u),
      file: null,
    });

  const frAt = businessTime(cursor, d.frHours);
  const ageDays = (now - t0) / DAY;
  const feasible: Record<Fate, () => boolean> = {
    overdue: () =>
      ageDays >= 10 &&
      ageDays <= 35 &&
      frAt < now - HOUR &&
      addBusinessHours(new Date(t0), c.resolutionHours + 1, c.calendar).getTime() < now - 2 * HOUR,
    fresh: () => ageDays >= 2 && ageDays <= 12 && frAt < now - 8 * HOUR,
    waiting: () => ageDays >= 1.5 && ageDays <= 12 && frAt < now - 4 * HOUR,
    'in-progress': () => ageDays >= 0.5 && ageDays <= 10 && frAt < now - HOUR,
  };
  const fate = c.assignee ? (c.wanted.find((f) => feasible[f]()) ?? null) : null;

  if (!fate && d.withdraw) {
    const at = awake(t0, d.withdrawAfter);
    if (at < frAt) {
      actions.push({
        kind: 'status',
        at,
        actorId: memberId,
        to: 'withdrawn',
        reason: choose(bank.withdraw, d.texts[0]),
      });
      return { actions, fate };
    }
  }
  if (d.noteFirst) note(businessTime(cursor, d.frHours / 2), staff, d.texts[1]);

  const asks = fate === 'waiting' || fate === 'fresh' ? true : fate ? false : d.asks;
  const askInReply = fate === 'waiting' || fate === 'fresh' ? true : d.askInReply;
  actions.push({
    kind: 'message',
    at: frAt,
    actorId: staff.id,
    internal: false,
    body: letter(text(topic.reply) + (asks && askInReply ? `\n\n${text(topic.ask)}` : ''), staff),
    file: null,
  });
  cursor = frAt;
  if (asks) {
    if (!askInReply) {
      cursor = businessTime(cursor, d.askAfter);
      actions.push({
        kind: 'message',
        at: cursor,
        actorId: staff.id,
        internal: false,
        body: text(topic.ask),
        file: null,
      });
    }
    cursor += d.minutes[1];
    actions.push({
      kind: 'status',
      at: cursor,
      actorId: staff.id,
      to: 'waiting_on_member',
      reason: d.texts[2] < 0.5 ? choose(bank.waiting, d.texts[3]) : null,
    });
    if (fate === 'waiting') return { actions, fate };
    cursor = fate === 'fresh' ? now - d.freshAgo : awake(cursor, d.answerAfter);
    actions.push({
      kind: 'message',
      at: cursor,
      actorId: memberId,
      internal: false,
      body: text(topic.answer),
      file: d.answerFile || fate === 'fresh' ? memberFile : null,
    });
    if (fate === 'fresh') return { actions, fate };
  }
  if (fate === 'in-progress' || fate === 'overdue') {
    // Worked on, not finished: news now and then, never the resolution.
    const at = businessTime(cursor, d.followUpAfter);
    if (d.followUp && at < now)
      actions.push({ kind: 'message', at, actorId: staff.id, internal: false, body: text(topic.followUp), file: null });
    return { actions, fate };
  }

  const others = c.colleagues.filter((person) => person.id !== staff!.id);
  if (d.reassign && others.length > 0) {
    const target = choose(others, d.target);
    const director = c.director && c.director.id !== staff.id && c.director.id !== target.id ? c.director : null;
    const actor = director ?? staff;
    cursor = businessTime(cursor, d.reassignAfter);
    actions.push({
      kind: 'assign',
      at: cursor,
      actorId: actor.id,
      targetId: target.id,
      reason: choose(bankOf(actor).reassignment, d.texts[4]),
      escalation: false,
    });
    staff = target;
  }
  if (
    d.escalate &&
    c.director &&
    c.director.id !== staff.id &&
    (staff.role === 'representative' || staff.role === 'specialist')
  ) {
    cursor = businessTime(cursor, d.escalateAfter);
    actions.push({
      kind: 'assign',
      at: cursor,
      actorId: staff.id,
      targetId: c.director.id,
      reason: choose(bankOf(staff).escalation, d.texts[5]),
      escalation: true,
    });
    staff = c.director;
    if (d.directorNote) {
      cursor = businessTime(cursor, 1.5);
      note(cursor, staff, d.texts[6]);
    }
  }
  if (d.followUp) {
    cursor = businessTime(cursor, d.followUpAfter);
    actions.push({
      kind: 'message',
      at: cursor,
      actorId: staff.id,
      internal: false,
      body: text(topic.followUp),
      file: null,
    });
    if (d.thanks) {
      cursor = awake(cursor, d.thanksAfter);
      actions.push({
        kind: 'message',
        at: cursor,
        actorId: memberId,
        internal: false,
        body: choose(bank.thanks, d.texts[7]),
        file: null,
      });
    }
  }
  if (d.note) {
    cursor = businessTime(cursor, d.noteAfter);
    note(cursor, staff, d.texts[1]);
  }

  cursor = businessTime(cursor, d.resolveAfter);
  actions.push({
    kind: 'message',
    at: cursor,
    actorId: staff.id,
    internal: false,
    body: letter(text(topic.resolution), staff),
    file: d.staffFile ? staffFile : null,
  });
  cursor += d.minutes[2];
  actions.push({ kind: 'status', at: cursor, actorId: staff.id, to: 'resolved', reason: null });
  let resolvedAt = cursor;

  const reopenAt = awake(resolvedAt, d.reopenAfter);
  if (d.reopen && reopenAt - resolvedAt < 13 * DAY) {
    actions.push({
      kind: 'status',
      at: reopenAt,
      actorId: memberId,
      to: 'in_progress',
      reason: choose(bank.reopen, d.texts[0]),
    });
    cursor = businessTime(reopenAt, d.resumeAfter);
    actions.push({ kind: 'message', at: cursor, actorId: staff.id, internal: false, body: bank.resumed, file: null });
    cursor = businessTime(cursor, d.resolveAgainAfter);
    actions.push({
      kind: 'message',
      at: cursor,
      actorId: staff.id,
      internal: false,
      body: bank.resolvedAgain,
      file: null,
    });
    cursor += d.minutes[3];
    actions.push({ kind: 'status', at: cursor, actorId: staff.id, to: 'resolved', reason: null });
    resolvedAt = cursor;
  }

  const rateAt = awake(resolvedAt, d.rateAfter);
  const confirmAt = awake(resolvedAt, d.confirmAfter);
  if (d.confirm && confirmAt < resolvedAt + 6.5 * DAY) {
    actions.push({ kind: 'status', at: confirmAt, actorId: memberId, to: 'closed', reason: null });
  } else {
    // Left resolved: the scheduled job closes it 7 days after its last touch (a rating touches it).
    const lastTouch = d.rated && rateAt < resolvedAt + 7 * DAY ? Math.max(resolvedAt, rateAt) : resolvedAt;
    actions.push({ kind: 'autoclose', at: lastTouch + 7 * DAY + d.closeJob });
  }
  if (d.rated) actions.push({ kind: 'rate', at: rateAt, actorId: memberId });
  // Stable: actions of one moment keep the order they were planned in.
  actions.sort((a, b) => a.at - b.at);
  return { actions, fate };
}
