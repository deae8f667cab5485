import { OPEN_STATUSES, PRIORITIES, type Priority, THEMATIC_AREAS, type ThematicArea } from '@portal/shared';
import { type CandidateLoad, coverageMatchesAnyTier, routeRequest } from '../../requests/routing/routing-engine';
import type { BusinessCalendar } from '../../sla/business-time';
import { zonedTimeToUtc } from '../../sla/business-time';
import { applyCase } from './case-apply';
import { type Fate, FATES, planCase } from './case-plan';
import { ORDINARY_SEASONS, type Seasons, SEASONS } from './calendar';
import { fill, PHRASE_BANKS, topicsFor } from './phrases';
import { createRandom, type Random } from './random';
import type { DemoHistory, DemoOrganization, HistoryCase, HistoryInput, MemberPerson } from './types';

const DAY = 86_400_000;
const OPEN = new Set<string>(OPEN_STATUSES);

/** Weekdays are busier than weekends (Sunday first). */
const WEEKDAY = [0.15, 1.2, 1.15, 1.1, 1.05, 0.9, 0.35];
const WEEKDAY_MEAN = WEEKDAY.reduce((a, b) => a + b, 0) / 7;
/** When members file, local hour → weight: mornings and early afternoons. */
const FILING_HOURS: [number, number][] = [
  [6, 1],
  [7, 3],
  [8, 6],
  [9, 8],
  [10, 8],
  [11, 7],
  [12, 4],
  [13, 4],
  [14, 6],
  [15, 7],
  [16, 6],
  [17, 4],
  [18, 3],
  [19, 2],
  [20, 2],
  [21, 1],
];
const AREA_WEIGHTS: Record<'small-producer' | 'workers', Record<ThematicArea, number>> = {
  'small-producer': {
    'standards-compliance': 22,
    'market-access': 18,
    'sustainable-production': 20,
    'climate-resilience': 12,
    'fair-trade-visibility': 9,
    'human-rights': 9,
    'social-inclusion': 10,
  },
  // A workers' union sells nothing itself: its requests are about its rights, its premium and its farm.
  workers: {
    'standards-compliance': 25,
    'market-access': 0,
    'sustainable-production': 15,
    'climate-resilience': 8,
    'fair-trade-visibility': 10,
    'human-rights': 25,
    'social-inclusion': 17,
  },
};
const PRIORITY_WEIGHTS: Record<Priority, number> = { low: 12, normal: 70, high: 14, urgent: 4 };

interface Filing {
  at: number;
  organization: DemoOrganization;
  member: MemberPerson;
  area: ThematicArea;
  priority: Priority;
  month: number;
}

/** Local date parts of an instant in a time zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function localDate(at: number, timeZone: string): { year: number; month: number; day: number; weekday: number } {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
    });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

/**
 * Who files what, when: each organization's requests of each day, more on weekdays and in
 * its harvest, audit and storm seasons, fewer on holidays, slowly growing as the network
 * took up the portal; the areas follow the seasons too.
 */
