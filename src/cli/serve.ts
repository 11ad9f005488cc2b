import type { Server, ServerResponse } from 'node:http';
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
 * How long a shutdown waits for requests in flight before cutting their connections: under the
 * 10 s container runtimes usually allow between SIGTERM and SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

/**
 * A graceful stop for a node:http server: stop listening, close idle keep-alive connections, let
 * every request in flight finish (its connection closes after the response), and after `graceMs`
 * cut whatever is left. Resolves once every connection is closed.
 */
const drainOnStop = (server: Server) => {
  const inFlight = new Set<ServerResponse>();
  let isDraining = false;
  const closeAfter = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
    else response.once('finish', () => response.socket?.end());
  };
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (isDraining) closeAfter(response);
  });
  return (graceMs: number) =>
    new Promise<void>((done) => {
      isDraining = true;
      for (const response of inFlight) closeAfter(response);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(deadline);
        done();
      });
      server.closeIdleConnections();
    });
};

/**
 * Starts the web server and its workers (mail, the round schedule, the duplicate check); resolves
 * once it is listening. `stop` drains: no new connections, requests in flight answered (for up to
 * SHUTDOWN_GRACE_MS), then the workers finish what they are doing.
 */
export const startServer = async (ctx: Container): Promise<RunningServer> => {
  const app = await ctx.webApp();
  const { port, host } = ctx.config;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
      ctx.logger.info({ url: ctx.config.baseUrl, port, host: host ?? 'every interface' }, 'ILN is listening');
      const jobs = startJobs(ctx.jobs(), ctx.logger);
      resolve({
        url: ctx.config.baseUrl,
        stop: async () => {
          await drain(SHUTDOWN_GRACE_MS);
          await jobs.stop();
        },
      });
    }) as Server;
    const drain = drainOnStop(server);
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
