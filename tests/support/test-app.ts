import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleContainer, type Container } from '../../src/composition/container';
import { createLogger } from '../../src/composition/logger';
import { loadConfig } from '../../src/config/env';
import type { Logger } from '../../src/services/ports/runtime';
import type { App } from '../../src/web/app';
import { CSRF_FIELD } from '../../src/web/middleware/csrf';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A whole application over a fresh, migrated database (SQLite in the unit and db-sqlite projects,
 * PostgreSQL in db-postgres), a fixed clock that tests move by hand, and a browser-like client:
 * it keeps cookies between requests and can fetch a CSRF token and post forms with it.
 *
 *   const t = await createTestApp({ now: new Date('2026-02-01T00:00:00Z') });
 *   afterAll(() => t.dispose());
 *   const response = await t.postForm('/sign-in', { email: 'a@example.org' });
 */
export interface TestAppOptions {
  now?: Date;
  /** Extra environment, e.g. { BASE_URL: 'https://iln.example.org' }. */
  env?: Record<string, string>;
  logger?: Logger;
}

export interface TestClock {
  now: () => Date;
  set: (at: Date) => void;
  advance: (milliseconds: number) => void;
}

export interface TestApp {
  app: App;
  ctx: Container;
  database: TestDatabase;
  clock: TestClock;
  /** Like app.request, but sends and keeps cookies like a browser. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** The CSRF token of this client's session (loads a page to get one if needed). */
  csrfToken: () => Promise<string>;
  /** POSTs an HTML form (urlencoded), with the CSRF field added. Arrays become repeated fields. */
  postForm: (
    path: string,
    fields?: Record<string, string | string[]>,
    init?: RequestInit,
  ) => Promise<Response>;
  cookies: Map<string, string>;
  dispose: () => Promise<void>;
}

export const DEFAULT_TEST_NOW = new Date('2026-02-01T09:00:00Z');

export const createTestClock = (start: Date = DEFAULT_TEST_NOW): TestClock => {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (milliseconds) => {
      current = new Date(current.getTime() + milliseconds);
    },
  };
};

/** The whole program over a fresh database (for services, jobs, CLI tests; `ctx.webApp()` for pages). */
export const createTestContext = async (
  options: TestAppOptions = {},
): Promise<{ ctx: Container; database: TestDatabase; clock: TestClock; dispose: () => Promise<void> }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iln-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_SECRET: 'x'.repeat(32),
    // Tests speak for clients through X-Forwarded-For, as a reverse proxy on this machine would.
    TRUST_PROXY: 'loopback',
    ...options.env,
  });
  const database = await createTestDatabase();
  const clock = createTestClock(options.now);
  const ctx = assembleContainer(config, database, options.logger ?? createLogger(config), { now: clock.now });
  return {
    ctx,
    database,
    clock,
    dispose: async () => {
      await database.dispose().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

const storeCookies = (jar: Map<string, string>, response: Response) => {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const index = pair.indexOf('=');
    if (index < 0) continue;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const isExpired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
    if (isExpired) jar.delete(name);
    else jar.set(name, value);
  }
};

export const createTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const base = await createTestContext(options);
  const app = await base.ctx.webApp();
  const cookies = new Map<string, string>();
  let token: string | undefined;

  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await app.request(path, { ...init, headers });
    storeCookies(cookies, response);
    return response;
  };

  const csrfToken = async () => {
    if (token && cookies.has('iln_csrf')) return token;
    const page = await (await request('/')).text();
    const match = page.match(/<meta name="csrf-token" content="([^"]+)"/);
    if (!match?.[1]) throw new Error('The home page carried no csrf-token meta tag.');
    token = match[1];
    return token;
  };

  const postForm = async (
    path: string,
    fields: Record<string, string | string[]> = {},
    init: RequestInit = {},
  ) => {
    const body = new URLSearchParams();
    body.append(CSRF_FIELD, await csrfToken());
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    return request(path, { ...init, method: 'POST', headers, body });
  };

  return { ...base, app, request, csrfToken, postForm, cookies };
};
