import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  PROGRAM_COORDINATOR,
  ROUND_PEOPLE,
  seedMatchableRound,
} from '../../../../tests/support/partnership-fixtures';
import { signInAs, signOut } from '../../../../tests/support/sign-in';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** The participants' area over the whole app, on both databases: own partnership only, nothing else. */
let t: TestApp;
const program = PROGRAM_COORDINATOR;

beforeEach(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T09:00:00Z') });
  await seedMatchableRound(t.database.db);
});
afterEach(async () => {
  await t.dispose();
});

const publish = async () => {
  await t.ctx.services.matching.run({ viewer: program, roundId: 'round-a' });
  await t.ctx.services.matching.publish({ viewer: program, roundId: 'round-a' });
};

/** The partnership id and partner of one member. */
const partnershipOf = async (applicationId: string) => {
  const rows = await t.database.db
    .selectFrom('partnership_members')
    .select(['partnership_id', 'application_id'])
    .execute();
  const id = rows.find((row) => row.application_id === applicationId)!.partnership_id;
  const partners = rows.filter((row) => row.partnership_id === id && row.application_id !== applicationId);
  return { id, partnerIds: partners.map((row) => row.application_id) };
};

const personOf = (id: string) => ROUND_PEOPLE.find((p) => p.id === id)!;

describe('the participants’ area', () => {
  test('a participant signs in with the same link, lands on their area and sees their partner', async () => {
    await publish();
    const asked = await t.postForm('/sign-in', { email: 'gb-1@example.org' });
    expect(asked.status).toBe(200);
    const [mail] = await t.database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', 'sign-in-link')
      .where('to_address', '=', 'gb-1@example.org')
      .execute();
    const link = mail?.text_body.match(/https?:\/\/[^/\s]+(\/sign-in\/verify\?\S+)/)?.[1];
    const verified = await t.request(link!);
    expect(verified.status).toBe(303);
    expect(verified.headers.get('location')).toBe('/participant');

    const { id, partnerIds } = await partnershipOf('gb-1');
    const partner = personOf(partnerIds[0]!);
    const area = await t.request('/participant');
    expect(area.status).toBe(200);
    expect(area.headers.get('cache-control')).toBe('private, no-store');
    const list = await area.text();
    expect(list).toContain('Your partnerships');
    expect(list).toContain(partner.name);
    expect(list).toContain(`/participant/partnerships/${id}`);

    const page = await (await t.request(`/participant/partnerships/${id}`)).text();
    expect(page).toContain(partner.name);
    expect(page).toContain(`mailto:${partner.email}`);
    expect(page).toContain('Their clock is');
    expect(page).toContain('Times you can both call');
    expect(page).toContain('Your time');
    expect(page).toContain('A good peer partnership');
    // Every placeholder filled in (a caption once showed "from {{from}} to {{to}}").
    expect(page).toContain(`Shared call times with ${partner.name.split(' ')[0]}`);
    expect(page).not.toMatch(/\{\{\w+\}\}/);
    // Nobody else of the round appears: not their names, not their addresses.
    for (const other of ROUND_PEOPLE.filter((p) => p.id !== 'gb-1' && p.id !== partner.id)) {
      expect(page).not.toContain(other.email);
      expect(page).not.toContain(`${other.name}<`);
    }

    const application = await t.request(`/participant/partnerships/${id}/application`);
    expect(application.status).toBe(200);
    const mine = await application.text();
    expect(mine).toContain('Your application to 2026 March round');
    expect(mine).toContain('gb-1@example.org');
    expect(mine).not.toContain(partner.email);
  });

  test('another participant’s partnership and application are 404, as is anything unknown', async () => {
    await publish();
    const theirs = await partnershipOf('gb-1');
    const mine = await partnershipOf('br-1');
    expect(mine.id).not.toBe(theirs.id);
    await signInAs(t, 'br-1@example.org');
    expect((await t.request(`/participant/partnerships/${mine.id}`)).status).toBe(200);
    for (const path of [
      `/participant/partnerships/${theirs.id}`,
      `/participant/partnerships/${theirs.id}/application`,
      '/participant/partnerships/no-such-partnership',
      `/participant/partnerships/${encodeURIComponent(`${theirs.id}' OR '1'='1`)}`,
    ]) {
      const response = await t.request(path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body).not.toContain('gb-1@example.org');
      for (const id of theirs.partnerIds) expect(body).not.toContain(personOf(id).email);
    }
    const list = await (await t.request('/participant')).text();
    expect(list).not.toContain('Person gb-1');
    // Coordinator pages stay closed to participants.
    expect((await t.request('/coordinator/rounds/round-a/partnerships')).status).toBe(403);
    expect((await t.request('/coordinator/rounds/round-a/applications')).status).toBe(403);
  });

  test('once someone has left, neither side is shown the other’s address any more', async () => {
    await publish();
    const { id, partnerIds } = await partnershipOf('gb-1');
    const partner = personOf(partnerIds[0]!);
    await t.ctx.services.matching.markInactive({
      viewer: program,
      roundId: 'round-a',
      applicationId: 'gb-1',
    });
    await signInAs(t, 'gb-1@example.org');
    const left = await (await t.request(`/participant/partnerships/${id}`)).text();
    expect(left).toContain('You left this partnership.');
    expect(left).toContain(partner.name);
    expect(left).not.toContain(partner.email);
    signOut(t);
    await signInAs(t, partner.email);
    const alone = await (await t.request(`/participant/partnerships/${id}`)).text();
    expect(alone).toContain('This partnership has ended.');
    expect(alone).not.toContain('gb-1@example.org');
  });

  test('signed out, the area asks to sign in; before publishing nobody of the pool can sign in', async () => {
    const anonymous = await t.request('/participant');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fparticipant');
    // Before publishing the pool are applicants, not people: no link is sent to them.
    await t.ctx.services.matching.run({ viewer: program, roundId: 'round-a' });
    expect((await t.postForm('/sign-in', { email: 'gb-1@example.org' })).status).toBe(200);
    const links = await t.database.db
      .selectFrom('mail_messages')
      .select('id')
      .where('kind', '=', 'sign-in-link')
      .execute();
    expect(links).toEqual([]);
    // A coordinator with no partnership of their own sees an empty area, nobody's details.
    await t.ctx.services.people.createCoordinator({
      email: 'lead2@example.org',
      countryCodes: [],
      actorPersonId: null,
    });
    signOut(t);
    await signInAs(t, 'lead2@example.org');
    const empty = await (await t.request('/participant')).text();
    expect(empty).toContain('You are not in a partnership yet');
    for (const p of ROUND_PEOPLE) expect(empty).not.toContain(p.email);
  });
});
