import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { createDatabaseOutage, isDatabaseUnavailable } from './database-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  test.each([
    ['PostgreSQL terminating connections (pg_ctl -m fast)', coded('57P01')],
    ['PostgreSQL shutting down or starting up', coded('57P03')],
    ['PostgreSQL connection exception', coded('08006')],
    ['too many connections', coded('53300')],
    ['connection refused', coded('ECONNREFUSED')],
    ['connection reset', coded('ECONNRESET')],
    ['pg: connection ended', new Error('Connection terminated unexpectedly')],
    ['pg: dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pool closed during shutdown', new Error('Cannot use a pool after calling end on the pool')],
    ['SQLite locked by another process', coded('SQLITE_BUSY', 'database is locked')],
    ['SQLite snapshot busy', coded('SQLITE_BUSY_SNAPSHOT')],
    ['SQLite read-only file', coded('SQLITE_READONLY', 'attempt to write a readonly database')],
    ['SQLite disk I/O error', coded('SQLITE_IOERR_WRITE')],
    ['wrapped as a cause (better-auth)', new Error('Failed to get session', { cause: coded('57P01') })],
    ['one of several addresses refused', new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ['a unique violation', coded('23505')],
    ['a syntax error', coded('42601')],
    ['a serialization failure (retry the unit, not an outage)', coded('40001')],
    ['SQLite constraint', coded('SQLITE_CONSTRAINT_UNIQUE')],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  test('a cycle of causes ends', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

test('an outage is logged once, reminded about now and then, and its end once', () => {
  const lines: { level: number; msg: string; failures?: number }[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  let now = 0;
  const outage = createDatabaseOutage(logger, { remindEveryMs: 60_000, now: () => now });
  outage.succeeded('health check');
  expect(lines).toEqual([]);
  // Ten seconds of failures at 100 a second: one line.
  for (let i = 0; i < 1000; i++) {
    now += 10;
    outage.failed(coded('ECONNREFUSED'), 'GET /');
  }
  expect(outage.isOngoing()).toBe(true);
  expect(lines.map((line) => line.msg)).toEqual([
    'the database is unavailable; answering 503 and retrying until it is back',
  ]);
  // A minute more of failures, one every 10 s: one reminder.
  for (let i = 0; i < 6; i++) {
    now += 10_000;
    outage.failed(coded('ECONNREFUSED'), 'GET /');
  }
  outage.succeeded('new connection');
  outage.succeeded('health check');
  expect(outage.isOngoing()).toBe(false);
  expect(lines.map((line) => line.msg)).toEqual([
    'the database is unavailable; answering 503 and retrying until it is back',
    'the database is still unavailable',
    'the database is available again',
  ]);
  expect(lines[2]?.failures).toBe(1006);

  // Without a sign that it came back, a failure after a quiet spell is a new outage.
  outage.failed(coded('SQLITE_BUSY'), 'POST /rounds/r/apply');
  now += 5_000;
  outage.failed(coded('SQLITE_BUSY'), 'POST /rounds/r/apply');
  now += 30_000;
  outage.failed(coded('SQLITE_BUSY'), 'POST /rounds/r/apply');
  expect(lines.slice(3).map((line) => line.msg)).toEqual([
    'the database is unavailable; answering 503 and retrying until it is back',
    'the database is unavailable; answering 503 and retrying until it is back',
  ]);
});
