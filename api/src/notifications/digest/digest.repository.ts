import { Injectable } from '@nestjs/common';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../../common/typed-sql';
import type { NotificationEntity } from '../notification.entity';
import type { NotificationKind, NotificationParams } from '../templates';
import { DIGEST_KIND } from './digest-kind';

/** A notification a digest carries. */
export type DigestItemRow = RowOf<NotificationEntity, 'request_id' | 'created_at'> & {
  kind: NotificationKind;
  params: NotificationParams;
};

/**
 * The person's time zone, for the hour of the digest. A member: its organization's country.
 * Staff: of the countries it works for (its coverage, else its region, else the whole
 * network), the one where the local clock is furthest ahead, so the digest is there by that
 * hour wherever it works. UTC when there is no country at all.
 */
const ZONE_OF_U = `COALESCE(
  (SELECT c.timezone FROM organizations o JOIN countries c ON c.code = o.country_code WHERE o.id = u.organization_id),
  (SELECT c.timezone FROM countries c
   WHERE CASE
     WHEN EXISTS (SELECT 1 FROM coverage_entries ce
                  WHERE ce.user_id = u.id AND num_nonnulls(ce.country_code, ce.region_code) > 0)
       THEN EXISTS (SELECT 1 FROM coverage_entries ce
                    WHERE ce.user_id = u.id AND (ce.country_code = c.code OR ce.region_code = c.region_code))
     WHEN u.region_code IS NOT NULL THEN c.region_code = u.region_code
     ELSE true END
   ORDER BY now() AT TIME ZONE c.timezone DESC, c.code LIMIT 1),
  'UTC')`;

/** The daily digests: who is due, what each carries. */
@Injectable()
export class DigestRepository {
  /**
   * Held notifications of people who no longer want them (deactivated, or now on 'none')
   * will never be sent: 'skipped', as if written under that choice.
   */
  async skipWithdrawn(db: Db): Promise<void> {
    await sqlRun(
      db,
      `UPDATE notifications n SET email_status = 'skipped'
       FROM users u
       WHERE n.email_status = 'held' AND u.id = n.recipient_id AND (NOT u.active OR u.email_notifications = 'none')`,
    );
  }

  /**
   * Writes the digests due now, in one statement: everyone with held notifications whose last
   * `hour` o'clock (local) has passed since its last digest (or since its oldest held
   * notification) is claimed by a conditional UPDATE of users.last_digest_at to that slot —
   * a concurrent run finds the mark moved and skips the person; the digest row is unique per
   * person and slot besides. Each digest takes every held notification of its person, which
   * become 'digested'. The outbox then sends the digest like any email.
   */
  async writeDue(db: Db, hour: number): Promise<{ digests: number; notifications: number }> {
    const row = await sqlRow<{ digests: number; notifications: number }>(
      db,
      `WITH waiting AS (
         SELECT recipient_id, min(created_at) AS since FROM notifications WHERE email_status = 'held' GROUP BY recipient_id),
       zoned AS (
         SELECT u.id, w.since, ${ZONE_OF_U} AS zone
         FROM waiting w JOIN users u ON u.id = w.recipient_id
         WHERE u.active AND u.email_notifications <> 'none'),
       slotted AS (
         SELECT id, since, zone,
                (date_trunc('day', (now() AT TIME ZONE zone) - make_interval(hours => $1)) + make_interval(hours => $1))
                  AT TIME ZONE zone AS slot
         FROM zoned),
       claimed AS (
         UPDATE users u SET last_digest_at = s.slot FROM slotted s
         WHERE u.id = s.id AND s.slot > COALESCE(u.last_digest_at, s.since)
         RETURNING u.id, s.slot, s.zone),
       digests AS (
         INSERT INTO notifications (recipient_id, kind, request_id, event_key, params, email_status)
         SELECT id, '${DIGEST_KIND}', NULL, 'digest:' || to_char(slot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'),
                jsonb_build_object('timeZone', zone), 'pending'
         FROM claimed
         ON CONFLICT (event_key, recipient_id) DO NOTHING
         RETURNING id, recipient_id),
       carried AS (
         UPDATE notifications n SET email_status = 'digested', digest_id = d.id
         FROM digests d WHERE n.recipient_id = d.recipient_id AND n.email_status = 'held'
         RETURNING n.id)
       SELECT (SELECT count(*) FROM digests)::int AS digests, (SELECT count(*) FROM carried)::int AS notifications`,
      [hour],
    );
    return row!;
  }

  /** What a digest carries, oldest first. */
  items(db: Db, digestId: string): Promise<DigestItemRow[]> {
    return sqlRows<DigestItemRow>(
      db,
      `SELECT kind, request_id, params, created_at FROM notifications WHERE digest_id = $1 ORDER BY created_at, id`,
      [digestId],
    );
  }
}
