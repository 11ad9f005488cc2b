import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  checkInTokensSentTo,
  FORTNIGHT_2_PROMPT_AT,
  seedCheckInRound,
} from '../../../../tests/support/check-in-fixtures';
import { KENYA_COORDINATOR, PROGRAM_COORDINATOR } from '../../../../tests/support/partnership-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import {
  npsQuestionForm,
  SURVEY_SEND_AT,
  surveySettingsForm,
  surveyTokensSentTo,
} from '../../../../tests/support/survey-fixtures';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { runDueJobs } from '../../../jobs';

/**
 * The round dashboard on a real database (SQLite and PostgreSQL): the round of the check-in
 * fixture (four pairs: ke-1+ng-1, ke-2+gb-1, ng-2+gb-2, br-1+pt-1) with known fits, arrival
 * times, check-ins from the emailed links, a survey answered by two, and a mail queue with one
 * message retrying and one given up. Exact figures for the program coordinator and for Kenya's
 * country coordinator, and the page as a person reads it without script.
 */
let t: TestApp;

const FITS: Record<string, number> = {
  'round-s-p0': 1500,
  'round-s-p1': 7200,
  'round-s-p2': 7999,
  'round-s-p3': 10_000,
};

/** The check-in form's hidden fields as a browser sends them. */
const checkIn = async (email: string, answer: string) => {
  const [token] = await checkInTokensSentTo(t.database.db, email);
  const page = await (await t.request(`/check-in/${token}`)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: field('_csrf'), token: field('token'), answer });
  const response = await t.request('/check-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  expect(response.status).toBe(303);
};

beforeEach(async () => {
  t = await createTestApp({ now: FORTNIGHT_2_PROMPT_AT });
  const { db } = t.database;
  await seedCheckInRound(db);
  for (const [id, fit] of Object.entries(FITS)) {
    await db.updateTable('partnerships').set({ fit }).where('id', '=', id).execute();
  }
  // The window opened 2027-01-10T00:00Z: two in week 1, three in week 2, three in week 4.
  const arrivals: Record<string, string> = {
    'ke-1': '2027-01-10T00:30:00.000Z',
    'ng-1': '2027-01-16T23:10:00.000Z',
    'ke-2': '2027-01-17T00:00:00.000Z',
    'gb-1': '2027-01-20T08:00:00.000Z',
    'ng-2': '2027-01-23T23:59:00.000Z',
    'gb-2': '2027-01-31T12:00:00.000Z',
    'br-1': '2027-02-01T12:00:00.000Z',
    'pt-1': '2027-02-06T23:59:59.000Z',
  };
  for (const [id, at] of Object.entries(arrivals)) {
    await db.updateTable('applications').set({ submitted_at: at }).where('id', '=', id).execute();
  }
  expect((await runDueJobs(t.ctx.jobs()))['check-in-prompts']).toBe(8);
  await checkIn('ke-1@example.org', 'in-touch');
  await checkIn('ng-1@example.org', 'in-touch');
  await checkIn('ke-2@example.org', 'not-responding');
  await checkIn('br-1@example.org', 'not-yet');

  const survey = await t.ctx.services.surveys.create({
    viewer: PROGRAM_COORDINATOR,
    roundId: 'round-s',
    form: surveySettingsForm(),
  });
  await t.ctx.services.surveys.addQuestion({
    viewer: PROGRAM_COORDINATOR,
    surveyId: survey.id,
    form: npsQuestionForm,
  });
  await t.ctx.services.surveys.schedule({ viewer: PROGRAM_COORDINATOR, surveyId: survey.id });
  t.clock.set(SURVEY_SEND_AT);
  await runDueJobs(t.ctx.jobs());
  for (const id of ['ke-1', 'gb-1']) {
    const [token] = await surveyTokensSentTo(db, `${id}@example.org`);
    expect((await t.ctx.services.surveys.submitAnswers({ token: token!, body: { q_q1: '9' } })).state).toBe(
      'recorded',
    );
  }
  // Everything queued so far goes out (the mail job runs before the jobs that queue more).
  await runDueJobs(t.ctx.jobs());
  expect(await db.selectFrom('mail_messages').select('id').where('status', '!=', 'sent').execute()).toEqual(
    [],
  );
  // One message failed an attempt and waits for its retry; one was given up.
  const sent = await db.selectFrom('mail_messages').select('id').orderBy('id').limit(2).execute();
  await db
    .updateTable('mail_messages')
    .set({ status: 'pending', last_error: 'connection refused', next_attempt_at: '2030-01-01T00:00:00.000Z' })
    .where('id', '=', sent[0]!.id)
    .execute();
  await db
    .updateTable('mail_messages')
    .set({ status: 'failed', last_error: '550 no such user' })
    .where('id', '=', sent[1]!.id)
    .execute();
});
afterEach(async () => {
  await t.dispose();
});

