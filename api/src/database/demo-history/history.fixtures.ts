import { createHash } from 'node:crypto';
import type { Language, Role } from '@portal/shared';
import demo from '../../../../shared/data/demo.json';
import reference from '../../../../shared/data/reference.json';
import type { CandidateCoverage } from '../../requests/routing/routing-engine';
import { demoHolidays } from './calendar';
import type { HistoryInput } from './types';

/** A stable uuid-shaped id for a demo key, as the database would give one (only its order matters to routing's last tie-break). */
const idOf = (key: string) => {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The generator's input as the portal reads it from a database holding the demo data
 * (shared/data/demo.json) and the reference data, with the demo holidays and the default
 * SLA policies (16/80 business hours, urgent 4/24): for unit tests of the generator.
 */
export function demoHistoryInput(now: number, seed = 2026): HistoryInput {
  const countries = new Map(
    reference.countries.map((c) => [c.code, { code: c.code, region: c.region, timeZone: c.timezone }]),
  );
  const staffUsers = demo.users.filter((u) => !['member', 'executive'].includes(u.role));
  const coverage: CandidateCoverage[] = staffUsers.flatMap((u) =>
    ((u as { coverage?: { country?: string; region?: string; area?: string }[] }).coverage ?? []).map((entry) => ({
      userId: idOf(u.email),
      name: u.name,
      role: u.role as Role,
      available: (u as { available?: boolean }).available !== false,
      country: entry.country ?? null,
      region: entry.region ?? null,
      area: entry.area ?? null,
    })),
  );
  const policies = new Map<string, { firstResponseHours: number; resolutionHours: number }>();
  for (const area of reference.thematicAreas) {
    for (const priority of ['low', 'normal', 'high', 'urgent']) {
      policies.set(`${area.code}|${priority}`, {
        firstResponseHours: priority === 'urgent' ? 4 : 16,
        resolutionHours: priority === 'urgent' ? 24 : 80,
      });
    }
  }
  const year = new Date(now).getUTCFullYear();
  const holidays = new Map<string, Set<string>>();
  for (const holiday of demoHolidays([...new Set(demo.organizations.map((o) => o.country))], year - 2, year + 1)) {
    if (!holidays.has(holiday.country)) holidays.set(holiday.country, new Set());
    holidays.get(holiday.country)!.add(holiday.date);
  }
  return {
    seed,
    now,
    months: 18,
    countries,
    names: {
      countries: new Map(reference.countries.map((c) => [c.code, c.name.en])),
      regions: new Map(reference.regions.map((r) => [r.code, r.name.en])),
      areas: new Map(reference.thematicAreas.map((a) => [a.code, a.name.en])),
    },
    organizations: demo.organizations.map((o) => ({
      id: idOf(o.key),
      key: o.key,
      name: o.name,
      country: o.country,
      kind: o.kind as 'small-producer' | 'workers',
      products: o.products,
      members: demo.users
        .filter((u) => (u as { organization?: string }).organization === o.key)
        .map((u) => ({
          id: idOf(u.email),
          name: u.name,
          language: u.language as Language,
          contact: (u as { contact?: boolean }).contact === true,
        })),
    })),
    staff: staffUsers.map((u) => ({
      id: idOf(u.email),
      name: u.name,
      role: u.role as Role,
      region: (u as { region?: string }).region ?? null,
      available: (u as { available?: boolean }).available !== false,
      language: u.language as Language,
      coverageRegions: ((u as { coverage?: { country?: string; region?: string }[] }).coverage ?? []).map(
        (e) => e.region ?? (e.country ? countries.get(e.country)!.region : null),
      ),
    })),
    coverage,
    policies,
    holidays,
  };
}

export const demoIdOf = idOf;
