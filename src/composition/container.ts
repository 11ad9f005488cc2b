import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config/env';
import type { DatabaseHandle } from '../db/connection';
import { databaseOutage, isDatabaseUnavailable } from '../db/database-errors';
import type { StoreOptions } from '../db/store';
import { createStore } from '../db/store';
import { createGroupCommitUnitOfWork } from '../db/unit-of-work/group-commit-unit-of-work';
import { createTransactionUnitOfWork } from '../db/unit-of-work/transaction-unit-of-work';
import { createMessageRenderer } from '../email/render-message';
import { createTransport } from '../email/transports';
import { createJobs, type Job } from '../jobs';
import { createServices, type ServiceDeps, type Services } from '../services';
import { inPlaceMatchEngine } from '../services/matching/compute-in-place';
import type { DatabaseHealth } from '../services/ports/health';
import type { MailTransport } from '../services/ports/mail';
import type { IdSource, Logger } from '../services/ports/runtime';
import type { App } from '../web/app';
import { createThreadMatchEngine } from '../workers/match-engine';
import { openProgramDatabase } from './database';
import { createLogger } from './logger';

/**
 * The composition root: the one place that opens the database, builds every repository (through
 * db/store.ts), both units of work, the message renderer and mail transport, the clock, the id
 * source, the log and sign-in, and hands them to the use cases. The web app, the jobs, the CLI
 * verbs and auth receive what they need from here and construct nothing themselves.
 *
 * The web application and sign-in are imported only when asked for (`webApp()`): a verb that does
 * not serve pages does not pay for better-auth and Hono (bench/startup, ADR 0011).
 */
export interface Container {
  config: Config;
  logger: Logger;
  now: () => Date;
  database: DatabaseHandle;
  services: Services;
  transport: MailTransport;
  health: DatabaseHealth;
  /** The web application with sign-in (imported and made on first use). */
  webApp: () => Promise<App>;
  /** The scheduled jobs (mail delivery, the round schedule, the duplicate check). */
  jobs: () => Job[];
  /** Closes the transport and the database. */
  close: () => Promise<void>;
}

export interface ContainerOptions {
  /** Bring the schema up to date first (default true). */
  migrate?: boolean;
  /** The clock; tests pass one they move by hand. */
  now?: () => Date;
  logger?: Logger;
  /** An open database to use instead of the one the configuration names (tests). */
  database?: DatabaseHandle;
  /** The mail transport instead of the one the configuration names (tests). */
  transport?: MailTransport;
}

export const ids: IdSource = {
  newId: () => randomUUID(),
  newToken: () => randomBytes(32).toString('base64url'),
};

export const createContainer = async (config: Config, options: ContainerOptions = {}): Promise<Container> => {
  const logger = options.logger ?? createLogger(config);
  const database =
    options.database ?? (await openProgramDatabase(config, logger, { migrate: options.migrate ?? true }));
  return assembleContainer(config, database, logger, options);
};

/** What the use cases are bound to: repositories, both units of work, clock, ids, keyed hash, log. */
export const createServiceDeps = (
  config: Pick<Config, 'baseUrl' | 'authSecret'>,
  database: DatabaseHandle,
  logger: Logger,
  now: () => Date,
): ServiceDeps => {
  const storeOptions: StoreOptions = {
    dialect: database.dialect,
    render: createMessageRenderer({ baseUrl: config.baseUrl }),
  };
  return {
    store: createStore(database.db, storeOptions),
    uow: createTransactionUnitOfWork(database.db, storeOptions),
    applicantUow: createGroupCommitUnitOfWork(database, storeOptions),
    clock: { now },
    ids,
    hashKey: (value) => createHmac('sha256', config.authSecret).update(value).digest('base64url'),
    logger,
    matchEngine: inPlaceMatchEngine,
  };
};

/** Wires everything over an open, migrated database. */
export const assembleContainer = (
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  options: Pick<ContainerOptions, 'now' | 'transport'> = {},
): Container => {
  const now = options.now ?? (() => new Date());
  const matchEngine = createThreadMatchEngine();
  const services = createServices({ ...createServiceDeps(config, database, logger, now), matchEngine });
  const transport = options.transport ?? createTransport(config);
  const outage = databaseOutage(database, logger);
  const health: DatabaseHealth = {
    isUnavailable: isDatabaseUnavailable,
    failed: outage.failed,
    succeeded: outage.succeeded,
  };
  let webApp: Promise<App> | undefined;
  return {
    config,
    logger,
    now,
    database,
    services,
    transport,
    health,
    webApp: () => {
      webApp ??= (async () => {
        const [{ createAuth }, { createApp }] = await Promise.all([
          import('../auth/auth'),
          import('../web/app'),
        ]);
        const auth = createAuth({ config, database, services, logger });
        return createApp({ config, logger, now, services, auth, health });
      })();
      return webApp;
    },
    jobs: () =>
      createJobs(services, {
        transport,
        mailFrom: config.mailFrom,
        logger,
        retentionMonths: config.retentionMonths,
      }),
    close: async () => {
      await matchEngine.close();
      if (!options.transport) transport.close();
      await database.close();
    },
  };
};
