import type { AppContext } from '../app-context';
import { ConfigError, loadConfig } from '../config/env';
import { MigrationError } from '../db/migrate';
import { createAppContext } from '../main';
import type { CliIo } from './command';

/**
 * Loads the configuration and opens the database for one verb; configuration problems are
 * printed in one message (exit 1) before anything starts. `keepOpen` verbs (serve) close the
 * context themselves.
 */
export const withContext = async (
  io: CliIo,
  work: (ctx: AppContext) => Promise<number>,
  { keepOpen = false, migrate = true } = {},
): Promise<number> => {
  let ctx: AppContext;
  try {
    ctx = await createAppContext(loadConfig(), { migrate });
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
    return await work(ctx);
  } finally {
    if (!keepOpen) await ctx.database.close();
  }
};
