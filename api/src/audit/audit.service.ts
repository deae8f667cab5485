import { Injectable } from '@nestjs/common';
import type { Db } from '../common/typed-sql';
import { type AuditEntry, AuditRepository } from './audit.repository';

/** Writes the audit log of administrative changes, inside the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(db: Db, entry: AuditEntry): Promise<void> {
    await this.repository.insert(db, entry);
  }
}
