import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  checkInTokensSentTo,
  FORTNIGHT_2_LINKS_EXPIRE_AT,
  FORTNIGHT_2_PROMPT_AT,
  seedCheckInRound,
} from '../../../../tests/support/check-in-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { runDueJobs } from '../../../jobs';

/**
 * Check-ins through the web app as people use them, with plain HTML (no script): `run-due` sends
 * the check-in email, a participant follows a link (which records nothing), presses the button
 * (recorded), presses it again (already recorded), changes the answer; forged and expired links
 * get a plain 404 or 410 page; the participant answers in their area; the coordinator reads the
 * check-ins and the intervention list and dismisses a partnership.
 */
let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ now: FORTNIGHT_2_PROMPT_AT });
  await seedCheckInRound(t.database.db, { participantsWhoSignIn: ['ke-1', 'gb-1'] });
  const handled = await runDueJobs(t.ctx.jobs());
  expect(handled['check-in-prompts']).toBe(8);
});
afterEach(async () => {
  await t.dispose();
});

/** The form's hidden fields as a browser would send them, with the answer chosen. */
const submit = async (page: string, answer?: string) => {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  const body = new URLSearchParams({ _csrf: field('_csrf') ?? '', token: field('token') ?? '' });
  if (answer) body.set('answer', answer);
  expect(page).toMatch(/<form method="post" action="\/check-in">/);
  return t.request('/check-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
};
const checkIns = () => t.database.db.selectFrom('check_ins').selectAll().execute();

describe('the check-in link, without JavaScript', () => {
  test('opening records nothing; the button records once; again says so; another answer replaces it', async () => {
    const [token] = await checkInTokensSentTo(t.database.db, 'ke-2@example.org');
    const opened = await t.request(`/check-in/${token}?answer=not-responding`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('private, no-store');
    expect(opened.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const page = await opened.text();
    expect(page).toContain('Fortnight 2 of 2027 March round: have you been in touch with Person gb-1?');
    expect(page).toMatch(/value="not-responding" checked/);
    expect(page).not.toMatch(/<form[^>]*hx-/);
    expect(await checkIns()).toEqual([]);

    const recorded = await submit(page, 'not-responding');
    expect(recorded.status).toBe(303);
    expect(recorded.headers.get('location')).toBe('/check-in/done?outcome=recorded&answer=not-responding');
    const thanks = await t.request(recorded.headers.get('location')!);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Thank you: your answer is recorded');

    const again = await submit(page, 'not-responding');
    expect(again.headers.get('location')).toBe('/check-in/done?outcome=unchanged&answer=not-responding');
    expect(await (await t.request(again.headers.get('location')!)).text()).toContain('Already recorded');
    const changed = await submit(page, 'in-touch');
    expect(changed.headers.get('location')).toBe('/check-in/done?outcome=changed&answer=in-touch');
    expect(await checkIns()).toMatchObject([{ application_id: 'ke-2', fortnight: 2, answer: 'in-touch' }]);

    // Reopened, the page says what was answered.
    expect(await (await t.request(`/check-in/${token}`)).text()).toContain(
      'You answered “We’ve been in touch”',
    );
  });

  test('no answer chosen: the form again with the problem (400); no token: a plain 400 page', async () => {
    const [token] = await checkInTokensSentTo(t.database.db, 'ke-1@example.org');
    const page = await (await t.request(`/check-in/${token}`)).text();
    const missing = await submit(page);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Choose one of the three answers.');
    const noToken = await t.postForm('/check-in', { answer: 'in-touch' });
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain('Something was missing');
    expect(await checkIns()).toEqual([]);
  });

  test('a forged link is a 404 page, an expired one a 410 page, never an error trace', async () => {
    const [token] = await checkInTokensSentTo(t.database.db, 'ke-1@example.org');
    const forged = await t.request(`/check-in/${token!.slice(0, -4)}AAAA?answer=in-touch`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain('This check-in link does not work');
    const garbage = await t.request('/check-in/%01%ff..?answer=x');
    expect(garbage.status).toBe(404);
    const page = await (await t.request(`/check-in/${token}`)).text();
    t.clock.set(FORTNIGHT_2_LINKS_EXPIRE_AT);
    const expired = await t.request(`/check-in/${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This check-in link has expired');
    const late = await submit(page, 'in-touch');
    expect(late.status).toBe(410);
    expect(await checkIns()).toEqual([]);
  });
});

describe('check-ins in the participants’ area and for coordinators', () => {
  test('a participant answers in their area with a plain form', async () => {
    await signInAs(t, 'ke-1@example.org');
    const area = await (await t.request('/participant')).text();
    expect(area).toContain('href="/participant/check-ins"');
    const page = await (await t.request('/participant/check-ins')).text();
    expect(page).toContain('2027 March round: fortnight 2');
    expect(page).toContain('Have you been in touch with Person ng-1 this fortnight?');
    const saved = await t.postForm('/participant/check-ins', {
      partnershipId: 'round-s-p0',
      answer: 'not-yet',
    });
    expect(saved.status).toBe(303);
    const after = await (await t.request('/participant/check-ins')).text();
    expect(after).toContain('Your answer “Not yet” is recorded');
    expect(after).toMatch(/<td data-label="[^"]+">Not yet<\/td>/);
    const notMine = await t.postForm('/participant/check-ins', {
      partnershipId: 'round-s-p1',
      answer: 'not-yet',
    });
    expect(notMine.status).toBe(404);
    const bad = await t.postForm('/participant/check-ins', {
      partnershipId: 'round-s-p0',
      answer: 'sometimes',
    });
    expect(bad.status).toBe(422);
    signOut(t);
    expect((await t.request('/participant/check-ins')).status).toBe(303);
  });

  test('the coordinator sees the check-in and the intervention list, and dismisses a partnership', async () => {
    const [token] = await checkInTokensSentTo(t.database.db, 'ke-2@example.org');
    await submit(await (await t.request(`/check-in/${token}`)).text(), 'not-responding');
    await signInAs(t, 'lead@example.org');
    const page = await (await t.request('/coordinator/rounds/round-s/check-ins')).text();
    expect(page).toContain('1 partnership needs a coordinator');
    expect(page).toMatch(/data-partnership-id="round-s-p1"/);
    expect(page).toContain('Reported “not responding” on');
    expect(page).toContain('/coordinator/rounds/round-s/partnerships/inactive?application=gb-1');
    expect(page).toMatch(/<td data-label="Participant">Person ke-2 \(Kenya\)<\/td>/);
    const episode = /name="episode" value="([^"]+)"/.exec(page)?.[1];
    const dismissed = await t.postForm('/coordinator/rounds/round-s/check-ins/dismiss', {
      partnershipId: 'round-s-p1',
      episode: episode!,
    });
    expect(dismissed.status).toBe(303);
    const after = await (await t.request('/coordinator/rounds/round-s/check-ins')).text();
    expect(after).toContain('No partnership needs a coordinator now.');
    expect(after).toContain('1 partnership was dismissed by a coordinator for now.');
    const stale = await t.postForm('/coordinator/rounds/round-s/check-ins/dismiss', {
      partnershipId: 'round-s-p0',
      episode: 'no-check-in:2027-01-01T00:00:00.000Z',
    });
    expect(stale.status).toBe(404);
  });
});
