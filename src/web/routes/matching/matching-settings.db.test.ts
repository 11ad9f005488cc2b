import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * The settings form of a round's matching over HTTP (SQLite and PostgreSQL): every weight and rule
 * with its default, problems next to their fields (422), saved with a flash message; program
 * coordinators only.
 */
let t: TestApp;
const base = '/coordinator/rounds/round-s/matching';
const decode = (html: string) =>
  html.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
const text = async (response: Response) => decode(await response.text());
const follow = async (response: Response) => {
  expect(response.status).toBe(303);
  return text(await t.request(response.headers.get('location')!));
};

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T09:00:00Z') });
  for (const [email, name, countryCodes] of [
    ['lead@example.org', 'Lead', []],
    ['kenya@example.org', 'Wanjiru', ['KE']],
  ] as const) {
    await t.ctx.services.people.createCoordinator({
      email,
      name,
      countryCodes: [...countryCodes],
      actorPersonId: null,
    });
  }
  await seedRound(t.database.db, { id: 'round-s', status: 'closed' });
  await signInAs(t, 'lead@example.org');
});
afterAll(async () => {
  await t.dispose();
});

test('a program coordinator sets the weights and rules: defaults shown, problems next to their fields, then saved', async () => {
  const form = await text(await t.request(`${base}/settings`));
  expect(form).toContain('Default: 3,500.');
  expect(form).toContain('name="rules.requireSharedLanguage" value="on" checked=""');
  const fields = {
    'weights.sharedInterests': '6000',
    'weights.partnerPreferences': '5000',
    'weights.availability': '1500',
    'weights.freeText': '1000',
    'weights.languages': 'lots',
    'weights.careerStage': '500',
    'weights.sector': '500',
    'rules.requireSharedLanguage': 'on',
    'rules.workingLanguageLevel': 'fluent',
    'rules.minWeeklyOverlapHours': '1,5',
    'availability.targetWeeklyHours': '2',
    'availability.oneEmailOnlyCredit': '0.5',
    'attention.lowFitPoints': '2500',
    'attention.thinOverlapHours': '1.5',
  };
  const bad = await t.postForm(`${base}/settings`, fields);
  expect(bad.status).toBe(422);
  const html = await text(bad);
  expect(html).toMatch(/id="field-weights-languages-error">.*Enter a number within the allowed range/);
  expect(html).toContain('value="lots"');
  const tooMuch = await text(
    await t.postForm(`${base}/settings`, { ...fields, 'weights.languages': '1000' }),
  );
  expect(tooMuch).toMatch(
    /<p class="field__error" role="alert">The weights must add up to at most 10,000 points/,
  );
  const saved = await follow(
    await t.postForm(`${base}/settings`, {
      ...fields,
      'weights.sharedInterests': '3500',
      'weights.partnerPreferences': '2000',
      'weights.languages': '1000',
    }),
  );
  expect(saved).toContain('The weights and rules were saved.');
  expect(saved).not.toContain('name="rules.allowTrios" value="on" checked');
  const settings = await t.ctx.services.matching.settings(
    (await t.ctx.services.people.findViewerByEmail('lead@example.org'))!,
    'round-s',
  );
  expect(settings.rules).toMatchObject({
    minWeeklyOverlapHours: 1.5,
    allowTrios: false,
    workingLanguageLevel: 'fluent',
  });
});

test('a country coordinator can neither see nor change the settings', async () => {
  signOut(t);
  await signInAs(t, 'kenya@example.org');
  expect((await t.request(`${base}/settings`)).status).toBe(403);
  expect((await t.postForm(`${base}/settings`, { 'weights.sector': '0' })).status).toBe(403);
  const round = await t.database.db
    .selectFrom('rounds')
    .select('match_settings')
    .where('id', '=', 'round-s')
    .executeTakeFirstOrThrow();
  expect(JSON.parse(round.match_settings ?? '{}').weights?.sector).not.toBe(0);
});
