import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { CliIo } from '../../src/cli/command';
import { createTestDatabase, type TestDatabase, testDialect } from './test-database';

/**
 * For tests of `iln` verbs that open the database the environment names, as cron or a newcomer
 * would run them: before each test a fresh DATA_DIR (the embedded SQLite file) or, on the
 * PostgreSQL run, a fresh database given as DATABASE_URL; everything removed after.
 */
export const useCliEnvironment = (): void => {
  let dataDir: string;
  let postgres: TestDatabase | undefined;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iln-cli-'));
    postgres = testDialect() === 'postgres' ? await createTestDatabase() : undefined;
    vi.stubEnv('NODE_ENV', 'test');
    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', postgres?.location.dialect === 'postgres' ? postgres.location.url : '');
    vi.stubEnv('BASE_URL', '');
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('LOG_LEVEL', 'silent');
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await postgres?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
};

/** A verb's standard output and error, line by line. */
export const captureCliIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '' };
  return { io, out, err };
};
