import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  fillerId,
  JONAS,
  MATCHING_ROUND_ID,
  OLIVIA,
  seedMatchingRound,
} from '../../../../tests/support/matching-fixtures';
import { seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * What coordinators do on the matching pages, each by a plain form post with its CSRF token
 * (post/redirect/get, flash message): lock, unlock, break up, allow again, comment, pair by hand
 * (rules named by person before refusing); bad input answered 422 with the problem next to its
 * field, never 500; a country coordinator refused everything but comments. (The settings form:
 * matching-settings.db.test.ts.)
 */
let t: TestApp;
const base = `/coordinator/rounds/${MATCHING_ROUND_ID}/matching`;
const decode = (html: string) =>
  html.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
const text = async (response: Response) => decode(await response.text());
const follow = async (response: Response) => {
  expect(response.status).toBe(303);
  return text(await t.request(response.headers.get('location')!));
};
const table = (name: 'match_locks' | 'match_exclusions' | 'match_comments') =>
  t.database.db.selectFrom(name).selectAll().where('round_id', '=', MATCHING_ROUND_ID).execute();
// Kenya's fillers are 8 and 16; filler 1 is Nigerian, filler 2 British.
const [nigerian, british, kenyan, otherKenyan] = [fillerId(1), fillerId(2), fillerId(8), fillerId(16)];

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
  await seedMatchingRound(t.database.db, { fillers: 16 });
  await seedRound(t.database.db, { id: 'round-open', status: 'open' });
  await signInAs(t, 'lead@example.org');
  expect((await t.postForm(`${base}/runs`, { objective: 'total-fit' })).status).toBe(303);
});
afterAll(async () => {
  await t.dispose();
});

