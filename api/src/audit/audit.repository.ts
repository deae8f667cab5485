import { Injectable } from '@nestjs/common';
import { type Db, sqlRun } from '../common/typed-sql';

export interface AuditEntry {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

/** The audit log, written inside the caller's transaction. */
@Injectable()
export class AuditRepository {
  async insert(db: Db, entry: AuditEntry): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5)`,
      [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.changes ?? {}],
    );
  }
}
