import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  CountryView,
  FunctionalDirectorateView,
  Language,
  RegionCode,
  RegionView,
  ThematicArea,
  ThematicAreaView,
} from '@portal/shared';
import type { LocalizedNames } from './reference.entities';

interface ReferenceCache {
  regions: { code: RegionCode; name: LocalizedNames }[];
  countries: { code: string; region: RegionCode; timezone: string; languages: string[]; name: LocalizedNames }[];
  areas: { code: ThematicArea; name: LocalizedNames }[];
  directorates: { code: string; name: LocalizedNames }[];
}

/** The name in the wanted language, else English, else Spanish. */
function pick(names: LocalizedNames, language: Language): string {
  return names[language] ?? names['en'] ?? names['es'] ?? Object.values(names)[0] ?? '';
}

/**
 * Reference data changes only with a migration, so it is read once at start-up and served
 * from memory. Country names missing from the data come from ICU (Intl.DisplayNames).
 */
@Injectable()
export class ReferenceService implements OnModuleInit {
  private cache!: ReferenceCache;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [regions, countries, areas, directorates] = await Promise.all([
      this.dataSource.query(`SELECT code, name FROM regions ORDER BY code`),
      this.dataSource.query(
        `SELECT code, region_code AS region, timezone, languages, name FROM countries ORDER BY code`,
      ),
      this.dataSource.query(`SELECT code, name FROM thematic_areas ORDER BY sort_order`),
      this.dataSource.query(`SELECT code, name FROM functional_directorates ORDER BY code`),
    ]);
    this.cache = { regions, countries, areas, directorates };
  }

  regions(language: Language): RegionView[] {
    return this.cache.regions.map((r) => ({ code: r.code, name: pick(r.name, language) }));
  }

  countries(language: Language): CountryView[] {
    const display = new Intl.DisplayNames([language], { type: 'region' });
    return this.cache.countries
      .map((c) => ({
        code: c.code,
        name: c.name[language] ?? display.of(c.code) ?? pick(c.name, language),
        region: c.region,
        timezone: c.timezone,
        languages: c.languages,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }

  thematicAreas(language: Language): ThematicAreaView[] {
    return this.cache.areas.map((a) => ({ code: a.code, name: pick(a.name, language) }));
  }

  functionalDirectorates(language: Language): FunctionalDirectorateView[] {
    return this.cache.directorates.map((d) => ({ code: d.code, name: pick(d.name, language) }));
  }

  countryCodes(): string[] {
    return this.cache.countries.map((c) => c.code);
  }
}
