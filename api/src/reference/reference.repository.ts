import { Injectable } from '@nestjs/common';
import { type Db, managerOf } from '../common/typed-sql';
import { CountryEntity, FunctionalDirectorateEntity, RegionEntity, ThematicAreaEntity } from './reference.entities';

/** The reference tables, through TypeORM's own API: plain reads in a fixed order. */
@Injectable()
export class ReferenceRepository {
  regions(db: Db): Promise<RegionEntity[]> {
    return managerOf(db).find(RegionEntity, { order: { code: 'ASC' } });
  }

  countries(db: Db): Promise<CountryEntity[]> {
    return managerOf(db).find(CountryEntity, { order: { code: 'ASC' } });
  }

  thematicAreas(db: Db): Promise<ThematicAreaEntity[]> {
    return managerOf(db).find(ThematicAreaEntity, { order: { sortOrder: 'ASC' } });
  }

  functionalDirectorates(db: Db): Promise<FunctionalDirectorateEntity[]> {
    return managerOf(db).find(FunctionalDirectorateEntity, { order: { code: 'ASC' } });
  }
}
