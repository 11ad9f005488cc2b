import { ConfigError, loadConfig } from '../config/env';
import { MigrationError } from '../db/migrate';
import { type Container, createContainer } from '../main';
import type { CliIo } from './command';

/**
 * Loads the configuration and builds the program (src/composition/) for one verb; configuration
 * problems are printed in one message (exit 1) before anything starts. `keepOpen` verbs (serve)
 * close the container themselves.
 */
export const withContext = async (
  io: CliIo,
  work: (container: Container) => Promise<number>,
  { keepOpen = false, migrate = true } = {},
): Promise<number> => {
  let container: Container;
  try {
    container = await createContainer(loadConfig(), { migrate });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      io.stderr(error.message);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`Could not open the database: ${message}`);
    return 1;
  }
  try {
    return await work(container);
  } finally {
    if (!keepOpen) await container.close();
  }
};
