import { createHash } from 'node:crypto';
import {
  ATTACHMENT_LIMITS,
  OPEN_STATUSES,
  REGION_CODES,
  type RequestStatus,
  THEMATIC_AREAS,
  TRANSITIONS,
} from '@portal/shared';
import { detectContentType, nameForContentType, sanitizeFileName } from '../../attachments/file-type';
import { routeRequest } from '../../requests/routing/routing-engine';
import { addBusinessHours, businessMinutesBetween } from '../../sla/business-time';
import { demoHolidays, SEASONS } from './calendar';
import { generateHistory } from './generator';
import { demoHistoryInput, demoIdOf } from './history.fixtures';
import { PHRASE_BANKS } from './phrases';
import type { DemoHistory, HistoryCase, HistoryInput } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday afternoon in the Americas. */
const NOW = Date.parse('2026-11-30T15:20:00Z');
const OPEN = new Set<string>(OPEN_STATUSES);
/** What the API does to a status by itself, besides the lifecycle table's transitions. */
const AUTOMATIC = new Set(['assigned>in_progress', 'waiting_on_member>in_progress', 'resolved>closed', 'new>assigned']);

/** Who holds which request open when, read back from the timelines alone (names are unique among the demo staff). */
function openSpans(input: HistoryInput, cases: readonly HistoryCase[]) {
  const idByName = new Map(input.staff.map((person) => [person.name, person.id]));
  const spans = new Map<string, { requestId: string; from: number; to: number }[]>();
  for (const c of cases) {
    let status: string = 'new';
    let assignee: string | null = null;
    let from = 0;
    const close = (at: number) => {
      if (assignee && OPEN.has(status) && at > from)
        spans.set(assignee, [...(spans.get(assignee) ?? []), { requestId: c.request.id, from, to: at }]);
      from = at;
    };
    for (const e of c.events) {
      if (e.type === 'routed' || e.type === 'assigned' || e.type === 'escalated') {
        close(e.createdAt);
        assignee = e.to ? idByName.get(e.to)! : null;
        if (e.type === 'routed' && assignee) status = 'assigned';
      } else if (e.type === 'status_changed') {
        close(e.createdAt);
        status = e.to!;
      }
    }
    close(Infinity);
  }
  return spans;
}