function planFilings(rng: Random, input: HistoryInput): Filing[] {
  const filings: Filing[] = [];
  const days = Math.round(input.months * 30.44);
  const firstDay = Math.floor(input.now / DAY) - days;
  for (let d = 0; d <= days; d++) {
    const growth = 0.75 + (0.4 * d) / days;
    for (const organization of input.organizations) {
      const country = input.countries.get(organization.country)!;
      const seasons: Seasons = SEASONS[organization.key] ?? ORDINARY_SEASONS;
      const noon = (firstDay + d) * DAY + 12 * 3_600_000;
      const local = localDate(noon, country.timeZone);
      const iso = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
      const season =
        1 +
        (seasons.harvest.includes(local.month) ? 0.6 : 0) +
        (seasons.audit.includes(local.month) ? 0.8 : 0) +
        (seasons.climate.includes(local.month) ? 0.4 : 0);
      const holiday = input.holidays.get(organization.country)?.has(iso) ? 0.25 : 1;
      const expected = (seasons.perMonth / 30.44) * season * (WEEKDAY[local.weekday] / WEEKDAY_MEAN) * growth * holiday;
      const count = rng.poisson(expected);
      for (let i = 0; i < count; i++) {
        const [hour] = rng.weighted(FILING_HOURS, ([, weight]) => weight);
        const at = zonedTimeToUtc(local, hour, country.timeZone).getTime() + rng.int(3_600_000);
        const weights = AREA_WEIGHTS[organization.kind];
        const area = rng.weighted(THEMATIC_AREAS, (a) => {
          let weight = weights[a];
          if (seasons.audit.includes(local.month) && a === 'standards-compliance') weight *= 2.5;
          if (seasons.harvest.includes(local.month) && (a === 'market-access' || a === 'human-rights')) weight *= 1.6;
          if (seasons.harvest.includes(local.month) && a === 'sustainable-production') weight *= 1.3;
          if (seasons.climate.includes(local.month) && a === 'climate-resilience') weight *= 2.2;
          return weight;
        });
        const stormy = area === 'climate-resilience' && seasons.climate.includes(local.month);
        const priority = rng.weighted(PRIORITIES, (p) => (p === 'urgent' && stormy ? 20 : PRIORITY_WEIGHTS[p]));
        // The organization's contact files most of its requests.
        const member = rng.weighted(organization.members, (m) => (m.contact ? 2 : 1));
        if (at < input.now - 5 * 60_000 && at >= input.now - days * DAY)
          filings.push({ at, organization, member, area, priority, month: local.month });
      }
    }
  }
  // Chronological: routing sees each request's load as it was when it was filed.
  return filings.sort((a, b) => a.at - b.at);
}

/**
 * The demo history: every request of the demo organizations over the last months, from the
 * same seed and moment always the same. Requests are routed one after another by the
 * portal's routing engine (routing-engine.ts) on the load each person had at that moment,
 * their course planned (case-plan.ts) and applied with the API's rules (case-apply.ts).
 */
