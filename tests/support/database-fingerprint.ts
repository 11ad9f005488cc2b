import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema';

/**
 * What a database holds, table by table, as one hash per table, so that a test can tell whether a
 * request stored anything: take a fingerprint before and after, and `changedTables` names the
 * tables whose rows differ. Rows are compared as sets (sorted), because PostgreSQL may return the
 * rows of a table in another order after an update that changed nothing. Meant for the small
 * databases of the test fixtures: every row of every table is read.
 */
export type DatabaseFingerprint = Map<string, string>;

/** The program's tables (the migration bookkeeping of Kysely left out), in a stable order. */
export const listTables = async (db: Kysely<Database>): Promise<string[]> =>
  (await db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();

const hashRows = (rows: unknown[]): string => {
  const lines = rows.map((row) =>
    JSON.stringify(row, (_key, value) =>
      typeof value === 'bigint' ? value.toString() : Buffer.isBuffer(value) ? value.toString('hex') : value,
    ),
  );
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
};

export const fingerprintDatabase = async (
  db: Kysely<Database>,
  tables: string[],
): Promise<DatabaseFingerprint> => {
  const fingerprint: DatabaseFingerprint = new Map();
  for (const table of tables) {
    const { rows } = await sql`select * from ${sql.table(table)}`.execute(db);
    fingerprint.set(table, hashRows(rows));
  }
  return fingerprint;
};

export const changedTables = (before: DatabaseFingerprint, after: DatabaseFingerprint): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
