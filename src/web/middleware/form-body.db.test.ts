import { afterAll, beforeAll, expect, test } from 'vitest';
import { signInAs } from '../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

/**
 * A NUL (U+0000) anywhere in what a client sends is refused with the same plain 400 on both
 * databases: PostgreSQL cannot store it in text, so before this check a title holding one was a
 * 500 there (and stored as it was on SQLite).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await signInAs(t, 'lead@example.org');
});
afterAll(async () => {
  await t.dispose();
});

const resourceCount = async () => (await t.database.db.selectFrom('resources').select('id').execute()).length;

const expectNulRefusal = async (response: Response) => {
  expect(response.status).toBe(400);
  const page = await response.text();
  expect(page).toContain('We could not read that request');
  expect(page).toContain('null character (U+0000)');
};

test('a form field or a field name holding a NUL is a 400 that says so, and nothing is stored', async () => {
  const before = await resourceCount();
  await expectNulRefusal(
    await t.postForm('/coordinator/resources', { title: 'Guide\u0000', url: 'https://example.org/' }),
  );
  await expectNulRefusal(
    await t.postForm('/coordinator/resources', {
      title: 'Guide',
      url: 'https://example.org/',
      'a\u0000': 'x',
    }),
  );
  const multipart = new FormData();
  multipart.append('_csrf', await t.csrfToken());
  multipart.append('title', 'Guide\u0000');
  multipart.append('url', 'https://example.org/');
  await expectNulRefusal(await t.request('/coordinator/resources', { method: 'POST', body: multipart }));
  expect(await resourceCount()).toBe(before);
  // The same form without the NUL is stored: the refusal was the NUL's.
  expect(
    (await t.postForm('/coordinator/resources', { title: 'Guide', url: 'https://example.org/' })).status,
  ).toBe(303);
  expect(await resourceCount()).toBe(before + 1);
});

test('a NUL in a path or a query is a 400 too, before any query runs', async () => {
  await expectNulRefusal(await t.request('/coordinator/rounds/a%00b'));
  await expectNulRefusal(await t.request('/coordinator/applications?q=%00'));
  expect((await t.request('/coordinator/rounds/a%01b')).status).toBe(404);
});