export function generateHistory(input: HistoryInput): DemoHistory {
  const steps = historySteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * generateHistory, a few dozen requests at a time: the portal generates while it answers
 * (its caller lets the event loop run between steps), and the same history comes out.
 */
export function* historySteps(input: HistoryInput): Generator<number, DemoHistory> {
  const rng = createRandom(input.seed);
  const filings = planFilings(rng, input);
  const staffById = new Map(input.staff.map((person) => [person.id, person]));
  const caseWorkers = input.staff.filter((person) => person.role !== 'admin' && person.role !== 'executive');
  const admin =
    [...input.staff].filter((person) => person.role === 'admin').sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null;
  const openSpans = new Map<string, { from: number; to: number }[]>(input.staff.map((person) => [person.id, []]));
  // When each person was last given a request: the latest time passed, and those still to come
  // (a request filed earlier may be handed over later than the one being routed now).
  const assigned = new Map<string, { last: number | null; pending: number[] }>(
    input.staff.map((person) => [person.id, { last: null, pending: [] }]),
  );
  const wanted = new Map<string, Set<Fate>>(caseWorkers.map((person) => [person.id, new Set(FATES)]));
  const calendars = new Map<string, BusinessCalendar>();
  const calendarOf = (country: string): BusinessCalendar => {
    let calendar = calendars.get(country);
    if (!calendar) {
      calendar = {
        timeZone: input.countries.get(country)!.timeZone,
        holidays: input.holidays.get(country) ?? new Set(),
      };
      calendars.set(country, calendar);
    }
    return calendar;
  };
  const candidates = [...new Set(input.coverage.map((entry) => entry.userId))];

  const cases: HistoryCase[] = [];
  for (const [index, filing] of filings.entries()) {
    if (index % 25 === 0) yield index;
    const { organization, area } = filing;
    const country = input.countries.get(organization.country)!;
    const target = { country: country.code, region: country.region, area };
    const load = new Map<string, CandidateLoad>();
    for (const personId of candidates) {
      // Filings come in time order: a span over before this one is over for all that follow.
      const spans = (openSpans.get(personId) ?? []).filter((span) => span.to > filing.at);
      openSpans.set(personId, spans);
      const open = spans.filter((span) => span.from <= filing.at).length;
      const times = assigned.get(personId);
      if (times) {
        for (const at of times.pending)
          if (at <= filing.at && (times.last === null || at > times.last)) times.last = at;
        times.pending = times.pending.filter((at) => at > filing.at);
      }
      load.set(personId, { open, lastAssignedAt: times?.last == null ? null : new Date(times.last) });
    }
    const route = routeRequest({
      ...target,
      coverage: [...input.coverage],
      load,
      names: {
        country: input.names.countries.get(country.code) ?? country.code,
        region: input.names.regions.get(country.region) ?? country.region,
        area: input.names.areas.get(area) ?? area,
      },
    });
    const assignee = route.assignee ? staffById.get(route.assignee.id)! : null;
    const directors = input.staff.filter((person) => person.role === 'director' && person.region === country.region);
    const director =
      [...directors].sort((a, b) => Number(b.available) - Number(a.available) || (a.id < b.id ? -1 : 1))[0] ?? null;
    const colleagueIds = new Set(
      input.coverage.filter((entry) => coverageMatchesAnyTier(entry, target)).map((entry) => entry.userId),
    );
    const colleagues = input.staff
      .filter((person) => colleagueIds.has(person.id) && person.available && person.role !== 'admin')
      .sort((a, b) => (a.id < b.id ? -1 : 1));

    const bank = PHRASE_BANKS[filing.member.language] ?? PHRASE_BANKS.es;
    const seasons = SEASONS[organization.key] ?? ORDINARY_SEASONS;
    const stormy = (seasons.climateKind ?? 'storm') === 'storm';
    const weather = seasons.climate.includes(filing.month) === stormy ? 'storm' : 'dry';
    const topic = rng.pick(topicsFor(bank, area, organization.kind, weather));
    const product = rng.pick(organization.products);
    const slots = {
      product: bank.products[product]?.name ?? product,
      pest: bank.products[product]?.pest ?? product,
      place: seasons.places.length > 0 ? rng.pick(seasons.places) : organization.name,
      // An audit or an assembly a month or two ahead.
      month: bank.months[(filing.month + rng.int(2)) % 12],
    };
    const subject = fill(topic.subject, slots);
    const calendar = calendarOf(country.code);
    const policy = input.policies.get(`${area}|${filing.priority}`) ?? {
      firstResponseHours: filing.priority === 'urgent' ? 4 : 16,
      resolutionHours: filing.priority === 'urgent' ? 24 : 80,
    };
    const id = rng.uuid();
    const sweepDelay = rng.int(60_000);
    const { actions } = planCase({
      rng,
      now: input.now,
      filedAt: filing.at,
      member: filing.member,
      topic,
      slots,
      priority: filing.priority,
      calendar,
      resolutionHours: policy.resolutionHours,
      assignee,
      director,
      colleagues,
      admin,
      wanted: assignee ? FATES.filter((fate) => wanted.get(assignee.id)?.has(fate)) : [],
    });
    const applied = applyCase(
      {
        rng,
        now: input.now,
        id,
        filedAt: filing.at,
        subject: subject.charAt(0).toUpperCase() + subject.slice(1),
        description: fill(topic.description, slots),
        priority: filing.priority,
        area,
        organization,
        member: filing.member,
        region: country.region,
        calendar,
        policy,
        route,
        staffById,
        directors,
        sweepDelay,
      },
      actions,
    );
    for (const span of applied.openSpans) openSpans.get(span.personId)?.push({ from: span.from, to: span.to });
    for (const assignment of applied.assignments) assigned.get(assignment.personId)?.pending.push(assignment.at);

    // What this request gives its assignee's inbox on the day of the first start.
    const { final } = applied;
    const needs = final.assigneeId ? wanted.get(final.assigneeId) : undefined;
    if (needs && OPEN.has(final.status)) {
      if (final.breached) needs.delete('overdue');
      if (final.status === 'waiting_on_member') needs.delete('waiting');
      if (
        final.status === 'in_progress' &&
        final.lastMemberMessageAt !== null &&
        final.lastMemberMessageAt > input.now - DAY
      )
        needs.delete('fresh');
      if (final.status === 'in_progress' && !final.breached) needs.delete('in-progress');
    }
    cases.push(applied.history);
  }

  const lastAssigned = new Map<string, number>();
  for (const [personId, times] of assigned) {
    const last = Math.max(times.last ?? -Infinity, ...times.pending);
    if (Number.isFinite(last)) lastAssigned.set(personId, last);
  }
  return { cases, lastAssigned };
}
