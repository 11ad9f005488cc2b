import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

/**
 * The real `iln serve` in a child process, the way `npm start` runs it, on a fresh data directory
 * (and so a fresh SQLite database unless DATABASE_URL is given). Used by browser journeys and the
 * crash test.
 */
export interface ServerProcess {
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves once the server's output (stdout and stderr) matches; rejects if it exits first. */
  waitForOutput: (pattern: RegExp) => Promise<void>;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

export const startServerProcess = async (
  options: {
    args?: string[];
    nodeArgs?: string[];
    env?: Record<string, string>;
    dataDir?: string;
    /** Another checkout to run instead of this one (a benchmark comparing before and after). */
    checkout?: string;
  } = {},
): Promise<ServerProcess> => {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'iln-server-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const checkout = options.checkout ?? root;
  const argv = [...(options.nodeArgs ?? []), join(checkout, 'bin/iln.js'), 'serve', ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    cwd: checkout,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      // Load tests speak for many clients through X-Forwarded-For, as a local reverse proxy would.
      TRUST_PROXY: 'loopback',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`iln serve exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`iln serve did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const cleanup = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    baseUrl,
    dataDir,
    child,
    output: () => output,
    waitForOutput: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return false;
          child.stdout?.off('data', onData);
          child.stderr?.off('data', onData);
          child.off('exit', onExit);
          resolve();
          return true;
        };
        // Listeners added after the ones above see the chunk already appended to `output`.
        const onData = () => check();
        const onExit = () => {
          if (!check()) reject(new Error(`iln serve exited before printing ${pattern}:\n${output}`));
        };
        if (check()) return;
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', onExit);
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      cleanup();
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
};
