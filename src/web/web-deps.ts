import type { Auth } from '../auth/auth';
import type { Config } from '../config/env';
import type { Services } from '../services';
import type { DatabaseHealth } from '../services/ports/health';
import type { Logger } from '../services/ports/runtime';

/**
 * What the web app is built from (src/composition/ hands it over): the configuration, the log, the
 * clock, the use cases and sign-in. Routes read and write only through `services`.
 */
export interface WebDeps {
  config: Config;
  logger: Logger;
  /** The one clock: tests move it instead of waiting. */
  now: () => Date;
  services: Services;
  auth: Auth;
  /** Whether the database is there (a 503 and one log line per outage when it is not). */
  health: DatabaseHealth;
}
