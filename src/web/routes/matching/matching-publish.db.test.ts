import { afterAll, beforeAll, expect, test } from 'vitest';
import { MATCHING_ROUND_ID, seedMatchingRound } from '../../../../tests/support/matching-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * Publishing from the board: a link under a proposed run, a confirmation page with the counts, one
 * post that starts the partnerships and queues the introductions; a second post (a double click,
 * another coordinator) is refused in words, and emails nobody twice; only program coordinators.
 */
let t: TestApp;
const base = `/coordinator/rounds/${MATCHING_ROUND_ID}/matching`;
const decode = (html: string) =>
  html.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
const text = async (response: Response) => decode(await response.text());
const introductions = () =>
  t.database.db
    .selectFrom('mail_messages')
    .select('kind')
    .where('kind', '=', 'partnership-introduction')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T09:00:00Z') });
  await t.ctx.services.people.createCoordinator({
    email: 'lead@example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  await t.ctx.services.people.createCoordinator({
    email: 'kenya@example.org',
    name: 'Wanjiru',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  await seedMatchingRound(t.database.db, { fillers: 9 });
});
afterAll(async () => {
  await t.dispose();
});

test('a program coordinator confirms, publishes once, and is refused in words the second time', async () => {
  await signInAs(t, 'lead@example.org');
  expect((await t.postForm(`${base}/runs`, { objective: 'total-fit' })).status).toBe(303);
  const run = await t.database.db.selectFrom('match_runs').select(['id', 'number']).executeTakeFirstOrThrow();
  const board = await text(await t.request(base));
  const publishPage = `${base}/runs/${run.id}/publish`;
  expect(board).toContain(`href="${publishPage}"`);

  const confirm = await text(await t.request(publishPage));
  expect(confirm).toContain(`Publish run ${run.number} of September matching round?`);
  expect(confirm).toMatch(/Publish and email \d+ people/);
  expect(await introductions()).toEqual([]); // looking at the page sends nothing

  const published = await t.postForm(publishPage, {});
  expect(published.status).toBe(303);
  expect(published.headers.get('location')).toBe(`/coordinator/rounds/${MATCHING_ROUND_ID}/partnerships`);
  const partnerships = await text(await t.request(published.headers.get('location')!));
  expect(partnerships).toMatch(
    /Run 1 is published: \d+ partnerships started and \d+ people introduced by email/,
  );
  const sent = (await introductions()).length;
  expect(sent).toBeGreaterThan(0);
  const round = await t.database.db
    .selectFrom('rounds')
    .select('status')
    .where('id', '=', MATCHING_ROUND_ID)
    .executeTakeFirstOrThrow();
  expect(round.status).toBe('under-way');

  // Again (a double click): refused with the reason on the board, nobody emailed twice.
  const again = await t.postForm(publishPage, {});
  expect(again.status).toBe(303);
  expect(again.headers.get('location')).toBe(base);
  expect(await text(await t.request(base))).toContain('notice--error');
  expect((await introductions()).length).toBe(sent);
  // The confirmation page now says why instead of offering the button.
  const closed = await text(await t.request(publishPage));
  expect(closed).not.toContain('Publish and email');
  expect(closed).toContain('role="alert"');
  // The board offers publishing no more.
  expect(await text(await t.request(base))).not.toContain(`href="${publishPage}"`);
});

test('a country coordinator can neither see the confirmation nor publish', async () => {
  signOut(t);
  await signInAs(t, 'kenya@example.org');
  const run = await t.database.db.selectFrom('match_runs').select('id').executeTakeFirstOrThrow();
  const publishPage = `${base}/runs/${run.id}/publish`;
  expect((await t.request(publishPage)).status).toBe(403);
  expect((await t.postForm(publishPage, {})).status).toBe(403);
  expect((await t.request(`${base}/runs/no-such-run/publish`)).status).toBe(403);
});