describe('a program coordinator', () => {
  test('keeps a partnership together and unlocks it again', async () => {
    const page = await follow(
      await t.postForm(`${base}/locks`, { applicationIds: [OLIVIA.id, JONAS.id], back: `${base}?page=1` }),
    );
    expect(page).toContain('Olivia Chen and Jonas Weber will be kept together in the next run.');
    const [lock] = await table('match_locks');
    expect(lock?.members).toBe([JONAS.id, OLIVIA.id].sort().join(','));
    expect(page).toContain('>Unlock<');
    // Another round's address cannot reach this round's lock.
    expect(
      (await t.postForm(`/coordinator/rounds/round-open/matching/locks/${lock!.id}/delete`, {})).status,
    ).toBe(409);
    await seedRound(t.database.db, { id: 'round-closed', status: 'closed' });
    expect(
      (await t.postForm(`/coordinator/rounds/round-closed/matching/locks/${lock!.id}/delete`, {})).status,
    ).toBe(404);
    expect(await table('match_locks')).toHaveLength(1);
    const unlocked = await follow(await t.postForm(`${base}/locks/${lock!.id}/delete`, { back: base }));
    expect(unlocked).toContain('are no longer kept together');
    expect(await table('match_locks')).toEqual([]);
    expect((await t.postForm(`${base}/locks/${lock!.id}/delete`, {})).status).toBe(404);
  });

  test('breaks up a partnership (keeps its people apart) and allows them together again', async () => {
    const page = await follow(
      await t.postForm(`${base}/exclusions`, { applicationIds: [OLIVIA.id, JONAS.id] }),
    );
    expect(page).toContain('Olivia Chen and Jonas Weber will be kept apart from the next run.');
    const [exclusion] = await table('match_exclusions');
    const allowed = await follow(await t.postForm(`${base}/exclusions/${exclusion!.id}/delete`, {}));
    expect(allowed).toContain('may be paired again from the next run');
    expect(await table('match_exclusions')).toEqual([]);
    const one = await t.postForm(`${base}/exclusions`, { applicationIds: [OLIVIA.id] });
    expect(one.status).toBe(422);
    expect(await text(one)).toContain('Choose two or three people');
  });

  test('comments; an empty comment comes back with the problem next to the field', async () => {
    const key = encodeURIComponent([OLIVIA.id, JONAS.id].sort().join('+'));
    const page = await follow(
      await t.postForm(`${base}/comments`, {
        applicationIds: [OLIVIA.id, JONAS.id],
        body: 'Both asked for archiving <b>peers</b>.',
        back: `${base}/partnerships/${key}`,
      }),
    );
    expect(page).toContain('Your comment was added.');
    expect(page).toContain('Both asked for archiving &lt;b&gt;peers&lt;/b&gt;.');
    const empty = await t.postForm(`${base}/comments`, {
      applicationIds: [OLIVIA.id, JONAS.id],
      body: '   ',
    });
    expect(empty.status).toBe(422);
    const html = await text(empty);
    expect(html).toMatch(/<p class="field__error" id="comment-[^"]+-error">.*Write the note first/);
    const offsite = await t.postForm(`${base}/comments`, {
      applicationIds: [OLIVIA.id, JONAS.id],
      body: 'ok',
      back: 'https://evil.example/',
    });
    expect(offsite.headers.get('location')).toBe(`${base}#partnership-au-olivia-de-jonas`);
  });

  test('pairs by hand: names every rule broken before refusing, checks, then keeps them together', async () => {
    const listed = await text(await t.request(`${base}/pair?firstCountry=KE&secondCountry=ke`));
    expect(listed).toContain('Accepted participants from Kenya.');
    expect(listed).toContain(`value="${kenyan}"`);
    const sameCountry = await t.postForm(`${base}/pair`, {
      first: kenyan,
      second: otherKenyan,
      intent: 'pair',
    });
    expect(sameCountry.status).toBe(422);
    const refused = await text(sameCountry);
    expect(refused).toContain('Filler 008 and Filler 016 live in the same country (Kenya).');
    expect(refused).toMatch(/id="field-first-error">.*live in the same country/);
    const noLanguage = await text(
      await t.postForm(`${base}/pair`, { first: 'br-rui', second: nigerian, intent: 'check' }),
    );
    expect(noLanguage).toContain(
      'Rui Costa and Filler 001 share no language at a working level (conversational or better).',
    );
    const missing = await t.postForm(`${base}/pair`, { first: kenyan, intent: 'pair' });
    expect(missing.status).toBe(422);
    expect(await text(missing)).toMatch(/id="field-second-error">.*Choose a person/);
    const twice = await t.postForm(`${base}/pair`, { first: kenyan, second: kenyan, intent: 'pair' });
    expect(await text(twice)).toContain('Choose two or three different people');
    const unknown = await t.postForm(`${base}/pair`, {
      first: kenyan,
      second: 'no-such-person',
      intent: 'pair',
    });
    expect(unknown.status).toBe(422);
    expect(await text(unknown)).toContain('no-such-person is not an application of this round.');
    const clear = await t.postForm(`${base}/pair`, { first: kenyan, second: british, intent: 'check' });
    expect(clear.status).toBe(200);
    expect(await text(clear)).toContain('These people keep every rule');
    expect(await table('match_locks')).toEqual([]);
    const paired = await follow(
      await t.postForm(`${base}/pair`, { first: kenyan, second: british, intent: 'pair' }),
    );
    expect(paired).toContain('Filler 008 and Filler 002 will be partners in the next run.');
    // Someone already kept with another person: named, and refused.
    const again = await t.postForm(`${base}/pair`, { first: kenyan, second: nigerian, intent: 'pair' });
    expect(again.status).toBe(422);
    expect(await text(again)).toContain(
      'Filler 008 is already kept with other people: unlock that partnership first',
    );
    // Keeping a proposed partnership that breaks a rule lands on the same page, rules named.
    const locked = await t.postForm(`${base}/locks`, { applicationIds: [kenyan, otherKenyan] });
    expect(locked.status).toBe(422);
    expect(await text(locked)).toContain('live in the same country (Kenya)');
    expect((await table('match_locks')).length).toBe(1);
  });

  test('malformed posts are answered as such, never with a 500', async () => {
    const objective = await t.postForm(`${base}/runs`, { objective: 'fastest' });
    expect(objective.status).toBe(422);
    expect(await text(objective)).toMatch(/id="field-objective-error">.*Choose how to match/);
    const open = await follow(
      await t.postForm('/coordinator/rounds/round-open/matching/runs', { objective: 'total-fit' }),
    );
    expect(open).toContain('matching is run once applications have closed');
    // Where the run form is not shown (a round still open), a malformed run still says what was wrong.
    const unreadable = await t.postForm('/coordinator/rounds/round-open/matching/runs', {});
    expect(unreadable.status).toBe(422);
    expect(await text(unreadable)).toMatch(/class="error-summary"[\s\S]*Choose how to match/);
    expect(
      (await t.postForm('/coordinator/rounds/nowhere/matching/runs', { objective: 'total-fit' })).status,
    ).toBe(404);
    expect((await t.postForm(`${base}/exclusions/nothing/delete`, {})).status).toBe(404);
    expect((await t.postForm(`${base}/locks`, {})).status).toBe(422);
    expect((await t.postForm(`${base}/comments`, { body: 'x' })).status).toBe(404);
    expect((await t.postForm(`${base}/pair`, { first: 'x'.repeat(5000), second: 'y' })).status).toBe(422);
    // A NUL is refused before any route reads it (web/middleware/form-body.ts).
    expect((await t.postForm(`${base}/pair`, { first: 'x', second: '\u0000' })).status).toBe(400);
    expect((await t.request(`${base}/compare?before=nope&after=nope`)).status).toBe(404);
    const noToken = await t.request(`${base}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'objective=total-fit',
    });
    expect(noToken.status).toBe(403);
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('may not run, lock, break up, pair or change settings (403), and nothing changes', async () => {
    const before = await Promise.all([table('match_locks'), table('match_exclusions')]);
    for (const [path, fields] of [
      [`${base}/runs`, { objective: 'total-fit' }],
      [`${base}/locks`, { applicationIds: [kenyan, british] }],
      [`${base}/locks/any/delete`, {}],
      [`${base}/exclusions`, { applicationIds: [kenyan, british] }],
      [`${base}/exclusions/any/delete`, {}],
      [`${base}/pair`, { first: kenyan, second: british, intent: 'pair' }],
      [`${base}/settings`, { 'weights.sharedInterests': '1' }],
    ] as [string, Record<string, string | string[]>][]) {
      expect((await t.postForm(path, fields)).status, path).toBe(403);
    }
    for (const path of [`${base}/pair`, `${base}/settings`])
      expect((await t.request(path)).status, path).toBe(403);
    expect(await Promise.all([table('match_locks'), table('match_exclusions')])).toEqual(before);
  });

  test('comments on a partnership with a Kenyan, and gets a 404 for one without', async () => {
    const board = await text(await t.request(base));
    const key = board.match(
      /action="[^"]+\/comments">.*?name="applicationIds" value="([^"]+)".*?name="applicationIds" value="([^"]+)"/,
    );
    expect(key).not.toBeNull();
    const ids = [key![1]!, key![2]!];
    expect(
      await follow(await t.postForm(`${base}/comments`, { applicationIds: ids, body: 'Local note.' })),
    ).toContain('Your comment was added.');
    const other = await t.postForm(`${base}/comments`, {
      applicationIds: [OLIVIA.id, JONAS.id],
      body: 'Sneaky.',
    });
    expect(other.status).toBe(404);
    expect((await table('match_comments')).map((comment) => comment.body)).not.toContain('Sneaky.');
  });
});
