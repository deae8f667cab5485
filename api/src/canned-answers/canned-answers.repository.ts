import { Injectable } from '@nestjs/common';
import type { CannedAnswerBody, Language } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { RequestEntity } from '../requests/request.entities';
import { visibilityScope } from '../requests/request-scope';
import type { CannedAnswerEntity } from './canned-answer.entity';

export type CannedAnswerRow = RowOf<
  CannedAnswerEntity,
  'id' | 'area_code' | 'language' | 'title' | 'body' | 'updated_at' | 'updated_by'
> & { updated_by_name: string | null };

/** A request as its canned answers need it: its area, and what the placeholders say. */
export type RequestForAnswersRow = RowOf<
  RequestEntity,
  'reference' | 'area_code' | 'country_code' | 'resolution_due_at'
> & { member_name: string; member_language: Language };

const SELECT = `SELECT a.id, a.area_code, a.language, a.title, a.body, a.updated_at, a.updated_by, u.name AS updated_by_name
  FROM canned_answers a LEFT JOIN users u ON u.id = a.updated_by`;

@Injectable()
export class CannedAnswersRepository {
  list(db: Db, area: string | null, language: string | null): Promise<CannedAnswerRow[]> {
    return sqlRows<CannedAnswerRow>(
      db,
      `${SELECT} WHERE ($1::text IS NULL OR a.area_code = $1) AND ($2::text IS NULL OR a.language = $2)
       ORDER BY a.area_code, a.language, lower(a.title), a.id`,
      [area, language],
    );
  }

  find(db: Db, id: string, options: { lock: boolean } = { lock: false }): Promise<CannedAnswerRow | undefined> {
    return sqlRow<CannedAnswerRow>(db, `${SELECT} WHERE a.id = $1${options.lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  }

  /** The new answer's id; undefined when its area and language have that title already. */
  async insert(db: Db, body: CannedAnswerBody, authorId: string | null): Promise<string | undefined> {
    const row = await sqlRow<RowOf<CannedAnswerEntity, 'id'>>(
      db,
      `INSERT INTO canned_answers (area_code, language, title, body, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (area_code, language, lower(title)) DO NOTHING RETURNING id`,
      [body.area, body.language, body.title, body.body, authorId],
    );
    return row?.id;
  }

  /** False when another answer of the area and language has the title. */
  async update(db: Db, id: string, body: CannedAnswerBody, authorId: string): Promise<boolean> {
    const taken = await sqlRow<RowOf<CannedAnswerEntity, 'id'>>(
      db,
      `SELECT id FROM canned_answers WHERE area_code = $1 AND language = $2 AND lower(title) = lower($3) AND id <> $4`,
      [body.area, body.language, body.title, id],
    );
    if (taken) return false;
    await sqlRun(
      db,
      `UPDATE canned_answers SET area_code = $2, language = $3, title = $4, body = $5, updated_by = $6, updated_at = now()
       WHERE id = $1`,
      [id, body.area, body.language, body.title, body.body, authorId],
    );
    return true;
  }

  async delete(db: Db, id: string): Promise<void> {
    await sqlRun(db, `DELETE FROM canned_answers WHERE id = $1`, [id]);
  }

  /** A request the caller may see (its visibility scope in the statement), with its member; undefined otherwise. */
  requestForAnswers(db: Db, caller: AuthUser, id: string): Promise<RequestForAnswersRow | undefined> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    return sqlRow<RequestForAnswersRow>(
      db,
      `SELECT r.reference, r.area_code, r.country_code, r.resolution_due_at,
              m.name AS member_name, m.language AS member_language
       FROM requests r JOIN users m ON m.id = r.created_by
       WHERE r.id = $1 AND ${scope}`,
      params,
    );
  }
}
