import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Writes the audit log of administrative changes, inside the caller's transaction. */
@Injectable()
export class AuditService {
  async record(
    db: EntityManager,
    entry: { actorId: string; action: string; entityType: string; entityId: string; changes?: Record<string, unknown> },
  ): Promise<void> {
    await db.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5)`,
      [entry.actorId, entry.action, entry.entityType, entry.entityId, entry.changes ?? {}],
    );
  }
}
