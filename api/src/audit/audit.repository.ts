import { Injectable } from '@nestjs/common';
import { type Db, sqlRows, sqlRun } from '../common/typed-sql';
import { currentAuditOrigin } from './audit-context';

export interface AuditEntry {
  /** Null: a failed sign-in of an unknown email, or a scheduled job. */
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

export interface AuditFilter {
  /** The actor's id or email (case ignored). */
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's last). */
  before?: string;
  limit: number;
}

export interface AuditRow {
  id: string;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log: written inside the caller's transaction, never changed (a trigger refuses it). */
@Injectable()
export class AuditRepository {
  async insert(db: Db, entry: AuditEntry): Promise<void> {
    const origin = currentAuditOrigin();
    await sqlRun(
      db,
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.changes ?? {}, origin.ip, origin.userAgent],
    );
  }

  /** A page of entries, newest first (by id, the primary key: keyset paging that an insert never shifts). */
  list(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions: string[] = [];
    if (filter.actor !== undefined) {
      conditions.push(
        UUID.test(filter.actor)
          ? `a.actor_id = ${param(filter.actor)}::uuid`
          : `a.actor_id IN (SELECT id FROM users WHERE lower(email) = lower(${param(filter.actor)}))`,
      );
    }
    if (filter.action !== undefined) conditions.push(`a.action = ${param(filter.action)}`);
    if (filter.entityType !== undefined) conditions.push(`a.entity_type = ${param(filter.entityType)}`);
    if (filter.entityId !== undefined) conditions.push(`a.entity_id = ${param(filter.entityId)}`);
    if (filter.from !== undefined) conditions.push(`a.created_at >= ${param(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`a.created_at < ${param(filter.to)}`);
    if (filter.before !== undefined) conditions.push(`a.id < ${param(filter.before)}::bigint`);
    return sqlRows<AuditRow>(
      db,
      `SELECT a.id::text AS id, a.created_at, a.actor_id, u.name AS actor_name, u.email AS actor_email, a.action,
              a.entity_type, a.entity_id, a.changes, a.ip, a.user_agent
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT ${param(filter.limit)}`,
      params,
    );
  }
}
