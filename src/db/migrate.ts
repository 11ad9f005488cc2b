import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { listCountries } from '../core/countries';
import { migrations } from './migrations';
import type { Database } from './schema';

export interface MigrationReport {
  applied: string[];
}

/** Where Kysely records the migrations a database has had (also read by src/db/backup/). */
export const MIGRATION_TABLE = 'schema_migrations';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the schema up to date; safe to run on every start and from `iln migrate`. */
export const migrateToLatest = async (db: Kysely<Database>): Promise<MigrationReport> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'schema_migrations_lock',
  });
  const resultSet: MigrationResultSet = await migrator.migrateToLatest();
  if (resultSet.error) {
    const failed = resultSet.results?.find((result) => result.status === 'Error');
    const cause = resultSet.error instanceof Error ? resultSet.error.message : String(resultSet.error);
    throw new MigrationError(
      failed
        ? `Migration ${failed.migrationName} failed: ${cause}`
        : `Could not bring the database schema up to date: ${cause}`,
    );
  }
  await syncCountries(db);
  return {
    applied: (resultSet.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
};

/**
 * The countries table mirrors the ISO 3166-1 list in src/core/countries so that foreign keys can
 * refer to it; new codes are added, existing rows are left as they are.
 */
const syncCountries = async (db: Kysely<Database>): Promise<void> => {
  const known = new Set((await db.selectFrom('countries').select('code').execute()).map((row) => row.code));
  const missing = listCountries('en')
    .filter((country) => !known.has(country.code))
    .map((country) => ({ code: country.code, name: country.name }));
  if (missing.length > 0) await db.insertInto('countries').values(missing).execute();
};
