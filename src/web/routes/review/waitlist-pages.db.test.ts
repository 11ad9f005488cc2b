import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * Admitting from the waitlist over HTTP (/coordinator/rounds/:id/waitlist): the preview (GET, a dry
 * run), the admission (POST), mistakes, and who may. On SQLite and PostgreSQL.
 *
 * The round: cap 20% with at least 2 places per country. Kenya (2) and Nigeria (1) hold places;
 * waiting, earliest first: a third Kenyan, a Brazilian, a second Nigerian, two more Brazilians.
 * 8 applications: the cap is max(2, ⌈20% × 8⌉) = 2 per country. So the Kenyan stays (Kenya is at
 * its cap), Brazil gets 2 places and Nigeria 1: three admitted, two still waiting.
 */
let t: TestApp;

const WAITING = [
  ['w-ke-3', 'Kamau Third', 'KE'],
  ['w-br-1', 'Bruna First', 'BR'],
  ['w-ng-2', 'Ngozi Second', 'NG'],
  ['w-br-2', 'Bruno Second', 'BR'],
  ['w-br-3', 'Beatriz Third', 'BR'],
] as const;

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
  await seedRound(t.database.db, { id: 'round-draft', name: 'Draft round', status: 'draft' });
});
let auditBefore = new Set<string>();
beforeEach(async () => {
  const db = t.database.db;
  for (const table of ['mail_messages', 'applications'] as const) await db.deleteFrom(table).execute();
  // The audit trail cannot be emptied (migration 0019): each test reads only the entries it added.
  auditBefore = new Set((await db.selectFrom('audit_log').select('id').execute()).map((row) => row.id));
  await db.deleteFrom('rounds').where('id', '=', 'round-w').execute();
  await seedRound(db, {
    id: 'round-w',
    name: '2026 March round',
    status: 'closed',
    quota: { enabled: true, capPercent: 20, minimumPlaces: 2 },
  });
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 0, 15, 0, minute++));
  for (const [id, name, country] of [
    ['h-ke-1', 'Kamau First', 'KE'],
    ['h-ke-2', 'Kamau Second', 'KE'],
    ['h-ng-1', 'Ngozi First', 'NG'],
  ] as const) {
    await seedApplication(db, {
      roundId: 'round-w',
      id,
      name,
      country,
      status: 'accepted',
      submittedAt: at(),
    });
  }
  for (const [id, name, country] of WAITING) {
    await seedApplication(db, {
      roundId: 'round-w',
      id,
      name,
      country,
      status: 'waitlisted',
      submittedAt: at(),
    });
  }
});
afterAll(async () => {
  await t.dispose();
});

const statuses = async () =>
  Object.fromEntries(
    (
      await t.database.db
        .selectFrom('applications')
        .select(['id', 'status'])
        .where('round_id', '=', 'round-w')
        .execute()
    ).map((row) => [row.id, row.status]),
  );

const INITIAL = {
  'h-ke-1': 'accepted',
  'h-ke-2': 'accepted',
  'h-ng-1': 'accepted',
  'w-ke-3': 'waitlisted',
  'w-br-1': 'waitlisted',
  'w-ng-2': 'waitlisted',
  'w-br-2': 'waitlisted',
  'w-br-3': 'waitlisted',
};

const expectIn = (page: string, piece: string) => expect(page.includes(piece), piece).toBe(true);

