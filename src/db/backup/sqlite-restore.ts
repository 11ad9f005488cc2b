import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { BackupError, describeFileError, sqliteCodeOf } from './backup-error';
import { fsyncPath, removeDatabaseFiles, renameDurably } from './durable-files';
import { type DatabaseSchema, inspectDatabase } from './inspect-database';

/**
 * `iln restore FILE` on SQLite: FILE becomes the program's database (ADR 0016).
 *
 * Nobody may be using the database meanwhile. That is asked of SQLite itself rather than of a pid
 * file: the restore opens the live database in `locking_mode=EXCLUSIVE` with no busy timeout and
 * reads it, which needs an exclusive lock on the file. Every process that has the database open
 * in WAL mode (`iln serve`, `iln run-due`, any other verb while it runs) holds a shared lock on it
 * for as long as its connection is open, so the restore is refused with SQLITE_BUSY while any of
 * them runs. The operating system drops those locks when a process dies, so a server that crashed
 * or was killed leaves nothing stale behind (a pid file would), and the lock, once taken, keeps a
 * server that starts meanwhile waiting until the restore is done.
 *
 * FILE is copied beside the database, checked (a SQLite file, undamaged, an ILN schema no newer
 * than this version's), migrated if it is older, and flushed to disk while the live database is
 * untouched. Then, still under the lock, the live database's log is folded into it and it is
 * renamed to `iln.sqlite.before-restore-<timestamp>` (kept, never deleted), and the copy is
 * renamed into its place.
 */
export interface RestoreReport {
  /** The database the restore replaced, kept under this name; undefined when there was none. */
  keptAs: string | undefined;
  /** The file's schema as it was read. */
  schema: DatabaseSchema;
  /** Migrations applied to bring it up to date. */
  migrated: string[];
}

const timestampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

const freeName = (base: string): string => {
  let candidate = base;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
};

const checkBackupFile = (backupPath: string): void => {
  let isFile: boolean;
  try {
    isFile = statSync(backupPath).isFile();
  } catch (error) {
    throw describeFileError(error, 'restore from', backupPath);
  }
  if (!isFile) throw new BackupError(`cannot restore from ${backupPath}: it is not a file`);
  try {
    closeSync(openSync(backupPath, 'r'));
  } catch (error) {
    throw describeFileError(error, 'restore from', backupPath);
  }
};

/**
 * The live database, opened so that no other process has it or can open it until `release`; or
 * undefined when there is no database yet (a fresh DATA_DIR).
 */
const holdExclusively = (databasePath: string): SQLite.Database | undefined => {
  if (!existsSync(databasePath)) return undefined;
  const held = new SQLite(databasePath, { fileMustExist: true });
  try {
    held.pragma('busy_timeout = 0');
    held.pragma('locking_mode = EXCLUSIVE');
    // WAL mode: the first read takes the exclusive lock. Rollback mode: BEGIN EXCLUSIVE does.
    held.prepare('select count(*) from sqlite_master').get();
    held.exec('BEGIN EXCLUSIVE; COMMIT');
    return held;
  } catch (error) {
    held.close();
    const code = sqliteCodeOf(error);
    if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
      throw new BackupError(
        `the database ${databasePath} is in use by another process (a running \`iln serve\`, or another iln command): stop it, then restore`,
      );
    }
    if (code === 'SQLITE_NOTADB') {
      throw new BackupError(`${databasePath} is not a SQLite database; move it out of the way, then restore`);
    }
    throw new BackupError(`cannot open the database ${databasePath}: ${(error as Error).message}`);
  }
};

/** Folds the held database's log into it and renames it aside; the lock stays held. */
const retire = (held: SQLite.Database, databasePath: string, keptAs: string): void => {
  held.pragma('wal_checkpoint(TRUNCATE)');
  // Out of WAL mode: the log is deleted, so nothing of the old database stays under the live name.
  held.pragma('journal_mode = DELETE');
  renameSync(databasePath, keptAs);
  // An old shared-memory index is safe to remove: nobody else can hold the database meanwhile.
  rmSync(`${databasePath}-shm`, { force: true });
  fsyncPath(dirname(databasePath));
};

export const restoreSqliteDatabase = async (
  databasePath: string,
  backupPath: string,
  { now }: { now: Date },
): Promise<RestoreReport> => {
  const source = resolve(backupPath);
  checkBackupFile(source);
  try {
    mkdirSync(dirname(databasePath), { recursive: true });
  } catch (error) {
    throw describeFileError(error, 'create the folder of', databasePath);
  }
  const held = holdExclusively(databasePath);
  const incoming = `${databasePath}.restoring-${process.pid}`;
  try {
    if (existsSync(`${databasePath}-wal`) && !held) {
      throw new BackupError(
        `${databasePath}-wal is there without its database: move it out of the way, then restore`,
      );
    }
    removeDatabaseFiles(incoming);
    try {
      copyFileSync(source, incoming);
    } catch (error) {
      throw describeFileError(error, 'copy the backup to', incoming);
    }
    const schema = inspectDatabase(incoming, source);
    const handle = openDatabase({ dialect: 'sqlite', path: incoming });
    let migrated: string[];
    try {
      migrated = (await migrateToLatest(handle.db)).applied;
    } finally {
      await handle.close();
    }
    if (existsSync(`${incoming}-wal`)) {
      throw new BackupError(`the restored copy ${incoming} was not closed cleanly; nothing was replaced`);
    }
    const keptAs = held ? freeName(`${databasePath}.before-restore-${timestampOf(now)}`) : undefined;
    if (held && keptAs) retire(held, databasePath, keptAs);
    try {
      renameDurably(incoming, databasePath);
    } catch (error) {
      // Put the old database back rather than leave none.
      if (keptAs) renameSync(keptAs, databasePath);
      throw error;
    }
    return { keptAs, schema, migrated };
  } catch (error) {
    removeDatabaseFiles(incoming);
    if (error instanceof BackupError) throw error;
    throw describeFileError(error, 'restore into', databasePath);
  } finally {
    held?.close();
  }
};
