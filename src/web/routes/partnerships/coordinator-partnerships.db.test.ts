import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  PROGRAM_COORDINATOR,
  ROUND_PEOPLE,
  seedMatchableRound,
} from '../../../../tests/support/partnership-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** The coordinators' partnerships page of a round under way, on both databases. */
let t: TestApp;
const PAGE = '/coordinator/rounds/round-a/partnerships';

beforeEach(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T09:00:00Z') });
  await seedMatchableRound(t.database.db);
  for (const [email, countryCodes] of [
    ['boss@example.org', []],
    ['brazil@example.org', ['BR']],
  ] as const) {
    await t.ctx.services.people.createCoordinator({
      email,
      countryCodes: [...countryCodes],
      actorPersonId: null,
    });
  }
  await t.ctx.services.matching.run({ viewer: PROGRAM_COORDINATOR, roundId: 'round-a' });
});
afterEach(async () => {
  await t.dispose();
});

const publish = () => t.ctx.services.matching.publish({ viewer: PROGRAM_COORDINATOR, roundId: 'round-a' });

const partnerOf = async (applicationId: string) => {
  const rows = await t.database.db
    .selectFrom('partnership_members')
    .select(['partnership_id', 'application_id'])
    .where('left_at', 'is', null)
    .execute();
  const id = rows.find((row) => row.application_id === applicationId)?.partnership_id;
  return rows.find((row) => row.partnership_id === id && row.application_id !== applicationId)
    ?.application_id;
};

test('before publishing the page lists no partnerships and nobody’s contact details', async () => {
  await signInAs(t, 'boss@example.org');
  const page = await (await t.request(PAGE)).text();
  expect(page).toContain('No partnerships yet');
  for (const p of ROUND_PEOPLE) expect(page).not.toContain(p.email);
});

test('a program coordinator marks someone inactive after confirming; their partner is told; again is 404', async () => {
  await publish();
  await signInAs(t, 'boss@example.org');
  const page = await (await t.request(PAGE)).text();
  expect(page).toContain('Person gb-1');
  for (const p of ROUND_PEOPLE) expect(page).not.toContain(p.email);
  const partner = await partnerOf('gb-1');

  const confirm = await t.request(`${PAGE}/inactive?application=gb-1`);
  expect(confirm.status).toBe(200);
  expect(await confirm.text()).toContain('Mark Person gb-1 inactive?');
  // Without the form's token nothing happens.
  const forged = await t.request(`${PAGE}/inactive`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'applicationId=gb-1',
  });
  expect(forged.status).toBe(403);

  const marked = await t.postForm(`${PAGE}/inactive`, { applicationId: 'gb-1' });
  expect(marked.status).toBe(303);
  expect(marked.headers.get('location')).toBe(PAGE);
  const after = await (await t.request(PAGE)).text();
  expect(after).toContain('Person gb-1 has been marked inactive');
  expect(after).toContain('marked inactive on');
  expect(after).toContain('partner left');
  const told = await t.database.db
    .selectFrom('mail_messages')
    .select('to_address')
    .where('kind', '=', 'partnership-partner-left')
    .execute();
  expect(told).toEqual([{ to_address: `${partner}@example.org` }]);

  // Repeated posts change nothing more.
  expect((await t.postForm(`${PAGE}/inactive`, { applicationId: 'gb-1' })).status).toBe(404);
  expect((await t.request(`${PAGE}/inactive?application=gb-1`)).status).toBe(404);
  expect((await t.postForm(`${PAGE}/repair`)).status).toBe(303);
  expect(await (await t.request(PAGE)).text()).toContain('Repair found no new partnership');
  expect((await t.postForm(`${PAGE}/repair`)).status).toBe(303);
  const partnerships = await t.database.db.selectFrom('partnerships').select('id').execute();
  expect(partnerships).toHaveLength(4);
});

test('a country coordinator sees only partnerships with their countries and can change nothing', async () => {
  await publish();
  await signInAs(t, 'brazil@example.org');
  const page = await t.request(PAGE);
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain('Person br-1');
  expect(text).not.toContain('Person gb-1');
  expect(text).not.toContain('Mark inactive');
  expect(text).not.toContain('Repair now');
  expect((await t.request(`${PAGE}/inactive?application=br-1`)).status).toBe(403);
  expect((await t.postForm(`${PAGE}/inactive`, { applicationId: 'br-1' })).status).toBe(403);
  expect((await t.postForm(`${PAGE}/repair`)).status).toBe(403);
  signOut(t);
  await signInAs(t, 'boss@example.org');
  // Someone of another round, or nobody at all, is not found.
  expect((await t.postForm(`${PAGE}/inactive`, { applicationId: 'pending-1' })).status).toBe(404);
  expect((await t.postForm(`${PAGE}/inactive`, { applicationId: '' })).status).toBe(404);
  expect((await t.request('/coordinator/rounds/no-such-round/partnerships')).status).toBe(404);
  const left = await t.database.db
    .selectFrom('partnership_members')
    .select('application_id')
    .where('left_at', 'is not', null)
    .execute();
  expect(left).toEqual([]);
});
