import SQLite from 'better-sqlite3';
import { MIGRATION_TABLE } from '../migrate';
import { migrations } from '../migrations';
import { BackupError, sqliteCodeOf } from './backup-error';

export interface DatabaseSchema {
  /** The migrations the file has had, in order. */
  applied: string[];
  /** Those this version of the program knows but the file has not had yet. */
  pending: string[];
}

/** The newest migration applied, for messages ("schema 0010-matchmaking"). */
export const describeSchema = (schema: Pick<DatabaseSchema, 'applied'>): string =>
  schema.applied.at(-1) ?? 'empty';

const KNOWN = Object.keys(migrations);

/**
 * Checks that a file is an ILN database this version can use: a SQLite file, undamaged
 * (`PRAGMA quick_check`), with the migrations table, and no migration this version does not know
 * (a file from a newer version, whose schema this code would misread). `label` names the file in
 * messages as the person gave it.
 */
export const inspectDatabase = (path: string, label: string = path): DatabaseSchema => {
  let database: SQLite.Database;
  try {
    database = new SQLite(path, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open ${label}: ${(error as Error).message}`);
  }
  try {
    let applied: string[];
    try {
      const hasTable = database
        .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
        .get(MIGRATION_TABLE);
      if (!hasTable) {
        throw new BackupError(
          `${label} is a SQLite database but not an ILN database (it has no ${MIGRATION_TABLE} table)`,
        );
      }
      const check = database.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`${label} is damaged (SQLite's quick_check says: ${check})`);
      applied = (
        database.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[]
      ).map((row) => row.name);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      const code = sqliteCodeOf(error);
      if (code === 'SQLITE_NOTADB') throw new BackupError(`${label} is not a SQLite database`);
      if (code?.startsWith('SQLITE_CORRUPT'))
        throw new BackupError(`${label} is damaged: ${(error as Error).message}`);
      throw new BackupError(`cannot read ${label}: ${(error as Error).message}`);
    }
    const unknown = applied.filter((name) => !KNOWN.includes(name));
    if (unknown.length > 0) {
      throw new BackupError(
        `${label} comes from a newer version of ILN: its schema has ${unknown.join(', ')}, which this version (schema ${KNOWN.at(-1)}) does not know. Restore it with that version or a later one.`,
      );
    }
    return { applied, pending: KNOWN.filter((name) => !applied.includes(name)) };
  } finally {
    database.close();
  }
};
