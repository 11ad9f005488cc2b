import { expect, test } from 'vitest';
import { changedTables, fingerprintDatabase, listTables } from '../../tests/support/database-fingerprint';
import {
  checkRefusal,
  checkResponse,
  createRecordingLogger,
  type HostileRequest,
  runHostileInput,
} from '../../tests/support/hostile-input';
import { createTestApp } from '../../tests/support/test-app';
import { seedTrustFixture, TRUST_NOW } from '../../tests/support/trust-fixture';

/**
 * A sample of the hostile-input harness (tests/support/hostile-input.ts) in every test run, on
 * both databases: a few hundred generated requests with a fixed seed over every route of the app,
 * as a program coordinator, a participant and an anonymous visitor. No 5xx, no error logged, no
 * database or runtime error text, no script payload unescaped in a page, a message in words for
 * every refusal, nothing stored by a refused request, and the home page still served afterwards.
 * Thousands more run in bench/hostile-input (`node bench/run.js hostile-input`).
 */
const SEED = 20_260_416;
const INPUTS = 300;

test(`${INPUTS} hostile requests over every route: no 5xx, no leak, nothing unescaped, nothing stored when refused`, {
  timeout: 180_000,
}, async () => {
  const logger = createRecordingLogger();
  const t = await createTestApp({ now: TRUST_NOW, logger });
  try {
    const f = await seedTrustFixture(t);
    const run = await runHostileInput(t, f, { seed: SEED, numRuns: INPUTS, logger });
    expect(run.problems.map(({ label, problem }) => `${label}: ${problem}`)).toEqual([]);
    expect(run.requests).toBe(INPUTS);
    // The sample reaches most of the app, not a corner of it, and refusals are checked by the dozen.
    expect(run.routesHit).toBeGreaterThan(60);
    expect(run.refusalsChecked).toBeGreaterThan(50);
  } finally {
    await t.dispose();
  }
});

// The checks themselves must be able to fail.

const request = { method: 'POST', label: 'POST /x' } as HostileRequest;
const html = (status: number, main: string) =>
  [
    new Response(null, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } }),
    `<!DOCTYPE html><html><body><main>${main}</main></body></html>`,
  ] as const;

test('a refusal without a message, or showing a translation key, is a problem; one with a message is not', () => {
  expect(checkRefusal(request, ...html(422, '<h1>Apply</h1><form></form>'))).toHaveLength(1);
  expect(checkRefusal(request, ...html(400, ''))).toHaveLength(1);
  expect(
    checkRefusal(
      request,
      ...html(400, '<article class="error-page"><h1>errors.badRequest.title</h1></article>'),
    ),
  ).toHaveLength(1);
  const json = new Response(null, { status: 404, headers: { 'content-type': 'application/json' } });
  expect(checkRefusal(request, json, '{"error":{"code":"NOT_FOUND"}}')).toHaveLength(1);
  expect(
    checkRefusal(request, json, '{"error":{"code":"NOT_FOUND","message":"No such application"}}'),
  ).toEqual([]);
  const summary =
    '<h1>Apply</h1><div class="error-summary" role="alert"><h2>There is a problem</h2><ul><li><a href="#f">Enter your name</a></li></ul></div>';
  expect(checkRefusal(request, ...html(422, summary))).toEqual([]);
  expect(
    checkRefusal(request, ...html(403, '<section><h1>You cannot open this page</h1></section>')),
  ).toEqual([]);
  expect(checkRefusal(request, ...html(303, ''))).toEqual([]);
});

test('a 5xx, database error text, a stack frame and an unescaped script are problems', () => {
  expect(checkResponse(request, ...html(500, '<h1>Oops</h1>'))).toEqual(['answered 500']);
  expect(checkResponse(request, ...html(200, 'SqliteError: no such column: x'))).toHaveLength(1);
  expect(checkResponse(request, ...html(200, 'duplicate key value violates unique constraint'))).toHaveLength(
    1,
  );
  expect(checkResponse(request, ...html(200, 'at handler (/app/src/web/app.ts:10:5)'))).toHaveLength(1);
  expect(checkResponse(request, ...html(200, '<p><script>hx(1)</script></p>'))).toHaveLength(1);
  expect(checkResponse(request, ...html(200, '<p>&lt;script&gt;hx(1)&lt;/script&gt;</p>'))).toEqual([]);
});

test('the database fingerprint names the table a row was stored in, and nothing else', async () => {
  const t = await createTestApp();
  try {
    const db = t.database.db;
    const tables = await listTables(db);
    expect(tables).toContain('resources');
    const before = await fingerprintDatabase(db, tables);
    expect(changedTables(before, await fingerprintDatabase(db, tables))).toEqual([]);
    await t.ctx.services.people.createCoordinator({
      email: 'lead@example.org',
      name: 'Lead',
      countryCodes: [],
      actorPersonId: null,
    });
    const changed = changedTables(before, await fingerprintDatabase(db, tables));
    expect(changed).toContain('people');
    expect(changed).not.toContain('resources');
  } finally {
    await t.dispose();
  }
});