describe('the figures', () => {
  test('a program coordinator sees every country, and the mail queue', async () => {
    const view = await t.ctx.services.dashboard.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    expect(view.countryCodes).toBeNull();
    expect(view.applications.total).toBe(8);
    expect(view.applications.weeks.map((week) => week.count)).toEqual([2, 3, 0, 3, 0, 0]);
    expect(view.applications.weeks.at(-1)!.cumulative).toBe(8);
    expect(view.participants.total).toBe(8);
    expect(view.participants.byCountry).toEqual([
      { countryCode: 'GB', count: 2 },
      { countryCode: 'KE', count: 2 },
      { countryCode: 'NG', count: 2 },
      { countryCode: 'BR', count: 1 },
      { countryCode: 'PT', count: 1 },
    ]);
    expect(view.fit.partnerships).toBe(4);
    expect(view.fit.bands.map((band) => band.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 2, 0, 1]);
    expect(view.engagement.activeParticipants).toBe(8);
    // 15 April in Sydney is in fortnight 4; the check-ins were given in fortnight 2.
    expect(view.engagement.fortnights.map((row) => row.fortnight)).toEqual([1, 2, 3, 4]);
    expect(view.engagement.fortnights[1]).toEqual({
      fortnight: 2,
      counts: { 'in-touch': 2, 'not-yet': 1, 'not-responding': 1 },
      answered: 4,
      rate: 50,
    });
    expect(view.surveys).toEqual([
      expect.objectContaining({ kind: 'mid-round', phase: 'open', invited: 8, answered: 2, rate: 25 }),
    ]);
    // ke-2 said gb-1 is not responding; the pairs nobody checked in from are quiet by now.
    expect(view.interventions.open).toBeGreaterThanOrEqual(1);
    const checkIns = await t.ctx.services.checkIns.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    expect(view.interventions.open).toBe(checkIns.interventions.length);
    expect(view.mail).toEqual({ queued: 1, retrying: 1, deadLetters: 1 });
  });

  test("a country coordinator sees their country's people, partnerships with them, no mail queue", async () => {
    const view = await t.ctx.services.dashboard.round({ viewer: KENYA_COORDINATOR, roundId: 'round-s' });
    expect(view.countryCodes).toEqual(['KE']);
    expect(view.applications.total).toBe(2);
    expect(view.applications.weeks.map((week) => week.count)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(view.participants.byCountry).toEqual([{ countryCode: 'KE', count: 2 }]);
    expect(view.fit.bands.map((band) => band.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(view.engagement.activeParticipants).toBe(2);
    expect(view.engagement.fortnights[1]!.counts).toEqual({
      'in-touch': 1,
      'not-yet': 0,
      'not-responding': 1,
    });
    expect(view.surveys[0]).toMatchObject({ invited: 2, answered: 1, rate: 50 });
    expect(view.mail).toBeNull();
  });

  test('someone who is not a coordinator gets nothing; an unknown round is not found', async () => {
    await expect(t.ctx.services.dashboard.round({ viewer: null, roundId: 'round-s' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      t.ctx.services.dashboard.round({ viewer: PROGRAM_COORDINATOR, roundId: 'no-such-round' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the page, without JavaScript', () => {
  test('charts with their tables, linked from the coordinator home and the round page', async () => {
    await signInAs(t, PROGRAM_COORDINATOR.email);
    const home = await (await t.request('/coordinator')).text();
    expect(home).toContain('href="/coordinator/rounds/round-s/dashboard"');
    const roundPage = await (await t.request('/coordinator/rounds/round-s')).text();
    expect(roundPage).toContain('href="/coordinator/rounds/round-s/dashboard"');

    const response = await t.request('/coordinator/rounds/round-s/dashboard');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const page = await response.text();
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).not.toContain('<script>');
    expect(page).toContain('<h1>Dashboard: 2027 March round</h1>');
    // Five charts, each hidden from assistive technology and followed by its table.
    expect(page.match(/<svg class="chart"[^>]*aria-hidden="true"/g)).toHaveLength(5);
    for (const id of ['applications', 'participants', 'fit', 'engagement', 'surveys']) {
      expect(page).toContain(`<table aria-labelledby="${id}-caption">`);
    }
    expect(page).toContain('8 applications.');
    expect(page).toMatch(/<th scope="row">Kenya<\/th><td class="num">2<\/td><td class="num">25%<\/td>/);
    expect(page).toMatch(/<th scope="row">7,000 to 7,999<\/th><td class="num">2<\/td>/);
    expect(page).toContain('href="/coordinator/rounds/round-s/check-ins"');
    expect(page).toMatch(/<td class="num">25%<\/td><\/tr>/);
    expect(page).toContain('Mail queue');
    expect(page).toMatch(/Given up \(dead letters\)<\/dt><dd>1<\/dd>/);

    signOut(t);
    await signInAs(t, KENYA_COORDINATOR.email);
    const kenya = await (await t.request('/coordinator/rounds/round-s/dashboard')).text();
    expect(kenya).toContain('Figures for the people of your countries: Kenya.');
    expect(kenya).not.toContain('Mail queue');
    expect(kenya).not.toMatch(/<th scope="row">Nigeria<\/th>/);

    signOut(t);
    const anonymous = await t.request('/coordinator/rounds/round-s/dashboard');
    expect(anonymous.status).toBe(303);
    expect((await t.request('/coordinator/rounds/nope/dashboard')).status).toBe(303);
  });
});
