import { serve } from '@hono/node-server';
import type { AppContext } from '../app-context';
import { startDuplicateWorker } from '../jobs/duplicate-worker';
import { startRoundScheduleWorker } from '../jobs/round-schedule-worker';
import { isProgramEmpty, seedDemo } from '../services/demo/seed-demo';
import { startMailWorker } from '../services/mail/deliver-due-mail';
import { createApp } from '../web/app';
import type { CliCommand, CliIo } from './command';
import { parseArgs } from './parse-args';
import { DEFAULT_DEMO_APPLICANTS, DEFAULT_DEMO_SEED } from './seed-demo';
import { withContext } from './with-context';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** How often the mail worker looks for due messages when the queue is idle. */
const MAIL_POLL_MS = 2_000;

/**
 * Starts the web server and its workers (mail, the round schedule, the duplicate check); resolves
 * once it is listening.
 */
export const startServer = (ctx: AppContext): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const app = createApp(ctx);
    const server = serve({ fetch: app.fetch, port: ctx.config.port }, () => {
      ctx.logger.info({ url: ctx.config.baseUrl, port: ctx.config.port }, 'ILN is listening');
      const mailWorker = startMailWorker(ctx, { intervalMs: MAIL_POLL_MS });
      const roundScheduleWorker = startRoundScheduleWorker(ctx);
      const duplicateWorker = startDuplicateWorker(ctx);
      resolve({
        url: ctx.config.baseUrl,
        stop: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive connections would otherwise hold the close open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await Promise.all([mailWorker.stop(), roundScheduleWorker.stop(), duplicateWorker.stop()]);
        },
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${ctx.config.port} is already in use; stop the other program or set PORT to another port`,
            )
          : error,
      );
    });
  });

const waitForShutdownSignal = (): Promise<string> =>
  new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the web application and the mail worker',
  usage: [
    'Usage: iln serve [--demo-if-empty]',
    '',
    'Serves the program site on PORT (default 3000) and delivers queued mail.',
    '  --demo-if-empty  outside production, seed a demo program when the database is empty',
  ].join('\n'),
  run: async (args, io: CliIo) => {
    const { flags } = parseArgs(args, { flags: ['demo-if-empty'], maxPositionals: 0 });
    return withContext(
      io,
      async (ctx) => {
        if (flags.has('demo-if-empty')) await seedDemoIfEmpty(ctx, io);
        let server: RunningServer;
        try {
          server = await startServer(ctx);
        } catch (error) {
          io.stderr(`iln serve: ${error instanceof Error ? error.message : String(error)}`);
          await ctx.database.close();
          return 1;
        }
        io.stdout(`ILN is running at ${server.url} (press Ctrl+C to stop)`);
        const signal = await waitForShutdownSignal();
        ctx.logger.info({ signal }, 'shutting down');
        await server.stop();
        await ctx.database.close();
        return 0;
      },
      { keepOpen: true },
    );
  },
};

/**
 * `npm start` on a fresh clone: an empty embedded database outside production gets the demo, so a
 * newcomer has something to click through. PostgreSQL and production databases are never touched.
 */
const seedDemoIfEmpty = async (ctx: AppContext, io: CliIo): Promise<void> => {
  if (ctx.config.isProduction || ctx.database.dialect !== 'sqlite') return;
  if (!(await isProgramEmpty(ctx.database.db))) return;
  const result = await seedDemo(
    { db: ctx.database.db, now: ctx.now },
    { applicants: DEFAULT_DEMO_APPLICANTS, seed: DEFAULT_DEMO_SEED, isProduction: false },
  );
  io.stdout(
    `Seeded a demo program (${result.openRound.applications} applicants from ${result.openRound.countries} countries). Sign in as ${result.coordinatorEmail}: the link appears in the outbox.`,
  );
};
