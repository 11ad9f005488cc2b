import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../services/ports/runtime';
import { databaseOutage } from './database-errors';
import { createWalSync, DurableSqliteDialect } from './durable-sqlite';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
  /**
   * Resolves once every commit made so far is on disk. Ordinary queries and transactions already
   * wait for that before they return; only the owner of a controlled transaction
   * (`startTransaction`) must call this after its commit (src/db/durable-sqlite.ts).
   */
  durable: () => Promise<void>;
}

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/**
 * Opens the database. SQLite runs in WAL mode, and every commit is on disk before the caller goes
 * on (a crash, a SIGKILL or a power cut loses nothing that was answered): the log is fsynced after
 * each commit off the main thread (durable-sqlite.ts, ADR 0007) rather than inside COMMIT, which
 * `synchronous=FULL` would do while the whole server waits. Foreign keys are on, and a busy
 * timeout makes a second process (the CLI while the server runs) wait instead of failing.
 */
/**
 * Kysely asks better-sqlite3 to prepare every statement anew; preparing costs more than running
 * most of this program's queries. Statements are reused by their SQL text (Kysely's driver runs
 * one query at a time on its single connection, so a cached statement is never in use twice).
 */
const STATEMENT_CACHE_SIZE = 500;
const withStatementCache = (sqlite: SQLite.Database): SQLite.Database => {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
};

export interface OpenDatabaseOptions {
  /** Where connection failures are reported (once per outage, see database-errors.ts). */
  logger?: Logger;
}

export const openDatabase = (target: DatabaseTarget, options: OpenDatabaseOptions = {}): DatabaseHandle => {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL: SQLite leaves the commit's fsync to the driver (see above); FULL for an in-memory database.
    sqlite.pragma(target.path === ':memory:' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const database = withStatementCache(sqlite);
    if (target.path === ':memory:') {
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
      return { db, dialect: 'sqlite', close: () => db.destroy(), durable: async () => undefined };
    }
    const wal = createWalSync(target.path);
    const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database }, wal) });
    return { db, dialect: 'sqlite', close: () => db.destroy(), durable: wal.sync };
  }
  // COUNT(*) and BIGINT come back as strings from pg by default; the program's counts fit in a number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, onCreateConnection: requireDurableCommits }),
  });
  const connections = watchPool(pool, () => handle, options.logger);
  const handle: DatabaseHandle = {
    db,
    dialect: 'postgres',
    close: () => closePool(pool, db, connections),
    // PostgreSQL's COMMIT returns once the commit is durable (synchronous_commit on, see below).
    durable: async () => undefined,
  };
  return handle;
};

/**
 * A commit is acknowledged only once PostgreSQL has written it to its log and flushed that
 * (`synchronous_commit = on`, PostgreSQL's default). Set on every connection the program opens, so
 * that a server, database or role configured with it off (`ALTER DATABASE … SET synchronous_commit
 * = off`, as this project's test cluster is) cannot make an acknowledged application disappear when
 * PostgreSQL crashes. What the program cannot set is `fsync`, server-wide: with it off (only the
 * test cluster), the flush reaches the page cache and not the disk (README, "Durability").
 */
const requireDurableCommits = async (connection: DatabaseConnection): Promise<void> => {
  await connection.executeQuery(CompiledQuery.raw('SET synchronous_commit = on'));
};

/** The pool's connections whose sockets are open, and a way to wait until there are none. */
interface OpenConnections {
  allClosed: () => Promise<void>;
}

/**
 * PostgreSQL may close a connection at any time: a restart or failover, `pg_ctl -m fast`, an
 * administrator's pg_terminate_backend, DROP DATABASE … WITH (FORCE). pg then emits 'error' on the
 * connection, and on the pool if it was idle there; an 'error' event nobody listens to ends the
 * process. So both are listened to. The pool drops such a connection and opens a new one when
 * next asked; a query in flight fails on its own (the caller answers 503, see database-errors.ts).
 * A new connection means the database answers again, which ends an outage.
 */
const watchPool = (
  pool: pg.Pool,
  handle: () => DatabaseHandle,
  logger: Logger | undefined,
): OpenConnections => {
  const outage = () => (logger ? databaseOutage(handle(), logger) : undefined);
  const open = new Set<pg.PoolClient>();
  let whenEmpty: (() => void)[] = [];
  pool.on('error', (error) => outage()?.failed(error, 'idle connection'));
  pool.on('connect', (client) => {
    open.add(client);
    // Lent-out connections have no pool listener; their failure reaches their query (or the next).
    client.on('error', () => undefined);
    outage()?.succeeded('new connection');
  });
  // Emitted once the connection's socket has closed.
  pool.on('remove', (client) => {
    open.delete(client);
    if (open.size > 0) return;
    for (const resolve of whenEmpty) resolve();
    whenEmpty = [];
  });
  return {
    allClosed: () =>
      open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenEmpty.push(resolve)),
  };
};

/** How long closing waits for work in flight (a group-commit batch, a worker's pass) to finish. */
const CLOSE_WAIT_MS = 10_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Closes the pool once the work in flight is done, and resolves when every connection's socket
 * is closed. Waiting for the sockets matters to whoever drops or stops the database next: pg-pool's
 * end() resolves as soon as it has asked its connections to end, and a backend still attached
 * then is terminated by DROP DATABASE … WITH (FORCE), with an error on the closing connection.
 */
const closePool = async (pool: pg.Pool, db: Kysely<Database>, connections: OpenConnections) => {
  const isQuiet = () => pool.totalCount === pool.idleCount && pool.waitingCount === 0;
  const deadline = Date.now() + CLOSE_WAIT_MS;
  // Quiet twice, a moment apart: a group commit starts its next batch a turn after the last one.
  while (Date.now() < deadline) {
    if (isQuiet()) {
      await pause(5);
      if (isQuiet()) break;
    }
    await pause(10);
  }
  await db.destroy();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    connections.allClosed(),
    new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
};
