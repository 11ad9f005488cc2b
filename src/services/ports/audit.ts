import type { AuditEntry } from '../../core/audit/audit-entry';

/** The one writer of the audit trail; entries are only ever added. */
export interface AuditLog {
  record: (entry: AuditEntry, now: Date) => Promise<void>;
  /** record for many entries in one statement (a few hundred at a time), in their order. */
  recordAll: (entries: readonly AuditEntry[], now: Date) => Promise<void>;
}
