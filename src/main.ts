import type { AppContext } from './app-context';
import type { Config } from './config/env';
import { type DatabaseTarget, openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { createLogger } from './logger';

/** Composition root: opens the database named by the configuration and brings it up to date. */
export const databaseTargetFor = (config: Config): DatabaseTarget =>
  config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl }
    : { dialect: 'sqlite', path: config.sqlitePath };

export const createAppContext = async (config: Config, { migrate = true } = {}): Promise<AppContext> => {
  const logger = createLogger(config);
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
  return { config, database, logger, now: () => new Date() };
};
