import type { RoutingTier } from '@portal/shared';

/** A coverage entry of an active staff member, with what routing needs to know of the person. */
export interface CandidateCoverage {
  userId: string;
  name: string;
  available: boolean;
  country: string | null;
  region: string | null;
  area: string | null;
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

export interface RoutingDecision {
  tier: RoutingTier | null;
  assignee: { id: string; name: string } | null;
  coverage: { country: string | null; region: string | null; area: string | null } | null;
  reason: string;
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
    const entries = coverage.filter((entry) => entry.available && TIER_MATCHERS[tier](entry, input as RoutingInput));
    if (entries.length > 0) return entries;
  }
  return [];
}

function place(entry: { country: string | null; region: string | null }, input: RoutingInput): string {
  if (entry.country) return input.names.country;
  if (entry.region) return input.names.region;
  return 'any place';
}

/**
 * Chooses who gets a new request (docs/domain.md, "Routing"): the first tier with an available
 * candidate wins; within it the fewest open requests, then the one assigned least
 * recently (never assigned first), then the lowest id. Pure: the caller reads coverage and
 * load inside the transaction that inserts the request, with the candidates locked.
 */
export function routeRequest(input: RoutingInput): RoutingDecision {
  for (const tier of [1, 2, 3, 4, 5] as const) {
    const entries = input.coverage.filter((entry) => entry.available && TIER_MATCHERS[tier](entry, input));
    if (entries.length === 0) continue;
    const ranked = [...entries].sort((a, b) => {
      const la = input.load.get(a.userId) ?? { open: 0, lastAssignedAt: null };
      const lb = input.load.get(b.userId) ?? { open: 0, lastAssignedAt: null };
      if (la.open !== lb.open) return la.open - lb.open;
      const ta = la.lastAssignedAt?.getTime() ?? -Infinity;
      const tb = lb.lastAssignedAt?.getTime() ?? -Infinity;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
    });
    const winner = ranked[0];
    const open = input.load.get(winner.userId)?.open ?? 0;
    const area = winner.area ? input.names.area : 'any area';
    return {
      tier,
      assignee: { id: winner.userId, name: winner.name },
      coverage: { country: winner.country, region: winner.region, area: winner.area },
      reason: `${place(winner, input)} · ${area} → ${winner.name} (${open} open)`,
    };
  }
  return {
    tier: null,
    assignee: null,
    coverage: null,
    reason: `Nobody available covers ${input.names.country} · ${input.names.area}: waiting in the admins' triage queue`,
  };
}
