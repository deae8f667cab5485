import type { Role, RoutingTier } from '@portal/shared';

/** A coverage entry of an active staff member, with what routing needs to know of the person. */
export interface CandidateCoverage {
  userId: string;
  name: string;
  role: Role;
  available: boolean;
  country: string | null;
  region: string | null;
  area: string | null;
  /**
   * Set when the person's own absence covers now: until when, and its replacement (available:
   * active, accepted, available and not away itself). Absent or null: not away.
   */
  away?: { until: Date; replacement: { id: string; name: string; role: Role; available: boolean } | null } | null;
}

export interface CandidateLoad {
  /** Requests assigned to the person in new, assigned, in_progress or waiting_on_member. */
  open: number;
  /** When the person was last given a request; null if never. */
  lastAssignedAt: Date | null;
}

export interface RoutingInput {
  country: string;
  region: string;
  area: string;
  coverage: CandidateCoverage[];
  load: ReadonlyMap<string, CandidateLoad>;
  /** Display names for the reason text. */
  names: { country: string; region: string; area: string };
}

/**
 * What a decision rests on, stored with the request (routing_facts) so that each reader gets it
 * phrased in their own language (routing-explanation.ts): the person chosen, their open cases
 * then, and whose absence they covered.
 */
export interface RoutingFacts {
  person: { id: string; name: string; role: Role };
  open: number;
  away: { id: string; name: string; until: string } | null;
}

export interface RoutingDecision {
  tier: RoutingTier | null;
  assignee: { id: string; name: string } | null;
  coverage: { country: string | null; region: string | null; area: string | null } | null;
  /** The network's working language, for the timeline and older clients. */
  reason: string;
  facts: RoutingFacts | null;
}

/**
 * Whether an entry takes part in routing: its person is available, and either present or away
 * with an available replacement (who then gets the case).
 */
function eligible(entry: CandidateCoverage): boolean {
  return entry.available && (!entry.away || entry.away.replacement?.available === true);
}

/** The people a decision among these entries may give a case to: their own, or their replacements. */
export function assigneeIds(entries: CandidateCoverage[]): string[] {
  return entries.map((entry) => (entry.away ? entry.away.replacement!.id : entry.userId));
}

/** Which coverage entries each tier accepts, in the order the tiers are tried. */
const TIER_MATCHERS: Record<RoutingTier, (entry: CandidateCoverage, input: RoutingInput) => boolean> = {
  1: (e, i) => e.country === i.country && e.area === i.area,
  2: (e, i) => e.country === i.country && e.area === null,
  3: (e, i) => e.country === null && e.region === i.region && e.area === i.area,
  4: (e, i) => e.country === null && e.region === i.region && e.area === null,
  5: (e, i) => e.country === null && e.region === null && e.area === i.area,
};

/** The coverage entries any tier could use for this request. */
export function coverageMatchesAnyTier(
  entry: CandidateCoverage,
  input: Pick<RoutingInput, 'country' | 'region' | 'area'>,
): boolean {
  return Object.values(TIER_MATCHERS).some((matches) => matches(entry, input as RoutingInput));
}

/**
 * The available entries of the first tier that has any: the only candidates routeRequest
 * compares (their loads decide), so the only ones a submission needs to lock.
 */
export function winningTierCoverage(
  coverage: CandidateCoverage[],
  input: Pick<RoutingInput, 'country' | 'region' | 'area'>,
): CandidateCoverage[] {
  for (const tier of [1, 2, 3, 4, 5] as const) {
    const entries = coverage.filter((entry) => eligible(entry) && TIER_MATCHERS[tier](entry, input as RoutingInput));
    if (entries.length > 0) return entries;
  }
  return [];
}

/** A moment in the reason text: UTC, to the minute. */
function moment(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function place(entry: { country: string | null; region: string | null }, input: RoutingInput): string {
  if (entry.country) return input.names.country;
  if (entry.region) return input.names.region;
  return 'any place';
}

/**
 * Chooses who gets a new request (docs/domain.md, "Routing"): the first tier with an available
 * candidate (or an away one with an available replacement) wins; within it the fewest open requests, then the one assigned least
 * recently (never assigned first), then the lowest id. Pure: the caller reads coverage and
 * load inside the transaction that inserts the request, with the candidates locked.
 */
export function routeRequest(input: RoutingInput): RoutingDecision {
  for (const tier of [1, 2, 3, 4, 5] as const) {
    const entries = input.coverage.filter((entry) => eligible(entry) && TIER_MATCHERS[tier](entry, input));
    if (entries.length === 0) continue;
    // An away person competes with its replacement's load: the one who would get the case.
    const loadOf = (entry: CandidateCoverage) =>
      input.load.get(entry.away ? entry.away.replacement!.id : entry.userId) ?? { open: 0, lastAssignedAt: null };
    const ranked = [...entries].sort((a, b) => {
      const la = loadOf(a);
      const lb = loadOf(b);
      if (la.open !== lb.open) return la.open - lb.open;
      const ta = la.lastAssignedAt?.getTime() ?? -Infinity;
      const tb = lb.lastAssignedAt?.getTime() ?? -Infinity;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
    });
    const winner = ranked[0];
    const area = winner.area ? input.names.area : 'any area';
    const coverage = { country: winner.country, region: winner.region, area: winner.area };
    if (winner.away) {
      const replacement = winner.away.replacement!;
      const open = input.load.get(replacement.id)?.open ?? 0;
      return {
        tier,
        assignee: { id: replacement.id, name: replacement.name },
        coverage,
        reason: `${place(winner, input)} · ${area} → ${winner.name} is away until ${moment(winner.away.until)}; replacement ${replacement.name} (${open} open)`,
        facts: {
          person: { id: replacement.id, name: replacement.name, role: replacement.role },
          open,
          away: { id: winner.userId, name: winner.name, until: winner.away.until.toISOString() },
        },
      };
    }
    const open = input.load.get(winner.userId)?.open ?? 0;
    return {
      tier,
      assignee: { id: winner.userId, name: winner.name },
      coverage,
      reason: `${place(winner, input)} · ${area} → ${winner.name} (${open} open)`,
      facts: { person: { id: winner.userId, name: winner.name, role: winner.role }, open, away: null },
    };
  }
  return {
    tier: null,
    assignee: null,
    coverage: null,
    reason: `Nobody available covers ${input.names.country} · ${input.names.area}: waiting in the admins' triage queue`,
    facts: null,
  };
}
