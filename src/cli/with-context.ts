import { type Config, ConfigError, loadConfig } from '../config/env';
import type { DatabaseHandle } from '../db/connection';
import { MigrationError } from '../db/migrate';
import type { Container } from '../main';
import type { Logger } from '../services/ports/runtime';
import type { CliIo } from './command';

/** Configuration and start-up problems as one message (exit 1) before anything runs. */
const reportStartFailure = (io: CliIo, error: unknown): number => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    io.stderr(error.message);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Could not open the database: ${message}`);
  return 1;
};

/**
 * Loads the configuration and builds the program (the composition root, src/main.ts) for one
 * verb. `keepOpen` verbs (serve) close the container themselves. The root is imported here, when a
 * verb runs, so that `iln --help` loads none of it.
 */
export const withContext = async (
  io: CliIo,
  work: (container: Container) => Promise<number>,
  { keepOpen = false, migrate = true } = {},
): Promise<number> => {
  let container: Container;
  let runWithAuditOrigin: typeof import('../services/audit/audit-origin').runWithAuditOrigin;
  try {
    // Imported with the root, so that verbs that only open the database (withDatabase) load no use-case code.
    const [{ createContainer }, auditOrigin] = await Promise.all([
      import('../main'),
      import('../services/audit/audit-origin'),
    ]);
    runWithAuditOrigin = auditOrigin.runWithAuditOrigin;
    container = await createContainer(loadConfig(), { migrate });
  } catch (error) {
    return reportStartFailure(io, error);
  }
  try {
    // A verb's changes are the command line's in the audit trail. `serve` (keepOpen) is not
    // wrapped: each request and each job pass says where it comes from itself.
    return keepOpen
      ? await work(container)
      : await runWithAuditOrigin({ channel: 'command-line', clientAddress: null }, () => work(container));
  } finally {
    if (!keepOpen) await container.close();
  }
};

/** Only the database, for verbs that need nothing else (`iln migrate`): no services, web or mail. */
export const withDatabase = async (
  io: CliIo,
  work: (database: DatabaseHandle, logger: Logger) => Promise<number>,
  { migrate = true } = {},
): Promise<number> => {
  let database: DatabaseHandle;
  let logger: Logger;
  try {
    const config = loadConfig();
    const [{ openProgramDatabase }, { createLogger }] = await Promise.all([
      import('../composition/database'),
      import('../composition/logger'),
    ]);
    logger = createLogger(config);
    database = await openProgramDatabase(config, logger, { migrate });
  } catch (error) {
    return reportStartFailure(io, error);
  }
  try {
    return await work(database, logger);
  } finally {
    await database.close();
  }
};

/** Only the configuration, for verbs that open the database files themselves (`iln backup`, `iln restore`). */
export const withConfig = async (io: CliIo, work: (config: Config) => Promise<number>): Promise<number> => {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return reportStartFailure(io, error);
  }
  return work(config);
};
