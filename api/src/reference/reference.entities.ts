import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Display names by language code, e.g. { "es": "Andina", "en": "Andean" }. */
export type LocalizedNames = Record<string, string>;

@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'jsonb' })
  name: LocalizedNames;
}

@Entity('countries')
export class CountryEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'jsonb' })
  name: LocalizedNames;
}

@Entity('thematic_areas')
export class ThematicAreaEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @Column({ type: 'jsonb' })
  name: LocalizedNames;
}

@Entity('functional_directorates')
export class FunctionalDirectorateEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'jsonb' })
  name: LocalizedNames;
}
