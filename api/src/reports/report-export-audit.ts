import type { AuthUser } from '../auth/auth-user';
import type { AuditEntry } from '../audit/audit.repository';

/** A report downloaded (CSV or XLSX): the audit entry of the export, with the file's name and the filters asked. */
export function reportExport(caller: AuthUser, fileName: string, query: object): AuditEntry {
  return {
    actorId: caller.id,
    action: 'report.exported',
    entityType: 'report',
    entityId: fileName.split('-by-')[0],
    changes: { file: fileName, query: { ...query } },
  };
}
