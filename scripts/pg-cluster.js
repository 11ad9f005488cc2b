// A throwaway PostgreSQL cluster on a free loopback port, for tests and benchmarks. As root the
// server runs as the `postgres` user (initdb refuses root); the data directory is removed on stop.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './system-deps.js';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const postgresUid = () => {
  const line = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
  const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
  return { uid: Number(line), gid: Number(gid) };
};

/**
 * `durable: false` (tests) turns fsync off: the cluster is thrown away, and a test killing the
 * application server does not kill PostgreSQL. Benchmarks pass `durable: true`, so they measure
 * what a real installation would do.
 */
export const startPostgresCluster = async ({ durable = false } = {}) => {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'iln-pg-'));
  chmodSync(dir, 0o700);
  const asRoot = process.getuid?.() === 0;
  const run = (program, args) => {
    if (asRoot) {
      const { uid, gid } = postgresUid();
      execFileSync(join(bin, program), args, { uid, gid, stdio: 'pipe', cwd: dir });
    } else {
      execFileSync(join(bin, program), args, { stdio: 'pipe', cwd: dir });
    }
  };
  // The same, without blocking the caller's event loop (for tests that keep load running meanwhile).
  const runAsync = (program, args) =>
    new Promise((resolve, reject) => {
      const ids = asRoot ? postgresUid() : {};
      execFile(join(bin, program), args, { ...ids, cwd: dir }, (error, _stdout, stderr) =>
        error
          ? reject(new Error(`${program} ${args.join(' ')} failed: ${stderr || error.message}`))
          : resolve(),
      );
    });
  if (asRoot) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const speed = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=300${speed}`;
  const startArgs = ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'];
  run('pg_ctl', startArgs);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  /**
   * An outage, for tests: `pg_ctl -m fast` stops the server the way a restart or a failover does
   * (every connection terminated with 57P01), keeping the data; `startServer` brings it back on
   * the same port.
   */
  const stopServer = (mode = 'fast') => runAsync('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  const startServer = () => runAsync('pg_ctl', startArgs);
  return { url, port, stop, stopServer, startServer, dataDir: data };
};
