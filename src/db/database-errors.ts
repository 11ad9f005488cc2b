import type { Logger } from '../services/ports/runtime';

/**
 * Which failures mean "the database cannot be reached or written right now", as opposed to a bug
 * or a bad query: PostgreSQL restarting, failing over or terminating connections, the network to
 * it gone, the pool shutting down; SQLite locked by another process beyond busy_timeout, read-only,
 * or its file unreadable. The server answers these with 503 ("try again shortly") rather than 500,
 * logs them once per outage rather than once per request, and its workers back off.
 */

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown (pg_ctl -m fast,
 * pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting
 * down), 53300 too_many_connections, 40001/40P01 are NOT here (a retry of the unit, not an outage).
 */
const POSTGRES_UNAVAILABLE = /^(08\w{3}|57P0[123]|53300)$/;

/** Socket-level failures on the way to PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** better-sqlite3's codes (extended codes start with the primary one, e.g. SQLITE_BUSY_SNAPSHOT). */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR|FULL|PROTOCOL)(_\w+)?$/;

/** pg and pg-pool (and Kysely's driver) say these in plain words, without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end on the pool/,
  /^driver has already been destroyed/,
];

const isUnavailableOne = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (POSTGRES_UNAVAILABLE.test(code) || NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) {
      return true;
    }
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
};

/** True when the error (or one it was caused by) means the database is unavailable for now. */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const seen = new Set<unknown>();
  for (let current = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    if (isUnavailableOne(current)) return true;
    if (typeof current !== 'object') break;
    // AggregateError (e.g. a connection attempt to every address of `localhost`).
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(isUnavailableOne)) return true;
  }
  return false;
};

/** A short, safe description for logs: code and message, no stack. */
const summarize = (error: unknown): { code?: string; message: string } => {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      ...(typeof code === 'string' ? { code } : {}),
      message: typeof message === 'string' ? message : String(error),
    };
  }
  return { message: String(error) };
};

/**
 * One log line when the database becomes unavailable, a reminder at most every `remindEveryMs`
 * while it stays so (with how many failures were not logged), and one line when it answers again
 * (or, failing a sign that it is back, the next failure after `quietMs` without one counts as a
 * new outage).
 * Everything in between is at debug level. Shared by every part of the server that talks to the
 * same database (see `databaseOutage`), so an outage under load is a handful of lines, not one
 * per request, connection and worker pass.
 */
export interface DatabaseOutage {
  /** Records a failure that `isDatabaseUnavailable` accepted; `source` says who met it. */
  failed: (error: unknown, source: string) => void;
  /** Records that the database answered (a query, a new connection); ends an outage. */
  succeeded: (source: string) => void;
  readonly isOngoing: () => boolean;
}

export const createDatabaseOutage = (
  logger: Logger,
  { remindEveryMs = 60_000, quietMs = 30_000, now = () => Date.now() } = {},
): DatabaseOutage => {
  let since: number | undefined;
  let lastLoggedAt = 0;
  let lastFailedAt = 0;
  let failures = 0;
  let unlogged = 0;
  return {
    failed: (error, source) => {
      const at = now();
      // Nothing said the database was back (on SQLite only the health check and PostgreSQL's new
      // connections do), but no failure for a while: this is a new outage, logged as such.
      if (since !== undefined && at - lastFailedAt >= quietMs) since = undefined;
      lastFailedAt = at;
      if (since === undefined) failures = 0;
      failures++;
      if (since === undefined) {
        since = at;
        lastLoggedAt = at;
        logger.error(
          { source, error: summarize(error) },
          'the database is unavailable; answering 503 and retrying until it is back',
        );
        return;
      }
      if (at - lastLoggedAt >= remindEveryMs) {
        logger.error(
          { source, error: summarize(error), failures, unlogged, forMs: at - since },
          'the database is still unavailable',
        );
        lastLoggedAt = at;
        unlogged = 0;
        return;
      }
      unlogged++;
      logger.debug({ source, error: summarize(error) }, 'database unavailable');
    },
    succeeded: (source) => {
      if (since === undefined) return;
      logger.warn({ source, failures, forMs: now() - since }, 'the database is available again');
      since = undefined;
      failures = 0;
      unlogged = 0;
    },
    isOngoing: () => since !== undefined,
  };
};

const outages = new WeakMap<object, DatabaseOutage>();

/**
 * The outage record of one database (a DatabaseHandle): made on first use with the given logger,
 * then shared, so the pool, the request handler, the health check and the workers agree on
 * whether an outage is under way and log it once between them.
 */
export const databaseOutage = (database: object, logger: Logger): DatabaseOutage => {
  let outage = outages.get(database);
  if (!outage) {
    outage = createDatabaseOutage(logger);
    outages.set(database, outage);
  }
  return outage;
};
