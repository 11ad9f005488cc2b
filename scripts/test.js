#!/usr/bin/env node
// `npm test`: every test, on both databases and in the browser. Makes sure Chromium and
// PostgreSQL are installed, starts a throwaway PostgreSQL cluster, runs all vitest projects
// (unit, db-sqlite, db-postgres, e2e) and removes the cluster again. Extra arguments go to vitest.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgresCluster } from './pg-cluster.js';
import { ensureSystemPackages } from './system-deps.js';

ensureSystemPackages();
const cluster = await startPostgresCluster();
let stopped = false;
const stop = () => {
  if (!stopped) {
    stopped = true;
    cluster.stop();
  }
};
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

// The JSON report gives a plain closing line ("N passed, N failed") that any CI can read.
const reportDir = mkdtempSync(join(tmpdir(), 'iln-test-report-'));
const reportFile = join(reportDir, 'vitest.json');
const child = spawn(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, ILN_TEST_PG_URL: cluster.url, NODE_ENV: 'test' } },
);
child.on('exit', (code, signal) => {
  stop();
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const skipped = report.numPendingTests + report.numTodoTests;
    console.log(
      `\n${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
    );
  }
  rmSync(reportDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