describe('the demo history', () => {
  let input: HistoryInput;
  let history: DemoHistory;
  beforeAll(() => {
    input = demoHistoryInput(NOW);
    history = generateHistory(input);
  });

  it('is the same for the same seed and moment, and another for another seed', () => {
    const short = (seed: number) => generateHistory({ ...demoHistoryInput(NOW, seed), months: 2 });
    const digest = (h: DemoHistory) =>
      createHash('sha256')
        .update(JSON.stringify(h.cases.map((c) => ({ ...c, attachments: c.attachments.map((f) => f.sha256) }))))
        .digest('hex');
    expect(digest(short(2026))).toBe(digest(short(2026)));
    expect(digest(short(7))).not.toBe(digest(short(2026)));
  });

  it('files a few thousand requests over 18 months, in every region and area, with seasonal peaks', () => {
    const requests = history.cases.map((c) => c.request);
    expect(requests.length).toBeGreaterThan(2000);
    expect(requests.length).toBeLessThan(6000);
    expect(Math.min(...requests.map((r) => r.createdAt))).toBeLessThan(NOW - 17 * 30 * DAY);
    for (const region of REGION_CODES) {
      for (const area of THEMATIC_AREAS)
        expect([region, area, requests.some((r) => r.region === region && r.area === area)]).toEqual([
          region,
          area,
          true,
        ]);
    }
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(['assigned', 'in_progress', 'waiting_on_member', 'resolved', 'closed', 'withdrawn']),
    );
    // Organizations file more in their seasons (harvest, audit, storms or drought) than in their quiet months
    // (per organization and month, the last twelve whole months).
    const firstMonth = Date.UTC(new Date(NOW).getUTCFullYear() - 1, new Date(NOW).getUTCMonth(), 1);
    const lastYear = requests.filter(
      (r) => r.createdAt >= firstMonth && new Date(r.createdAt).getUTCMonth() !== new Date(NOW).getUTCMonth(),
    );
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const seasonal: number[] = [];
    const quiet: number[] = [];
    for (const organization of input.organizations) {
      const seasons = SEASONS[organization.key];
      const months = new Set([...seasons.harvest, ...seasons.audit, ...seasons.climate]);
      const perMonth = new Map<string, number>();
      for (const r of lastYear.filter((x) => x.organizationId === organization.id)) {
        const month = new Date(r.createdAt).toISOString().slice(0, 7);
        perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
      }
      const mine = { seasonal: [] as number[], quiet: [] as number[] };
      for (const [month, n] of perMonth)
        (months.has(Number(month.slice(5))) ? mine.seasonal : mine.quiet).push(n / seasons.perMonth);
      if (mine.quiet.length >= 2)
        expect([organization.key, mean(mine.seasonal) > mean(mine.quiet)]).toEqual([organization.key, true]);
      seasonal.push(...mine.seasonal);
      quiet.push(...mine.quiet);
    }
    expect(mean(seasonal)).toBeGreaterThan(1.25 * mean(quiet));
    // No drought in the rainy season, no storm damage in the dry one.
    const prefixes = (weather: string) =>
      Object.values(PHRASE_BANKS).flatMap((bank) =>
        bank.topics['climate-resilience'].filter((t) => t.weather === weather).map((t) => t.subject.split('{')[0]),
      );
    for (const r of requests.filter((x) => x.area === 'climate-resilience')) {
      const organization = input.organizations.find((o) => o.id === r.organizationId)!;
      const seasons = SEASONS[organization.key];
      const month = Number(
        new Date(r.createdAt)
          .toLocaleDateString('en-CA', { timeZone: input.countries.get(r.country)!.timeZone })
          .slice(5, 7),
      );
      const weather =
        seasons.climate.includes(month) === ((seasons.climateKind ?? 'storm') === 'storm') ? 'storm' : 'dry';
      expect([
        r.subject,
        prefixes(weather === 'storm' ? 'dry' : 'storm').some((prefix) => r.subject.startsWith(prefix)),
      ]).toEqual([r.subject, false]);
    }
    const all = history.cases;
    expect(all.filter((c) => c.request.escalated).length).toBeGreaterThan(10);
    expect(all.filter((c) => c.events.some((e) => e.type === 'assigned')).length).toBeGreaterThan(10);
    expect(
      all.filter((c) =>
        c.events.some(
          (e) =>
            e.type === 'status_changed' && e.to === 'in_progress' && (e.from === 'resolved' || e.from === 'closed'),
        ),
      ).length,
    ).toBeGreaterThan(10);
    expect(all.filter((c) => c.request.breached).length).toBeGreaterThan(50);
    expect(all.filter((c) => c.request.satisfactionComment !== null).length).toBeGreaterThan(100);
    expect(all.filter((c) => c.messages.some((m) => m.internal)).length).toBeGreaterThan(100);
    expect(all.filter((c) => c.attachments.length > 0).length).toBeGreaterThan(100);
    expect(all.filter((c) => c.notifications.some((n) => n.kind === 'request.breached')).length).toBeGreaterThan(50);
  });

  it('routes every request by the routing tiers, to the least loaded candidate of its tier, saying its load of the moment', () => {
    const spans = openSpans(input, history.cases);
    const openAt = (personId: string, at: number, except: string) =>
      (spans.get(personId) ?? []).filter((s) => s.requestId !== except && s.from <= at && at < s.to).length;
    for (const { request: r } of history.cases) {
      const target = { country: r.country, region: r.region, area: r.area };
      // The tier depends on coverage and availability only.
      const unloaded = routeRequest({
        ...target,
        coverage: [...input.coverage],
        load: new Map(),
        names: { country: '', region: '', area: '' },
      });
      expect(r.routingTier).toBe(unloaded.tier);
      const [, name, open] = /→ (.+) \((\d+) open\)$/.exec(r.routingReason)!;
      const chosen = input.staff.find((person) => person.name === name)!;
      expect(openAt(chosen.id, r.createdAt, r.id)).toBe(Number(open));
      const rivals = input.coverage.filter(
        (entry) =>
          entry.available &&
          routeRequest({ ...target, coverage: [entry], load: new Map(), names: { country: '', region: '', area: '' } })
            .tier === r.routingTier,
      );
      for (const rival of rivals) expect(openAt(rival.userId, r.createdAt, r.id)).toBeGreaterThanOrEqual(Number(open));
    }
  });

  it('follows the lifecycle: each status change is in the lifecycle table or one the API makes itself, and the request says where it ended', () => {
    for (const c of history.cases) {
      const r = c.request;
      let status: RequestStatus = 'new';
      let resolvedAt: number | null = null;
      for (const e of c.events) {
        if (e.type === 'routed' && e.to) status = 'assigned';
        if (e.type !== 'status_changed') continue;
        expect(e.from).toBe(status);
        const key = `${e.from}>${e.to}`;
        const transition = TRANSITIONS.find((t) => t.from === e.from && t.to === e.to);
        expect([r.id, key, Boolean(transition) || AUTOMATIC.has(key)]).toEqual([r.id, key, true]);
        if (transition?.withinDaysOfResolution)
          expect(e.createdAt - resolvedAt!).toBeLessThanOrEqual(transition.withinDaysOfResolution * DAY);
        if (e.to === 'resolved') resolvedAt = e.createdAt;
        status = e.to as RequestStatus;
      }
      expect(r.status).toBe(status);
      if (r.status === 'resolved' || r.status === 'closed')
        expect(r.resolvedAt).toBe([...c.events].reverse().find((e) => e.to === 'resolved')!.createdAt);
      const firstAnswer = c.messages.find((m) => !m.internal && m.authorId !== r.createdBy);
      expect(r.firstRespondedAt).toBe(firstAnswer?.createdAt ?? null);
      const closedAt = c.events.find((e) => e.to === 'closed')?.createdAt;
      expect(c.messages.every((m) => closedAt === undefined || m.createdAt < closedAt)).toBe(true);
      const times = [...c.events, ...c.messages].map((x) => x.createdAt);
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
      expect(r.createdAt).toBe(Math.min(...times));
    }
  });

  it('keeps the SLA clock in business hours with holidays, stopped while waiting on the member, and flags what ran late', () => {
    for (const c of history.cases) {
      const r = c.request;
      const calendar = {
        timeZone: input.countries.get(r.country)!.timeZone,
        holidays: input.holidays.get(r.country) ?? new Set<string>(),
      };
      const policy = input.policies.get(`${r.area}|${r.priority}`)!;
      let paused = 0;
      let waitingSince: number | null = null;
      for (const e of c.events.filter((x) => x.type === 'status_changed')) {
        if (e.to === 'waiting_on_member') waitingSince = e.createdAt;
        else if (e.from === 'waiting_on_member') {
          paused += businessMinutesBetween(new Date(waitingSince!), new Date(e.createdAt), calendar);
          waitingSince = null;
        }
      }
      expect([r.id, r.slaPausedMinutes, r.slaPausedAt]).toEqual([r.id, paused, waitingSince]);
      expect(r.firstResponseDueAt).toBe(
        addBusinessHours(new Date(r.createdAt), policy.firstResponseHours + paused / 60, calendar).getTime(),
      );
      expect(r.resolutionDueAt).toBe(
        addBusinessHours(new Date(r.createdAt), policy.resolutionHours + paused / 60, calendar).getTime(),
      );
      // The sweep runs every minute: an answer later than a minute after its due time was flagged (waiting starts only after an answer).
      const firstDue = addBusinessHours(new Date(r.createdAt), policy.firstResponseHours, calendar).getTime();
      if ((r.firstRespondedAt ?? NOW) > firstDue + 60_000 && r.status !== 'withdrawn')
        expect([r.id, r.breached]).toEqual([r.id, true]);
      if (['assigned', 'in_progress'].includes(r.status) && r.resolutionDueAt + 60_000 < NOW)
        expect([r.id, r.breached]).toEqual([r.id, true]);
      expect(r.breached).toBe(c.notifications.some((n) => n.kind === 'request.breached'));
    }
    // The demo countries' holidays are in the calendars: Peru's national day among them.
    expect(demoHolidays(['PE'], 2026, 2026).map((h) => h.date)).toEqual(
      expect.arrayContaining(['2026-07-28', '2026-04-02', '2026-04-03']),
    );
  });

  it("gives the demo staff's inboxes a realistic day at any moment: overdue, waiting on the member, in progress, a fresh reply", () => {
    const busy = ['rep.pe1', 'rep.pe2', 'rep.gt', 'rep.br', 'rep.jm', 'director.cam', 'director.and'];
    for (const [moment, h] of [
      [NOW, history] as const,
      ...['2026-12-06T05:52:00Z', '2026-07-01T12:00:00Z', '2027-01-04T09:00:00Z', '2026-03-18T22:10:00Z'].map(
        (iso) => [Date.parse(iso), generateHistory({ ...demoHistoryInput(Date.parse(iso)), months: 2 })] as const,
      ),
    ]) {
      for (const email of busy) {
        const open = h.cases.filter(
          (c) => c.request.assigneeId === demoIdOf(`${email}@clac.example`) && OPEN.has(c.request.status),
        );
        const fresh = open.some(
          (c) =>
            c.request.status === 'in_progress' &&
            c.messages.some((m) => m.authorId === c.request.createdBy && m.createdAt > moment - DAY),
        );
        const day = {
          overdue: open.some((c) => c.request.breached),
          waiting: open.some((c) => c.request.status === 'waiting_on_member'),
          inProgress: open.some((c) => c.request.status === 'in_progress'),
          fresh,
        };
        expect([new Date(moment).toISOString(), email, day]).toEqual([
          new Date(moment).toISOString(),
          email,
          { overdue: true, waiting: true, inProgress: true, fresh: true },
        ]);
      }
    }
  });

  it("gives Ana's organization resolved requests answered in Spanish, rated, some with comments", () => {
    const staff = new Set(input.staff.map((person) => person.id));
    const resolved = history.cases.filter(
      (c) => c.request.organizationId === demoIdOf('valle-alto') && ['resolved', 'closed'].includes(c.request.status),
    );
    expect(resolved.length).toBeGreaterThan(100);
    const es = PHRASE_BANKS.es;
    for (const c of resolved) {
      const answers = c.messages.filter((m) => !m.internal && staff.has(m.authorId));
      expect(answers.length).toBeGreaterThan(0);
      expect(answers[0].body.startsWith('Hola, ')).toBe(true);
    }
    expect(resolved.filter((c) => c.request.satisfactionScore !== null).length).toBeGreaterThan(50);
    expect(resolved.some((c) => es.comments.good.includes(c.request.satisfactionComment ?? ''))).toBe(true);
  });

  it("writes in each member's language, with every slot filled", () => {
    for (const c of history.cases) {
      const organization = input.organizations.find((o) => o.id === c.request.organizationId)!;
      const member = organization.members.find((m) => m.id === c.request.createdBy)!;
      const bank = PHRASE_BANKS[member.language];
      for (const text of [
        c.request.subject,
        c.request.description,
        ...c.messages.map((m) => m.body),
        c.request.satisfactionComment ?? '',
      ]) {
        expect(text).not.toMatch(/\{|\}|undefined|null/);
      }
      const letters = c.messages.filter(
        (m) => !m.internal && m.authorId !== member.id && /^(Hola|Olá|Bonjour|Hi)\b/.test(m.body),
      );
      for (const letter of letters)
        expect([c.request.id, letter.body.split(' ')[0]]).toEqual([c.request.id, bank.greeting('').split(' ')[0]]);
    }
  });

  it('attaches files the upload path takes: typed by their bytes, named for their type, with their hash', () => {
    const files = history.cases.flatMap((c) => c.attachments);
    expect(new Set(files.map((f) => f.contentType))).toEqual(new Set(['application/pdf', 'image/png']));
    for (const file of files) {
      expect(detectContentType(file.content, file.fileName)).toBe(file.contentType);
      expect(nameForContentType(sanitizeFileName(file.fileName), file.contentType as 'application/pdf')).toBe(
        file.fileName,
      );
      expect(createHash('sha256').update(file.content).digest('hex')).toBe(file.sha256);
      expect(file.content.length).toBeLessThan(ATTACHMENT_LIMITS.maxBytes);
    }
    expect(new Set(files.map((f) => f.storageKey)).size).toBe(files.length);
  });
});
