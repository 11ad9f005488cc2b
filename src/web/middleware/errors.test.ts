import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTestContext } from '../../../tests/support/test-app';
import type { Container } from '../../composition/container';
import { DomainError, invalidInput } from '../../core/errors';
import type { AppEnv } from '../env';
import { handleError, handleNotFound } from './errors';
import { i18nMiddleware } from './i18n';

const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

let ctx: Container;
let dispose: () => Promise<void>;
let app: Hono<AppEnv>;

beforeAll(async () => {
  ({ ctx, dispose } = await createTestContext({ logger }));
  app = new Hono<AppEnv>();
  app.onError(handleError(ctx));
  app.notFound(handleNotFound);
  app.use('*', i18nMiddleware());
  app.get('/boom', () => {
    throw new Error('connection string postgres://secret@db/iln refused');
  });
  app.get('/api/boom', () => {
    throw new TypeError('Cannot read properties of undefined');
  });
  app.get('/rounds/missing', () => {
    throw new DomainError('NOT_FOUND', 'round.notFound', { id: 'r-42' });
  });
  app.get('/api/rounds/edit', () => {
    throw invalidInput([{ field: 'endsOn', code: 'round.endBeforeStart' }]);
  });
  app.get('/api/conflict', () => {
    throw new DomainError('CONFLICT', 'round.finishedNoEdits', { round: 'March 2027', roundId: 'r-1' });
  });
  app.get('/api/zod', (c) =>
    c.json(z.object({ email: z.email('Enter an email address') }).parse({ email: 'nope' })),
  );
  app.get('/teapot', () => {
    throw new HTTPException(418, { message: 'I am a teapot' });
  });
  app.get('/unavailable', () => {
    throw new HTTPException(503, { message: 'internal detail' });
  });
  app.get('/redirect', () => {
    throw new HTTPException(401, {
      res: new Response('Unauthorized', { headers: { 'www-authenticate': 'Basic realm="ILN"' } }),
    });
  });
  app.get('/signed-out', () => {
    throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing: 'see the dashboard' });
  });
  app.post('/api/json', async (c) => c.json(await c.req.json()));
  // What pg says when PostgreSQL is stopped with `pg_ctl -m fast`, and SQLite when another
  // process holds the database beyond busy_timeout or the file is read-only.
  const postgresGone = () =>
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  app.get('/db-down', () => {
    throw postgresGone();
  });
  app.get('/api/db-down', () => {
    throw postgresGone();
  });
  app.get('/db-locked', () => {
    throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  });
  app.post('/db-read-only', () => {
    throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
  });
});

afterAll(async () => {
  await dispose();
});

describe('unexpected errors', () => {
  test('show a friendly page with a reference, never the message or stack', async () => {
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    const page = await response.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<h1>Something went wrong on our side</h1>');
    expect(page).not.toContain('postgres://');
    expect(page).not.toContain('at ');
    const reference = page.match(/quote this reference: ([0-9a-f-]{36})/)?.[1];
    expect(reference).toBeDefined();
    const logged = logLines.find((line) => line.requestId === reference);
    expect(logged).toMatchObject({ level: 50, msg: 'request failed', method: 'GET', path: '/boom' });
    expect(JSON.stringify(logged)).toContain('postgres://secret@db/iln refused');
  });

  test('answer API clients with the JSON error shape and the reference', async () => {
    const response = await app.request('/api/boom');
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side' },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  test('a 5xx HTTPException hides its message too', async () => {
    const response = await app.request('/unavailable');
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('internal detail');
  });
});

describe('domain errors', () => {
  test('map through the status table and show their message', async () => {
    const response = await app.request('/rounds/missing');
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toContain('There is no round “r-42”.');
    expect(page).not.toContain('quote this reference');
  });

  test('validation errors carry their field problems in JSON', async () => {
    const response = await app.request('/api/rounds/edit');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'VALIDATION',
        reason: 'form.invalid',
        message: 'Some answers need correcting.',
        details: [{ field: 'endsOn', message: 'End the round after it starts' }],
      },
    });
  });

  test('conflicts are 409', async () => {
    const response = await app.request('/api/conflict');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: 'CONFLICT',
        reason: 'round.finishedNoEdits',
        message: 'The round “March 2027” has finished and can no longer be changed.',
      },
    });
  });

  test('unauthenticated visitors are offered the sign-in page', async () => {
    const response = await app.request('/signed-out');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('<a class="button" href="/sign-in">Sign in</a>');
  });
});

describe('other errors', () => {
  test('zod errors are 422 with the problems listed', async () => {
    const response = await app.request('/api/zod');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'Some details need correcting',
        details: [{ field: 'email', message: 'Enter an email address' }],
      },
    });
  });

  test('HTTPException keeps its status', async () => {
    const response = await app.request('/teapot', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'I am a teapot' } });
  });

  test('an HTTPException carrying a response is passed through', async () => {
    const response = await app.request('/redirect');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="ILN"');
  });

  test('malformed JSON is a 400', async () => {
    const response = await app.request('/api/json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'We could not read that request' },
    });
  });

  test('not found is a page for browsers and JSON for JSON clients', async () => {
    const page = await app.request('/nowhere', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>Page not found</h1>');
    const json = await app.request('/nowhere', { headers: { accept: 'application/json' } });
    expect(await json.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Page not found' } });
  });
});

describe('the database unavailable', () => {
  test('is a plain "try again shortly" page, 503, in the layout, without details', async () => {
    for (const [method, path] of [
      ['GET', '/db-down'],
      ['GET', '/db-locked'],
      ['POST', '/db-read-only'],
    ] as const) {
      const response = await app.request(path, { method });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const page = await response.text();
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page).toContain('<header class="site-header">');
      expect(page).toContain('<h1>Please try again shortly</h1>');
      expect(page).toContain('cannot reach its database for the moment');
      for (const leak of ['57P01', 'administrator', 'SQLITE', 'locked', 'readonly', 'at ', 'reference']) {
        expect(page).not.toContain(leak);
      }
    }
  });

  test('is a 503 JSON error for API clients', async () => {
    const response = await app.request('/api/db-down');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'UNAVAILABLE', message: 'Please try again shortly' },
    });
    const asked = await app.request('/db-down', { headers: { accept: 'application/json' } });
    expect(asked.status).toBe(503);
    expect(await asked.json()).toEqual({
      error: { code: 'UNAVAILABLE', message: 'Please try again shortly' },
    });
  });

  test('is logged once for many requests, not as a failed request each', async () => {
    const before = logLines.length;
    await Promise.all(Array.from({ length: 50 }, () => app.request('/db-down')));
    const logged = logLines.slice(before);
    expect(logged.filter((line) => line.msg === 'request failed')).toEqual([]);
    expect(logged.filter((line) => (line.level as number) >= 40).length).toBeLessThanOrEqual(1);
  });
});