/** The names in the preview's list, in order. */
const previewNames = (page: string) =>
  [...(page.match(/<ol class="admit-list">([\s\S]*?)<\/ol>/)?.[1] ?? '').matchAll(/<li>([^(<]+)\(/g)].map(
    (m) => m[1]!.trim(),
  );

describe('a program coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'lead@example.org');
  });

  test('previews who the caps let in, earliest first, and nothing changes', async () => {
    const response = await t.request('/coordinator/rounds/round-w/waitlist');
    expect(response.status).toBe(200);
    const page = await response.text();
    expectIn(page, 'never taking a country over its cap of 2 places');
    expectIn(page, '3 applicants would be accepted and emailed:');
    expect(previewNames(page)).toEqual(['Bruna First', 'Ngozi Second', 'Bruno Second']);
    expectIn(page, '2 would stay on the waitlist.');
    // The button posts what was previewed; no JavaScript needed.
    expectIn(page, '<form method="post" action="/coordinator/rounds/round-w/waitlist">');
    expect(await statuses()).toEqual(INITIAL);
    expect(await t.database.db.selectFrom('mail_messages').select('id').execute()).toEqual([]);
  });

  test('previews a given number of places', async () => {
    const page = await (await t.request('/coordinator/rounds/round-w/waitlist?places=1')).text();
    expectIn(page, '1 applicant would be accepted and emailed:');
    expect(previewNames(page)).toEqual(['Bruna First']);
    expectIn(page, 'name="places" value="1"');
  });

  test('admits that many, emails them, audits it, and shows the accepted list', async () => {
    const response = await t.postForm('/coordinator/rounds/round-w/waitlist', { places: '1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/coordinator/rounds/round-w/applications?status=accepted');
    const list = await (await t.request(response.headers.get('location')!)).text();
    expectIn(list, '1 applicant was admitted and emailed.');
    expectIn(list, 'Bruna First');
    expect(await statuses()).toEqual({ ...INITIAL, 'w-br-1': 'accepted' });
    const mail = await t.database.db.selectFrom('mail_messages').select(['kind', 'to_address']).execute();
    expect(mail).toEqual([{ kind: 'application-accepted', to_address: 'bruna.first@example.org' }]);
    const audit = (
      await t.database.db.selectFrom('audit_log').select(['id', 'subject_id', 'details']).execute()
    ).filter((row) => !auditBefore.has(row.id));
    expect(audit.map((row) => row.subject_id)).toEqual(['w-br-1']);
    expect(audit[0]?.details).toContain('waitlist-admission');

    // Without a number: everyone the caps allow; then nobody is left to admit.
    const rest = await t.postForm('/coordinator/rounds/round-w/waitlist', { places: '' });
    expect(rest.status).toBe(303);
    expectIn(
      await (await t.request(rest.headers.get('location')!)).text(),
      '2 applicants were admitted and emailed.',
    );
    expect(await statuses()).toEqual({
      ...INITIAL,
      'w-br-1': 'accepted',
      'w-ng-2': 'accepted',
      'w-br-2': 'accepted',
    });
    const after = await (await t.request('/coordinator/rounds/round-w/waitlist')).text();
    expectIn(
      after,
      'Nobody can be admitted now: the waitlist is empty or every waitlisted country is at its cap.',
    );
  });

  test('a number of places that is not one is a 422 beside the field, in the preview and the admission', async () => {
    for (const places of ['abc', '0', '-3', '2.5']) {
      const preview = await t.request(
        `/coordinator/rounds/round-w/waitlist?places=${encodeURIComponent(places)}`,
      );
      expect(preview.status, places).toBe(422);
      const page = await preview.text();
      expectIn(page, 'Enter the number of places as a whole number from 1, or leave it empty');
      expectIn(page, `name="places" type="text" value="${places}"`);
    }
    const admit = await t.postForm('/coordinator/rounds/round-w/waitlist', { places: 'abc' });
    expect(admit.status).toBe(422);
    expectIn(await admit.text(), 'Enter the number of places as a whole number from 1, or leave it empty');
    expect(await statuses()).toEqual(INITIAL);
  });

  test('a round whose waitlist cannot be used says why (422 preview, 409 admission)', async () => {
    const reason =
      'The round “Draft round” is draft: the waitlist can only be used while the round is open, closed or being matched.';
    const preview = await t.request('/coordinator/rounds/round-draft/waitlist');
    expect(preview.status).toBe(422);
    expectIn(await preview.text(), reason);
    const admit = await t.postForm('/coordinator/rounds/round-draft/waitlist', {});
    expect(admit.status).toBe(409);
    expectIn(await admit.text(), reason);
    expect((await t.request('/coordinator/rounds/no-such-round/waitlist')).status).toBe(404);
  });
});

describe('a country coordinator', () => {
  beforeAll(async () => {
    signOut(t);
    await signInAs(t, 'kenya@example.org');
  });

  test('may neither preview nor admit (403), even for their own country', async () => {
    expect((await t.postForm('/coordinator/rounds/round-w/waitlist', { places: '1' })).status).toBe(403);
    expect((await t.request('/coordinator/rounds/round-w/waitlist')).status).toBe(403);
    expect(await statuses()).toEqual(INITIAL);
  });
});

describe('an anonymous visitor', () => {
  beforeAll(() => {
    signOut(t);
  });

  test('is sent to sign in, and nobody is admitted', async () => {
    const admit = await t.postForm('/coordinator/rounds/round-w/waitlist', { places: '1' });
    expect(admit.status).toBe(303);
    expect(admit.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/coordinator/rounds/round-w/waitlist')}`,
    );
    expect(await statuses()).toEqual(INITIAL);
  });
});
