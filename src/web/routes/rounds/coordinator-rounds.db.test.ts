import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Round } from '../../../core/rounds';

/**
 * Editing a round over HTTP (GET /coordinator/rounds/:id/edit, POST /coordinator/rounds/:id): who
 * may, what a mistake looks like, and that a finished round stays as it was. On SQLite and PostgreSQL.
 */
let t: TestApp;
let open: Round;
let finished: Round;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-01T09:00:00Z') });
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
  finished = await seedRound(t.database.db, {
    id: 'round-done',
    name: '2025 September round',
    status: 'finished',
  });
});
beforeEach(async () => {
  await t.database.db.deleteFrom('rounds').where('id', '=', 'round-a').execute();
  open = await seedRound(t.database.db, { id: 'round-a', status: 'open' });
});
afterAll(async () => {
  await t.dispose();
});

/** The edit form filled in as a coordinator would, from Sydney's calendar. */
const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  name: '2026 March round (extended)',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenOn: '2026-01-10',
  applicationsOpenTime: '00:00',
  applicationsCloseOn: '2026-02-27',
  applicationsCloseTime: '23:59',
  startsOn: '2026-03-09',
  endsOn: '2026-07-10',
  quotaEnabled: 'on',
  quotaCapPercent: '25',
  quotaMinimumPlaces: '5',
  ...overrides,
});

const stored = (id: string) => t.ctx.services.rounds.find(id);

/** A page contains a piece of HTML (a failure names the piece, not the whole page). */
const expectIn = (page: string, piece: string) => expect(page.includes(piece), piece).toBe(true);

describe('a program coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'lead@example.org');
  });

  test('sees the round’s settings in the edit form, in the program’s time zone', async () => {
    const response = await t.request('/coordinator/rounds/round-a/edit');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1>Edit 2026 March round</h1>');
    expect(page).toContain('action="/coordinator/rounds/round-a"');
    expect(page).toMatch(/name="name"[^>]*value="2026 March round"/);
    // 2026-02-20T12:59Z is 23:59 on the 20th in Sydney (UTC+11).
    expect(page).toMatch(/name="applicationsCloseOn"[^>]*value="2026-02-20"/);
    expect(page).toMatch(/name="applicationsCloseTime"[^>]*value="23:59"/);
  });

  test('saves an edit and is sent back to the round with a confirmation', async () => {
    const response = await t.postForm('/coordinator/rounds/round-a', form());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/coordinator/rounds/round-a');
    const page = await (await t.request('/coordinator/rounds/round-a')).text();
    expect(page).toContain('Round “2026 March round (extended)” was saved.');
    expect(await stored('round-a')).toEqual({
      ...open,
      name: '2026 March round (extended)',
      applicationsOpenAt: new Date('2026-01-09T13:00:00Z'),
      applicationsCloseAt: new Date('2026-02-27T12:59:00Z'),
      startsOn: '2026-03-09',
      endsOn: '2026-07-10',
      quota: { enabled: true, capPercent: 25, minimumPlaces: 5 },
    });
  });

  test('a mistake gives 422, the form again with each field’s error, and what was typed kept', async () => {
    const response = await t.postForm(
      '/coordinator/rounds/round-a',
      form({ name: 'Round <b>“March”</b> & more', quotaCapPercent: '250', quotaMinimumPlaces: 'lots' }),
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expectIn(page, 'class="error-summary"');
    expectIn(
      page,
      '<a href="#field-quotaCapPercent">Enter the country cap as a whole percentage from 1 to 100</a>',
    );
    expectIn(
      page,
      '<a href="#field-quotaMinimumPlaces">Enter the minimum places per country as a whole number from 1 to 1000</a>',
    );
    // What was typed, escaped, in its fields.
    expectIn(page, 'name="name" type="text" value="Round &lt;b&gt;“March”&lt;/b&gt; &amp; more"');
    expect(page.includes('<b>“March”</b>')).toBe(false);
    expectIn(page, 'name="quotaCapPercent" type="text" value="250"');
    expectIn(page, 'name="quotaMinimumPlaces" type="text" value="lots"');
    expectIn(page, 'name="applicationsCloseOn" type="date" value="2026-02-27"');
    expect(await stored('round-a')).toEqual(open);
  });

  test('dates in the wrong order are refused beside the field they concern', async () => {
    const response = await t.postForm(
      '/coordinator/rounds/round-a',
      form({ applicationsCloseOn: '2026-03-20' }),
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expectIn(
      page,
      '<a href="#field-applicationsCloseOn">Close applications on or before the day the round starts</a>',
    );
    expectIn(page, 'name="applicationsCloseOn" type="date" value="2026-03-20"');
    expect(await stored('round-a')).toEqual(open);
  });

  test('a round with no name is refused the same way', async () => {
    const response = await t.postForm('/coordinator/rounds/round-a', form({ name: '  ' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Name the round (for example “2025 March round”)');
    expect(await stored('round-a')).toEqual(open);
  });

  test('a finished round cannot be changed: 409 with the reason, and it stays as it was', async () => {
    const response = await t.postForm('/coordinator/rounds/round-done', form());
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      'The round “2025 September round” has finished and can no longer be changed.',
    );
    expect(await stored('round-done')).toEqual(finished);
  });

  test('an unknown round is a 404, for the form and the edit', async () => {
    expect((await t.request('/coordinator/rounds/no-such-round/edit')).status).toBe(404);
    expect((await t.postForm('/coordinator/rounds/no-such-round', form())).status).toBe(404);
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('is refused the edit form and the edit (403), and nothing changes', async () => {
    const page = await t.request('/coordinator/rounds/round-a/edit');
    expect(page.status).toBe(403);
    expect(await page.text()).not.toContain('name="quotaCapPercent"');
    expect((await t.postForm('/coordinator/rounds/round-a', form())).status).toBe(403);
    expect(await stored('round-a')).toEqual(open);
  });
});

describe('an anonymous visitor', () => {
  beforeAll(() => {
    signOut(t);
  });

  test('is sent to sign in, and nothing changes', async () => {
    // The edit first: a page loaded after signing out would renew the CSRF cookie under the test
    // client's remembered token.
    const edit = await t.postForm('/coordinator/rounds/round-a', form());
    expect(edit.status).toBe(303);
    expect(edit.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/coordinator/rounds/round-a')}`,
    );
    const page = await t.request('/coordinator/rounds/round-a/edit');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/coordinator/rounds/round-a/edit')}`,
    );
    expect(await stored('round-a')).toEqual(open);
  });
});
