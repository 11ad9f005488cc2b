import { randomBytes } from 'node:crypto';
import { accessSync, constants, realpathSync, rmSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { BackupError, describeFileError, sqliteCodeOf } from './backup-error';
import { renameDurably } from './durable-files';
import { type DatabaseSchema, inspectDatabase } from './inspect-database';

/**
 * `iln backup FILE` on SQLite: a consistent copy of the live database, taken while the server
 * keeps serving (ADR 0016). `VACUUM INTO` writes the copy from one read transaction, so the file
 * holds exactly the commits made before that transaction began, none of the ones after, and never
 * a part of one; the server's writers carry on meanwhile (WAL). The copy is written under a
 * temporary name beside FILE, checked (quick_check, an ILN schema), flushed to disk, and only then
 * renamed to FILE: FILE is never a partial backup, whatever happens during the copy.
 */
export interface BackupOptions {
  /** Replace FILE if it exists. */
  force?: boolean;
}

export interface BackupReport {
  path: string;
  bytes: number;
  schema: DatabaseSchema;
}

const statOrUndefined = (path: string, doing: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw describeFileError(error, doing, path);
  }
};

const checkSource = (databasePath: string): void => {
  const stats = statOrUndefined(databasePath, 'read the database');
  if (!stats) {
    throw new BackupError(
      `there is no database at ${databasePath} (DATA_DIR names the folder that holds iln.sqlite)`,
    );
  }
  if (!stats.isFile()) throw new BackupError(`the database ${databasePath} is not a file`);
};

/** Where the backup may go: a file name in a folder that exists and can be written. */
const checkTarget = (target: string, databasePath: string, force: boolean): void => {
  const stats = statOrUndefined(target, 'write the backup to');
  if (stats?.isDirectory()) {
    throw new BackupError(
      `${target} is a folder: give the backup a file name, such as ${join(target, 'iln-backup.sqlite')}`,
    );
  }
  if (stats && !stats.isFile()) throw new BackupError(`${target} exists and is not a regular file`);
  if (stats) {
    const live = realpathSync(databasePath);
    const existing = realpathSync(target);
    if (existing === live || existing.startsWith(`${live}-`)) {
      throw new BackupError(`${target} is the live database itself: choose another file for the backup`);
    }
    if (!force) throw new BackupError(`${target} already exists; add --force to replace it`);
  }
  const folder = dirname(target);
  const folderStats = statOrUndefined(folder, 'write the backup in');
  if (!folderStats)
    throw new BackupError(`cannot write the backup to ${target}: the folder ${folder} does not exist`);
  if (!folderStats.isDirectory())
    throw new BackupError(`cannot write the backup to ${target}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw describeFileError(error, 'write the backup in the folder', folder);
  }
};

export const backupSqliteDatabase = (
  databasePath: string,
  targetPath: string,
  { force = false }: BackupOptions = {},
): BackupReport => {
  const target = resolve(targetPath);
  checkSource(databasePath);
  checkTarget(target, databasePath, force);
  // Hidden, unique and in FILE's folder: the final rename stays within one file system.
  const partial = join(
    dirname(target),
    `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    const source = new SQLite(databasePath, { fileMustExist: true });
    try {
      // A writer mid-commit holds the log's write lock, not readers: this waits only for recovery.
      source.pragma('busy_timeout = 5000');
      source.prepare('VACUUM INTO ?').run(partial);
    } catch (error) {
      const code = sqliteCodeOf(error);
      if (code === 'SQLITE_NOTADB') throw new BackupError(`${databasePath} is not a SQLite database`);
      if (code === 'SQLITE_FULL')
        throw new BackupError(`cannot write the backup to ${target}: the disk is full`);
      if (code?.startsWith('SQLITE_CANTOPEN')) {
        throw new BackupError(`cannot write the backup to ${target}: ${(error as Error).message}`);
      }
      throw new BackupError(`the backup of ${databasePath} failed: ${(error as Error).message}`);
    } finally {
      source.close();
    }
    const schema = inspectDatabase(partial, `the backup of ${databasePath}`);
    const bytes = statSync(partial).size;
    // VACUUM INTO does not flush what it writes (SQLite's documentation says so): this does.
    renameDurably(partial, target);
    return { path: target, bytes, schema };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw describeFileError(error, 'write the backup to', target);
  }
};
