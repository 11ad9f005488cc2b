/**
 * Whether the database is there. The db adapter classifies errors and keeps one outage record per
 * database (db/database-errors.ts); the web edge and the jobs answer and back off through this, so
 * that an outage is a 503 and a handful of log lines, not a stack trace per request.
 */
export interface DatabaseHealth {
  /** True for an error that means the database is down or locked for now (try again), not a fault. */
  isUnavailable: (error: unknown) => boolean;
  /** Records a failure `isUnavailable` accepted; `source` says who met it. */
  failed: (error: unknown, source: string) => void;
  /** Records that the database answered; ends an outage. */
  succeeded: (source: string) => void;
}
