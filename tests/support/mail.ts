import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { assembleContainer, type Container, createServiceDeps } from '../../src/composition/container';
import { createLogger } from '../../src/composition/logger';
import type { Config } from '../../src/config/env';
import type { DatabaseHandle } from '../../src/db/connection';
import { insertMailRow, type MailToEnqueue, mailRow } from '../../src/db/repositories/mail/message-queue';
import type { Database } from '../../src/db/schema';
import { startJobs } from '../../src/jobs';
import { mailDeliveryJob } from '../../src/jobs/definitions/mail-delivery';
import type { ServiceDeps } from '../../src/services';
import type { MailTransport } from '../../src/services/ports/mail';

/** A configuration for tests that read it (the mail worker, the outbox pages); override what matters. */
export const testConfig = (overrides: Partial<Config> = {}): Config => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-mail-'));
  return {
    nodeEnv: 'test',
    isProduction: false,
    port: 3000,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:3000',
    databaseUrl: undefined,
    sqlitePath: join(dataDir, 'iln.sqlite'),
    dataDir,
    smtpUrl: undefined,
    mailFrom: 'International Librarians Network <noreply@iln.example.org>',
    authSecret: 'test-secret-test-secret-test-secret-0123',
    logLevel: 'silent',
    // Tests speak for clients through X-Forwarded-For, as a proxy on this machine would.
    trustProxy: ['loopback'],
    retentionMonths: 12,
    ...overrides,
  };
};

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  set: (iso: string) => void;
  advance: (ms: number) => void;
}

export const createTestClock = (startIso = '2027-03-01T09:00:00.000Z'): TestClock => {
  let current = new Date(startIso);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};

/** The whole program over a test database (src/composition/), with a clock the test moves. */
export const testAppContext = (
  database: DatabaseHandle,
  options: { clock?: TestClock; config?: Partial<Config>; transport?: MailTransport } = {},
): Container => {
  const config = testConfig(options.config);
  const clock = options.clock ?? createTestClock();
  return assembleContainer(config, database, createLogger({ logLevel: 'silent' }), {
    now: clock.now,
    transport: options.transport,
  });
};

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  messageId: string | undefined;
  subject: string | undefined;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** The next `count` messages are refused with a temporary error (451). */
  failNext: (count: number) => void;
  /** Recipients at this address are refused permanently (550). */
  rejectRecipient: (address: string) => void;
  close: () => Promise<void>;
}

const header = (raw: string, name: string): string | undefined =>
  new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(raw)?.[1]?.trim();

/**
 * A local SMTP server on a random port (or `port`, to bring a stopped one back) that records what
 * it accepts and fails when told to.
 */
export const startTestSmtpServer = async (options: { port?: number } = {}): Promise<TestSmtpServer> => {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const rejected = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (rejected.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((to) => to.address),
          raw,
          messageId: header(raw, 'Message-ID'),
          subject: header(raw, 'Subject'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A client killed mid-conversation (a SIGKILLed server process) resets its connection: expected.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (count) => {
      failures = count;
    },
    rejectRecipient: (address) => {
      rejected.add(address.toLowerCase());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/**
 * The use cases' dependencies over a test database, built the way the composition root builds
 * them; `uow` is the plain transaction unit of work, `applicantUow` group commit.
 */
export const testServiceDeps = (
  database: DatabaseHandle,
  options: { now?: () => Date; config?: Partial<Config>; newId?: () => string } = {},
): ServiceDeps => {
  const deps = createServiceDeps(
    testConfig(options.config),
    database,
    createLogger({ logLevel: 'silent' }),
    options.now ?? createTestClock().now,
  );
  return options.newId ? { ...deps, ids: { ...deps.ids, newId: options.newId } } : deps;
};

/**
 * Queues an already written email, as the message queue does after rendering a message: for tests
 * of delivery that do not care what the email says. Returns the row's id, or the earlier row's
 * when the dedupe key was queued before.
 */
export const enqueueRawMail = async (db: Kysely<Database>, mail: MailToEnqueue, now: Date) =>
  insertMailRow(db, mailRow(mail, now));

/** The mail job over a container, as `iln serve` starts it. */
export const startTestMailWorker = (
  ctx: Container,
  options: { intervalMs: number; batchSize?: number; transport?: MailTransport },
) => {
  const transport = options.transport ?? ctx.transport;
  const jobs = startJobs(
    [
      mailDeliveryJob(ctx.services, {
        transport,
        mailFrom: ctx.config.mailFrom,
        intervalMs: options.intervalMs,
        batchSize: options.batchSize,
      }),
    ],
    ctx.logger,
  );
  return {
    runOnce: async () => (await jobs.runOnce())['mail-delivery'] ?? 0,
    stop: async () => {
      await jobs.stop();
      if (!options.transport) transport.close();
    },
  };
};
