import {
  type CandidateCoverage,
  type CandidateLoad,
  routeRequest,
  type RoutingInput,
  winningTierCoverage,
} from './routing-engine';

const names = { country: 'Peru', region: 'Andean', area: 'Technical advice on standards compliance' };

function cover(userId: string, entry: Partial<CandidateCoverage>): CandidateCoverage {
  return {
    userId,
    name: userId,
    role: 'representative',
    available: true,
    country: null,
    region: null,
    area: null,
    ...entry,
  };
}

function input(coverage: CandidateCoverage[], load: Record<string, Partial<CandidateLoad>> = {}): RoutingInput {
  return {
    country: 'PE',
    region: 'AND',
    area: 'standards-compliance',
    coverage,
    load: new Map(Object.entries(load).map(([id, l]) => [id, { open: 0, lastAssignedAt: null, ...l }])),
    names,
  };
}

describe('routeRequest', () => {
  const everyTier = [
    cover('t5', { area: 'standards-compliance' }),
    cover('t4', { region: 'AND' }),
    cover('t3', { region: 'AND', area: 'standards-compliance' }),
    cover('t2', { country: 'PE' }),
    cover('t1', { country: 'PE', area: 'standards-compliance' }),
  ];

  it('tries the tiers in order: country+area, country, region+area, region, area', () => {
    const seen: (number | null)[] = [];
    let coverage = everyTier;
    for (let i = 0; i < 5; i++) {
      const decision = routeRequest(input(coverage));
      seen.push(decision.tier);
      coverage = coverage.filter((c) => c.userId !== decision.assignee!.id);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores coverage of another country, region or area', () => {
    const decision = routeRequest(
      input([
        cover('bo', { country: 'BO' }),
        cover('sur', { region: 'SUR' }),
        cover('climate', { area: 'climate-resilience' }),
        cover('pe-market', { country: 'PE', area: 'market-access' }),
      ]),
    );
    expect(decision).toMatchObject({ tier: null, assignee: null });
    expect(decision.reason).toContain('triage');
  });

  it('never picks an unavailable person, and falls through to the next tier', () => {
    const decision = routeRequest(
      input([cover('hn', { country: 'PE', available: false }), cover('director', { region: 'AND' })]),
    );
    expect(decision).toMatchObject({ tier: 4, assignee: { id: 'director' } });
  });

  it("gives an away person's case to its available replacement, and says so", () => {
    const until = new Date('2026-12-20T00:00:00Z');
    const replacement = { id: 'pe2', name: 'pe2', role: 'representative' as const, available: true };
    const decision = routeRequest(
      input([cover('pe1', { country: 'PE', away: { until, replacement } }), cover('director', { region: 'AND' })], {
        pe2: { open: 4 },
      }),
    );
    expect(decision).toMatchObject({ tier: 2, assignee: { id: 'pe2', name: 'pe2' } });
    expect(decision.reason).toBe('Peru · any area → pe1 is away until 2026-12-20 00:00 UTC; replacement pe2 (4 open)');
    // The fields every reader's sentence is phrased from (routing-explanation.ts).
    expect(decision.facts).toEqual({
      person: { id: 'pe2', name: 'pe2', role: 'representative' },
      open: 4,
      away: { id: 'pe1', name: 'pe1', until: until.toISOString() },
    });
  });

  it('skips an away person whose replacement is missing or unavailable, like an unavailable one', () => {
    const until = new Date('2026-12-20T00:00:00Z');
    for (const replacement of [null, { id: 'pe2', name: 'pe2', role: 'representative' as const, available: false }]) {
      const coverage = [
        cover('pe1', { country: 'PE', away: { until, replacement } }),
        cover('director', { region: 'AND' }),
      ];
      expect(routeRequest(input(coverage))).toMatchObject({ tier: 4, assignee: { id: 'director' } });
      expect(winningTierCoverage(coverage, input(coverage)).map((c) => c.userId)).toEqual(['director']);
    }
  });

  it("ranks an away person by its replacement's load", () => {
    const away = {
      until: new Date('2026-12-20T00:00:00Z'),
      replacement: { id: 'r', name: 'r', role: 'representative' as const, available: true },
    };
    const coverage = [cover('a', { country: 'PE', away }), cover('b', { country: 'PE' })];
    expect(routeRequest(input(coverage, { a: { open: 0 }, r: { open: 5 }, b: { open: 2 } })).assignee!.id).toBe('b');
    expect(routeRequest(input(coverage, { a: { open: 9 }, r: { open: 1 }, b: { open: 2 } })).assignee!.id).toBe('r');
  });

  it('picks the fewest open requests within a tier', () => {
    const decision = routeRequest(
      input([cover('a', { country: 'PE' }), cover('b', { country: 'PE' })], { a: { open: 3 }, b: { open: 2 } }),
    );
    expect(decision.assignee!.id).toBe('b');
    expect(decision.reason).toBe('Peru · any area → b (2 open)');
  });

  it('breaks a tie by the least recently assigned, never-assigned first, then the lowest id', () => {
    const coverage = [cover('b', { country: 'PE' }), cover('a', { country: 'PE' }), cover('c', { country: 'PE' })];
    expect(
      routeRequest(
        input(coverage, {
          a: { lastAssignedAt: new Date('2026-11-02') },
          b: { lastAssignedAt: new Date('2026-11-01') },
          c: { lastAssignedAt: new Date('2026-11-03') },
        }),
      ).assignee!.id,
    ).toBe('b');
    expect(routeRequest(input(coverage, { a: { lastAssignedAt: new Date('2026-11-02') } })).assignee!.id).toBe('b');
    expect(routeRequest(input(coverage)).assignee!.id).toBe('a');
  });

  it('explains the decision in words', () => {
    expect(routeRequest(input([cover('t1', { country: 'PE', area: 'standards-compliance' })])).reason).toBe(
      'Peru · Technical advice on standards compliance → t1 (0 open)',
    );
    expect(routeRequest(input([cover('t5', { area: 'standards-compliance' })])).reason).toBe(
      'any place · Technical advice on standards compliance → t5 (0 open)',
    );
  });
});

describe('winningTierCoverage', () => {
  it("is the available entries of routeRequest's tier: the only candidates a submission locks", () => {
    const coverage = [
      cover('t5', { area: 'standards-compliance' }),
      cover('t4', { region: 'AND' }),
      cover('t2-away', { country: 'PE', available: false }),
      cover('t2a', { country: 'PE' }),
      cover('t2b', { country: 'PE' }),
      cover('bo', { country: 'BO' }),
    ];
    expect(winningTierCoverage(coverage, input(coverage)).map((c) => c.userId)).toEqual(['t2a', 't2b']);
    expect(routeRequest(input(coverage)).tier).toBe(2);
    const nobodyInPeru = coverage.filter((c) => !c.userId.startsWith('t2'));
    expect(winningTierCoverage(nobodyInPeru, input(nobodyInPeru)).map((c) => c.userId)).toEqual(['t4']);
    expect(winningTierCoverage([cover('bo', { country: 'BO' })], input([]))).toEqual([]);
  });
});
