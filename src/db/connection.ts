import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
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

export const openDatabase = (target: DatabaseTarget): DatabaseHandle => {
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // PostgreSQL's COMMIT returns once the commit is durable (synchronous_commit on).
  return { db, dialect: 'postgres', close: () => db.destroy(), durable: async () => undefined };
};
