import { close, fstat, fsync, open, stat } from 'node:fs';
import { dirname } from 'node:path';
import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/**
 * SQLite commits that are on disk before they are acknowledged, without stopping the event loop.
 *
 * With `synchronous=FULL`, SQLite fsyncs the write-ahead log inside every COMMIT. better-sqlite3
 * is synchronous, so each fsync (about 10 ms on this machine's disk) froze the whole server: no
 * request was parsed, validated or answered meanwhile. In a deadline rush that was half of the
 * main thread's time.
 *
 * Here the connection runs with `synchronous=NORMAL` (SQLite writes the log but does not fsync it
 * at commit; it still fsyncs the log before each checkpoint and the database after it), and this
 * driver fsyncs the log itself, on libuv's thread pool, after every commit and every write made
 * outside a transaction, and only then lets the caller go on. The caller, and so the person, is
 * answered after the same fsync FULL would have made: a commit acknowledged is a commit that
 * survives power loss. What changes is that JavaScript keeps running during the fsync, and the
 * next transaction may already run while the previous one's fsync is under way.
 *
 * The fsync of one commit must start after that commit's write. Commits that finish while an
 * fsync is under way share the next one (one fsync covers every write made before it started),
 * so a burst of commits costs at most two fsyncs in flight at a time.
 */
export interface WalSync {
  /** Resolves once everything written to the log so far is on disk. */
  sync: () => Promise<void>;
  close: () => Promise<void>;
}

type Fs = {
  open: typeof open;
  fstat: typeof fstat;
  fsync: typeof fsync;
  stat: typeof stat;
  close: typeof close;
};

const promised =
  <T>(run: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void) =>
  () =>
    new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

/**
 * Keeps the log file open and fsyncs it on demand. The log is created by SQLite at the first write;
 * when it is first opened here its directory is fsynced too, so the file's name is durable. If
 * SQLite ever replaces the file (a new inode), the new one is opened.
 */
export const createWalSync = (
  databasePath: string,
  fs: Fs = { open, fstat, fsync, stat, close },
): WalSync => {
  const walPath = `${databasePath}-wal`;
  let fd: number | undefined;
  let inode: number | undefined;

  const fsyncPath = async (path: string) => {
    const dirFd = await promised<number>((done) => fs.open(path, 'r', done))();
    try {
      await promised<void>((done) => fs.fsync(dirFd, (error) => done(error, undefined)))();
    } finally {
      await promised<void>((done) => fs.close(dirFd, (error) => done(error, undefined)))();
    }
  };

  const currentFd = async (): Promise<number | undefined> => {
    let onDisk: { ino: number };
    try {
      onDisk = await promised<{ ino: number }>((done) => fs.stat(walPath, done))();
    } catch (error) {
      // No log yet (nothing was ever written): nothing to make durable.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (fd !== undefined && inode === onDisk.ino) return fd;
    if (fd !== undefined) {
      const stale = fd;
      fd = undefined;
      await promised<void>((done) => fs.close(stale, (error) => done(error, undefined)))();
    }
    const opened = await promised<number>((done) => fs.open(walPath, 'r+', done))();
    const openedStat = await promised<{ ino: number }>((done) => fs.fstat(opened, done))();
    fd = opened;
    inode = openedStat.ino;
    await fsyncPath(dirname(walPath));
    return fd;
  };

  const fsyncNow = async () => {
    const target = await currentFd();
    if (target === undefined) return;
    await promised<void>((done) => fs.fsync(target, (error) => done(error, undefined)))();
  };

  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const sync = (): Promise<void> => {
    if (!running) {
      running = fsyncNow().finally(() => {
        running = undefined;
      });
      return running;
    }
    // An fsync is under way but may have started before this caller's write: wait for the next.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return sync();
      });
    return queued;
  };

  return {
    sync,
    close: async () => {
      await running?.catch(() => undefined);
      await queued?.catch(() => undefined);
      if (fd !== undefined) {
        const open = fd;
        fd = undefined;
        await promised<void>((done) => fs.close(open, (error) => done(error, undefined)))();
      }
    },
  };
};

/**
 * Wraps Kysely's SQLite driver. A connection that committed (or wrote outside a transaction) is
 * handed back first, so the next transaction can start, and the release then waits for the fsync:
 * Kysely awaits the release before it returns to the caller, so the caller goes on only once the
 * write is on disk. A controlled transaction (`startTransaction`) is the exception: Kysely does
 * not wait for its release, so its owner waits for `WalSync.sync()` after the commit itself
 * (src/db/group-commit.ts does).
 */
class DurableSqliteDriver implements Driver {
  private wrote = false;

  constructor(
    private readonly inner: Driver,
    private readonly database: SQLite.Database,
    private readonly wal: WalSync,
  ) {}

  init = () => this.inner.init();

  acquireConnection = async (): Promise<DatabaseConnection> => {
    const connection = await this.inner.acquireConnection();
    return {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const result = await connection.executeQuery<R>(query);
        // A read, BEGIN or a write inside a transaction needs no fsync; COMMIT and writes outside
        // a transaction do.
        if (!this.database.inTransaction && !isRead(query)) this.wrote = true;
        return result;
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  };

  beginTransaction = (connection: DatabaseConnection, settings: TransactionSettings) =>
    this.inner.beginTransaction(connection, settings);
  commitTransaction = (connection: DatabaseConnection) => this.inner.commitTransaction(connection);
  rollbackTransaction = (connection: DatabaseConnection) => this.inner.rollbackTransaction(connection);
  savepoint = (connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) =>
    this.inner.savepoint!(connection, name, compile);
  rollbackToSavepoint = (
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) => this.inner.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint = (connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) =>
    this.inner.releaseSavepoint!(connection, name, compile);

  releaseConnection = async (connection: DatabaseConnection) => {
    // SQLite has one connection: COMMIT and the writes above all set this before the release.
    const wrote = this.wrote;
    this.wrote = false;
    await this.inner.releaseConnection(connection);
    if (wrote) await this.wal.sync();
  };

  destroy = async () => {
    await this.wal.close();
    await this.inner.destroy();
  };
}

/** Plain reads change nothing; anything else outside a transaction may have written. */
const isRead = (query: CompiledQuery): boolean => /^\s*select\b/i.test(query.sql);

/** Kysely's SQLite dialect with the durable driver: for a `synchronous=NORMAL` connection. */
export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig & { database: SQLite.Database },
    private readonly wal: WalSync,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(super.createDriver(), this.config.database, this.wal);
  }
}
