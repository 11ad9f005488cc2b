import type { Config } from '../config/env';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import type { Logger } from '../services/ports/runtime';

/**
 * Opening the program's database, the one thing every verb needs: kept apart from the rest of the
 * composition root so that `iln migrate` loads only the database code (bench/startup).
 */
export const databaseTargetFor = (config: Config): DatabaseTarget =>
  config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl }
    : { dialect: 'sqlite', path: config.sqlitePath };

/** Opens the database the configuration names and, unless told not to, brings its schema up to date. */
export const openProgramDatabase = async (
  config: Config,
  logger: Logger,
  { migrate = true } = {},
): Promise<DatabaseHandle> => {
  const database = openDatabase(databaseTargetFor(config), { logger });
  if (migrate) {
    try {
      const { applied } = await migrateToLatest(database.db);
      if (applied.length > 0) logger.info({ applied }, 'database migrated');
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
};
