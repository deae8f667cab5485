import { Injectable } from '@nestjs/common';
import type { PresenceState } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { type Db, type RowOf, sqlRows, sqlRun } from '../common/typed-sql';
import { visibilityScope } from '../requests/request-scope';
import type { UserEntity } from '../users/user.entity';
import type { RequestPresenceEntity } from './request-presence.entity';

/** Another person with the request open. */
export type PresentPersonRow = RowOf<RequestPresenceEntity, 'user_id' | 'state' | 'seen_at'> &
  RowOf<UserEntity, 'name'>;

/** request_presence: who has which request open, until when. */
@Injectable()
export class PresenceRepository {
  /**
   * Records (or renews) the caller's presence on a request it may see — visibility decided in
   * this statement, as for every read of a request. False: no such request for the caller.
   */
  async report(
    db: Db,
    caller: AuthUser,
    requestId: string,
    state: PresenceState,
    ttlSeconds: number,
  ): Promise<boolean> {
    const params: unknown[] = [requestId, caller.id, state, ttlSeconds];
    const scope = visibilityScope(caller, params);
    const rows = await sqlRows<RowOf<RequestPresenceEntity, 'request_id'>>(
      db,
      `INSERT INTO request_presence (request_id, user_id, state, seen_at, expires_at)
       SELECT r.id, $2, $3, now(), now() + make_interval(secs => $4) FROM requests r WHERE r.id = $1 AND ${scope}
       ON CONFLICT (request_id, user_id)
         DO UPDATE SET state = EXCLUDED.state, seen_at = EXCLUDED.seen_at, expires_at = EXCLUDED.expires_at
       RETURNING request_id`,
      params,
    );
    return rows.length > 0;
  }

  /** The others whose presence on the request has not expired (active people only), writers first. */
  others(db: Db, requestId: string, callerId: string): Promise<PresentPersonRow[]> {
    return sqlRows<PresentPersonRow>(
      db,
      `SELECT p.user_id, p.state, p.seen_at, u.name
       FROM request_presence p JOIN users u ON u.id = p.user_id AND u.active
       WHERE p.request_id = $1 AND p.user_id <> $2 AND p.expires_at > now()
       ORDER BY (p.state = 'writing') DESC, u.name, p.user_id`,
      [requestId, callerId],
    );
  }

  async leave(db: Db, requestId: string, userId: string): Promise<void> {
    await sqlRun(db, `DELETE FROM request_presence WHERE request_id = $1 AND user_id = $2`, [requestId, userId]);
  }

  /** Expired reports go as new ones arrive (an index on expires_at: cheap). */
  async deleteExpired(db: Db): Promise<void> {
    await sqlRun(db, `DELETE FROM request_presence WHERE expires_at <= now()`);
  }
}
