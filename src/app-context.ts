import type { Config } from './config/env';
import type { DatabaseHandle } from './db/connection';
import type { Logger } from './logger';

/**
 * What every adapter is built from. `now` is the one clock: core code takes time as an argument,
 * and tests move this clock instead of waiting.
 */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  now: () => Date;
}
