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
import { ReferenceRepository } from './reference.repository';

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReferenceRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const [regions, countries, areas, directorates] = await Promise.all([
      this.repository.regions(this.dataSource),
      this.repository.countries(this.dataSource),
      this.repository.thematicAreas(this.dataSource),
      this.repository.functionalDirectorates(this.dataSource),
    ]);
    // The codes are the shared unions' values: the migrations seed them from the same data.
    this.cache = {
      regions: regions.map((r) => ({ code: r.code as RegionCode, name: r.name })),
      countries: countries.map((c) => ({
        code: c.code,
        region: c.regionCode as RegionCode,
        timezone: c.timezone,
        languages: c.languages,
        name: c.name,
      })),
      areas: areas.map((a) => ({ code: a.code as ThematicArea, name: a.name })),
      directorates: directorates.map((d) => ({ code: d.code, name: d.name })),
    };
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
