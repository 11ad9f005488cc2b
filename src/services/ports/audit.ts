import type { AuditEntry } from '../../core/audit/audit-entry';

/** The one writer of the audit trail; entries are only ever added. */
export interface AuditLog {
  record: (entry: AuditEntry, now: Date) => Promise<void>;
}
