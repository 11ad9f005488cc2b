import { serve } from '@hono/node-server';
import { startJobs } from '../jobs';
import type { Container } from '../main';
import type { CliCommand, CliIo } from './command';
import { parseArgs } from './parse-args';
import { DEFAULT_DEMO_APPLICANTS, DEFAULT_DEMO_SEED } from './seed-demo';
import { withContext } from './with-context';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the web server and its workers (mail, the round schedule, the duplicate check); resolves
 * once it is listening.
 */
export const startServer = async (ctx: Container): Promise<RunningServer> => {
  const app = await ctx.webApp();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: ctx.config.port }, () => {
      ctx.logger.info({ url: ctx.config.baseUrl, port: ctx.config.port }, 'ILN is listening');
      const jobs = startJobs(ctx.jobs(), ctx.logger);
      resolve({
        url: ctx.config.baseUrl,
        stop: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive connections would otherwise hold the close open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await jobs.stop();
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
};

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
          await ctx.close();
          return 1;
        }
        io.stdout(`ILN is running at ${server.url} (press Ctrl+C to stop)`);
        const signal = await waitForShutdownSignal();
        ctx.logger.info({ signal }, 'shutting down');
        await server.stop();
        await ctx.close();
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
const seedDemoIfEmpty = async (ctx: Container, io: CliIo): Promise<void> => {
  if (ctx.config.isProduction || ctx.database.dialect !== 'sqlite') return;
  if (!(await ctx.services.program.isEmpty())) return;
  const result = await ctx.services.program.seedDemo({
    applicants: DEFAULT_DEMO_APPLICANTS,
    seed: DEFAULT_DEMO_SEED,
    isProduction: false,
  });
  io.stdout(
    `Seeded a demo program (${result.openRound.applications} applicants from ${result.openRound.countries} countries). Sign in as ${result.coordinatorEmail}: the link appears in the outbox.`,
  );
};
