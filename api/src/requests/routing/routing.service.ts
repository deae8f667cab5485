import { Injectable } from '@nestjs/common';
import { mayWorkInRegion } from '@portal/shared';
import type { EntityManager } from 'typeorm';
import { ReferenceService } from '../../reference/reference.service';
import {
  assigneeIds,
  type CandidateCoverage,
  type CandidateLoad,
  coverageMatchesAnyTier,
  routeRequest,
  type RoutingDecision,
  winningTierCoverage,
} from './routing-engine';
import { RoutingRepository } from './routing.repository';

export interface RoutingTarget {
  country: string;
  region: string;
  area: string;
}

/** Routing reasons are recorded in English, the network's working language across regions. */
const REASON_LANGUAGE = 'en';

@Injectable()
export class RoutingService {
  constructor(
    private readonly reference: ReferenceService,
    private readonly repository: RoutingRepository,
  ) {}

  /**
   * Routes inside the caller's transaction. Concurrent submissions must not both read the
   * same stale load, so the candidates' user rows are locked (FOR NO KEY UPDATE, the lock of
   * an UPDATE of a non-key column such as last_assigned_at: it excludes other routings but not
   * the foreign-key checks of rows that merely refer to the person; in id order so two
   * transactions never wait on each other in a cycle) *before* their open load is counted.
   * The count is a separate statement: under READ COMMITTED it then sees every request that
   * the previous lock holder committed. Only submissions that share candidates queue behind
   * each other; a Peru request does not wait for a Brazil one. The candidates are those of
   * the first tier with an available one, the only ones whose loads are compared: the
   * region's director or an area's network-wide specialist (later tiers) is locked only when
   * its tier decides, so a Peru request does not wait for a Bolivia one either.
   */
  async routeForUpdate(db: EntityManager, target: RoutingTarget): Promise<RoutingDecision> {
    const locked = new Set<string>();
    for (;;) {
      // Read (again) after locking: someone marked unavailable or away while this waited for
      // their row (that UPDATE holds the same lock) must not get the case. The loop ends once
      // everyone compared is locked; it locks more only if the winning tier changed meanwhile.
      const coverage = await this.candidates(db, target);
      // An away person's replacement is who would get the case: its load is the one compared.
      const winning = winningTierCoverage(coverage, target);
      const ids = [...new Set([...winning.map((c) => c.userId), ...assigneeIds(winning)])].sort();
      const unlocked = ids.filter((id) => !locked.has(id));
      if (unlocked.length === 0) return this.decide(target, coverage, await this.load(db, ids));
      await this.repository.lockCandidates(db, unlocked);
      for (const id of unlocked) locked.add(id);
    }
  }

  /** The decision routing would make now, without locking or creating anything. */
  async preview(db: EntityManager, target: RoutingTarget): Promise<RoutingDecision> {
    const coverage = await this.candidates(db, target);
    const available = coverage.filter((c) => c.available);
    const ids = [
      ...new Set([
        ...available.map((c) => c.userId),
        ...available.flatMap((c) => (c.away?.replacement ? [c.away.replacement.id] : [])),
      ]),
    ];
    return this.decide(target, coverage, await this.load(db, ids));
  }

  private decide(
    target: RoutingTarget,
    coverage: CandidateCoverage[],
    load: Map<string, CandidateLoad>,
  ): RoutingDecision {
    const names = {
      country: this.reference.countries(REASON_LANGUAGE).find((c) => c.code === target.country)?.name ?? target.country,
      region: this.reference.regions(REASON_LANGUAGE).find((r) => r.code === target.region)?.name ?? target.region,
      area: this.reference.thematicAreas(REASON_LANGUAGE).find((a) => a.code === target.area)?.name ?? target.area,
    };
    return routeRequest({ ...target, coverage, load, names });
  }

  private async candidates(db: EntityManager, target: RoutingTarget): Promise<CandidateCoverage[]> {
    const rows = await this.repository.candidates(db, target);
    return rows
      .map((row) => ({
        userId: row.user_id,
        name: row.name,
        role: row.role,
        available: row.available,
        country: row.country_code,
        region: row.region_code,
        area: row.area_code,
        away:
          row.away_until === null
            ? null
            : {
                until: row.away_until,
                replacement:
                  row.replacement_id === null
                    ? null
                    : {
                        id: row.replacement_id,
                        name: row.replacement_name!,
                        // Null only for no replacement at all, which is then not available either.
                        role: row.replacement_role ?? row.role,
                        // Chosen for the person's regions, not necessarily this request's: a
                        // replacement who may not work here is no replacement for it.
                        available:
                          row.replacement_available &&
                          row.replacement_role !== null &&
                          mayWorkInRegion(
                            {
                              role: row.replacement_role,
                              region: row.replacement_region,
                              coverageRegions: row.replacement_coverage_regions ?? [],
                            },
                            target.region,
                          ),
                      },
              },
      }))
      .filter((entry) => coverageMatchesAnyTier(entry, target));
  }

  private async load(db: EntityManager, ids: string[]): Promise<Map<string, CandidateLoad>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.load(db, ids);
    return new Map(rows.map((row) => [row.id, { open: row.open, lastAssignedAt: row.last_assigned_at }]));
  }
}
