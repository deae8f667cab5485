import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditEntryView, AuditPage } from '@portal/shared';
import type { Db } from '../common/typed-sql';
import { type AuditEntry, type AuditFilter, type AuditRow, AuditRepository } from './audit.repository';

/** Writes the audit log of administrative changes, sign-ins and exports, and reads it for admins. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
  ) {}

  /** An entry written inside the caller's transaction: it commits, or vanishes, with the change. */
  async record(db: Db, entry: AuditEntry): Promise<void> {
    await this.repository.insert(db, entry);
  }

  /** An entry of its own (a sign-in, an export): nothing else to commit with it. */
  async recordNow(entry: AuditEntry): Promise<void> {
    await this.repository.insert(this.dataSource, entry);
  }

  /** A page, newest first; one row more than asked tells whether another page follows. */
  async page(filter: AuditFilter): Promise<AuditPage> {
    const rows = await this.repository.list(this.dataSource, { ...filter, limit: filter.limit + 1 });
    const items = rows.slice(0, filter.limit).map(toAuditView);
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].id : null };
  }

  /** Every entry matching the filter, newest first, a page at a time (for the CSV export). */
  async *all(filter: Omit<AuditFilter, 'limit' | 'before'>): AsyncGenerator<AuditEntryView[]> {
    let before: string | undefined;
    for (;;) {
      const page = await this.page({ ...filter, before, limit: 1000 });
      if (page.items.length) yield page.items;
      if (!page.nextCursor) return;
      before = page.nextCursor;
    }
  }
}

/** The fields of a record a change names, before and after it: what the audit entry keeps. */
export function beforeAndAfter<T extends object>(
  current: T,
  change: Partial<T> | object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const after = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  const before = Object.fromEntries(Object.keys(after).map((key) => [key, (current as Record<string, unknown>)[key]]));
  return { before, after };
}

function toAuditView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: new Date(row.created_at).toISOString(),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
