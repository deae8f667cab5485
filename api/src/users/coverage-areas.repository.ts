import { Injectable } from '@nestjs/common';
import { type Db, sqlRows } from '../common/typed-sql';

/** The thematic areas a person's coverage entries name: the areas a specialist writes for (canned answers, articles). */
@Injectable()
export class CoverageAreasRepository {
  async coverageAreas(db: Db, userId: string): Promise<string[]> {
    const rows = await sqlRows<{ area_code: string }>(
      db,
      `SELECT DISTINCT area_code FROM coverage_entries WHERE user_id = $1 AND area_code IS NOT NULL ORDER BY area_code`,
      [userId],
    );
    return rows.map((row) => row.area_code);
  }
}
