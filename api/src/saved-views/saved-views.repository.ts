import { Injectable } from '@nestjs/common';
import type { SavedView } from '@portal/shared';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { SavedViewEntity } from './saved-view.entity';

export type SavedViewRow = RowOf<SavedViewEntity, 'id' | 'name' | 'params' | 'created_at'>;

@Injectable()
export class SavedViewsRepository {
  listOf(db: Db, userId: string): Promise<SavedViewRow[]> {
    return sqlRows<SavedViewRow>(
      db,
      `SELECT id, name, params, created_at FROM saved_views WHERE user_id = $1 ORDER BY lower(name), created_at, id`,
      [userId],
    );
  }

  /** Serializes one person's saves (the limit and the name are checked, then written). */
  async lockOwner(db: Db, userId: string): Promise<void> {
    await sqlRun(db, `SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  async countOf(db: Db, userId: string): Promise<number> {
    const row = await sqlRow<{ count: number }>(
      db,
      `SELECT count(*)::int AS count FROM saved_views WHERE user_id = $1`,
      [userId],
    );
    return row!.count;
  }

  async nameTaken(db: Db, userId: string, name: string): Promise<boolean> {
    const row = await sqlRow<{ taken: boolean }>(
      db,
      `SELECT EXISTS (SELECT 1 FROM saved_views WHERE user_id = $1 AND lower(name) = lower($2)) AS taken`,
      [userId, name],
    );
    return row!.taken;
  }

  async insert(db: Db, userId: string, name: string, params: SavedView['params']): Promise<SavedViewRow> {
    const row = await sqlRow<SavedViewRow>(
      db,
      `INSERT INTO saved_views (user_id, name, params) VALUES ($1, $2, $3::jsonb) RETURNING id, name, params, created_at`,
      [userId, name, JSON.stringify(params)],
    );
    return row!;
  }

  /** Deletes one of the person's views; false when it has none with this id. */
  async delete(db: Db, userId: string, id: string): Promise<boolean> {
    // As a SELECT: a bare DELETE … RETURNING answers TypeORM's [rows, count] pair, not rows.
    const row = await sqlRow<{ deleted: number }>(
      db,
      `WITH gone AS (DELETE FROM saved_views WHERE id = $1 AND user_id = $2 RETURNING id) SELECT count(*)::int AS deleted FROM gone`,
      [id, userId],
    );
    return row!.deleted > 0;
  }
}
