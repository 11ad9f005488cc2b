import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BRAZIL_COORDINATOR,
  CHECK_IN_PEOPLE,
  checkInTokensSentTo,
  FORTNIGHT_2_LINKS_EXPIRE_AT,
  FORTNIGHT_2_PROMPT_AT,
  mailCountsOf,
  PARTNERSHIP_OF,
  participantViewer,
  QUIET_FROM,
  seedCheckInRound,
} from '../../../tests/support/check-in-fixtures';
import { createTestClock, type TestClock, testServiceDeps } from '../../../tests/support/mail';
import { KENYA_COORDINATOR, PROGRAM_COORDINATOR } from '../../../tests/support/partnership-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { formatCheckInToken } from '../../core/checkins/check-in-link';
import { createServices, type ServiceDeps, type Services } from '..';

/**
 * Check-ins on a real database (SQLite and PostgreSQL): the check-in email once per person and
 * fortnight, answering from its link once, twice and with another answer, expired and forged
 * links, the participants' area, the intervention list and its scope, the one reminder, dismissal.
 */
let database: TestDatabase;
let clock: TestClock;
let deps: ServiceDeps;
let services: Services;

beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock(FORTNIGHT_2_PROMPT_AT.toISOString());
  deps = testServiceDeps(database, { now: clock.now });
  services = createServices(deps);
  await seedCheckInRound(database.db, { participantsWhoSignIn: ['ke-1', 'gb-1'] });
});
afterEach(async () => {
  await database.dispose();
});

const checkInRows = () =>
  database.db.selectFrom('check_ins').selectAll().orderBy('application_id').orderBy('fortnight').execute();
const tokenOf = async (id: string) => (await checkInTokensSentTo(database.db, `${id}@example.org`))[0]!;
const sendFortnight2 = async () => {
  const due = await services.checkIns.listDuePrompts();
  expect(due).toEqual([{ roundId: 'round-s', fortnight: 2 }]);
  return services.checkIns.sendPrompts(due[0]!);
};

describe('the check-in email of a fortnight without a topic', () => {
  test('goes to everyone in a partnership once, in batches, and not in a fortnight with a topic', async () => {
    clock.set(new Date(FORTNIGHT_2_PROMPT_AT.getTime() - 1).toISOString());
    expect(await services.checkIns.listDuePrompts()).toEqual([]);
    clock.set(FORTNIGHT_2_PROMPT_AT.toISOString());
    const due = await services.checkIns.listDuePrompts();
    expect(await services.checkIns.sendPrompts(due[0]!, { batchSize: 3 })).toBe(CHECK_IN_PEOPLE.length);
    expect(await services.checkIns.sendPrompts(due[0]!)).toBe(0);
    expect(await services.checkIns.listDuePrompts()).toEqual([]);
    const counts = await mailCountsOf(database.db, 'check-in-prompt');
    expect(Object.keys(counts).sort()).toEqual(CHECK_IN_PEOPLE.map((p) => `${p.id}@example.org`).sort());
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    // Only the links' hashes are stored, one per person.
    const links = await database.db.selectFrom('check_in_links').selectAll().execute();
    expect(links).toHaveLength(CHECK_IN_PEOPLE.length);
    const token = await tokenOf('ke-1');
    expect(links.some((link) => link.token_hash === token)).toBe(false);
    expect(links.every((link) => link.expires_at === FORTNIGHT_2_LINKS_EXPIRE_AT.toISOString())).toBe(true);

    // Fortnight 3 has a topic (its email carries the links): nothing is due then.
    await database.db
      .insertInto('topics')
      .values({
        id: 'topic-3',
        round_id: 'round-s',
        title: 'Library spaces',
        body: 'Tell each other about a library space you love.',
        publish_on: '2027-03-29',
        publish_time: '09:00',
        due_at: '2027-03-28T22:00:00.000Z',
        status: 'scheduled',
        published_at: null,
        created_at: '2027-02-01T00:00:00.000Z',
        updated_at: '2027-02-01T00:00:00.000Z',
      })
      .execute();
    clock.set('2027-03-29T01:00:00.000Z');
    expect(await services.checkIns.listDuePrompts()).toEqual([]);
  });

  test('is not sent to someone who already answered this fortnight in their area', async () => {
    await services.checkIns.answerMine({
      viewer: participantViewer('ke-1'),
      partnershipId: PARTNERSHIP_OF['ke-1']!,
      answer: 'in-touch',
    });
    expect(await sendFortnight2()).toBe(CHECK_IN_PEOPLE.length - 1);
    expect(await mailCountsOf(database.db, 'check-in-prompt')).not.toHaveProperty(['ke-1@example.org']);
  });
});

describe('answering from the link', () => {
  test('opening it records nothing; the button records once, again changes nothing, another answer replaces it', async () => {
    await sendFortnight2();
    const token = await tokenOf('ke-1');
    expect(await services.checkIns.openLink(token)).toEqual({
      state: 'open',
      roundName: '2027 March round',
      fortnight: 2,
      partnerNames: ['Person ng-1'],
      current: undefined,
      expiresAt: FORTNIGHT_2_LINKS_EXPIRE_AT,
    });
    expect(await checkInRows()).toEqual([]);

    expect(await services.checkIns.confirm({ token, answer: 'in-touch' })).toMatchObject({
      state: 'recorded',
      answer: 'in-touch',
      fortnight: 2,
    });
    expect(await services.checkIns.confirm({ token, answer: 'in-touch' })).toMatchObject({
      state: 'unchanged',
    });
    clock.advance(3_600_000);
    expect(await services.checkIns.confirm({ token, answer: 'not-yet' })).toMatchObject({ state: 'changed' });
    expect(await services.checkIns.confirm({ token, answer: 'maybe' })).toMatchObject({ state: 'no-answer' });
    const rows = await checkInRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      application_id: 'ke-1',
      fortnight: 2,
      round_id: 'round-s',
      partnership_id: 'round-s-p0',
      answer: 'not-yet',
      source: 'link',
      answered_at: new Date(FORTNIGHT_2_PROMPT_AT.getTime() + 3_600_000).toISOString(),
    });
    expect(await services.checkIns.openLink(token)).toMatchObject({ state: 'open', current: 'not-yet' });
  });

  test('a forged, mangled or unknown link is invalid, an expired one expired, and neither records anything', async () => {
    await sendFortnight2();
    const token = await tokenOf('ke-1');
    const sign = (payload: string) => deps.hashKey(payload);
    const unknown = formatCheckInToken('B'.repeat(43), FORTNIGHT_2_LINKS_EXPIRE_AT, sign).token;
    const forged = `${token.split('.').slice(0, 2).join('.')}.${'x'.repeat(43)}`;
    for (const bad of [unknown, forged, `${token}x`, 'not-a-token', '']) {
      expect(await services.checkIns.openLink(bad)).toEqual({ state: 'invalid' });
      expect(await services.checkIns.confirm({ token: bad, answer: 'in-touch' })).toEqual({
        state: 'invalid',
      });
    }
    clock.set(FORTNIGHT_2_LINKS_EXPIRE_AT.toISOString());
    expect(await services.checkIns.openLink(token)).toEqual({ state: 'expired' });
    expect(await services.checkIns.confirm({ token, answer: 'in-touch' })).toEqual({ state: 'expired' });
    expect(await checkInRows()).toEqual([]);
  });

  test('someone no longer in a partnership is told so, and nothing is recorded', async () => {
    await sendFortnight2();
    await services.matching.markInactive({
      viewer: PROGRAM_COORDINATOR,
      roundId: 'round-s',
      applicationId: 'ng-1',
    });
    const token = await tokenOf('ng-1');
    expect(await services.checkIns.openLink(token)).toEqual({
      state: 'closed',
      roundName: '2027 March round',
      reason: 'left',
    });
    expect(await services.checkIns.confirm({ token, answer: 'in-touch' })).toMatchObject({ reason: 'left' });
    expect(await checkInRows()).toEqual([]);
  });
});

describe('the participants’ area', () => {
  test('shows this fortnight’s question and every answer, and records an answer once', async () => {
    const viewer = participantViewer('ke-1');
    const before = await services.checkIns.mine(viewer);
    expect(before.current).toMatchObject([
      { partnershipId: 'round-s-p0', fortnight: 2, partnerNames: ['Person ng-1'], answer: undefined },
    ]);
    expect(before.history).toEqual([]);
    const input = { viewer, partnershipId: 'round-s-p0', answer: 'in-touch' };
    expect(await services.checkIns.answerMine(input)).toMatchObject({ outcome: 'recorded' });
    expect(await services.checkIns.answerMine(input)).toMatchObject({ outcome: 'unchanged' });
    const after = await services.checkIns.mine(viewer);
    expect(after.current[0]).toMatchObject({ answer: 'in-touch' });
    expect(after.history).toMatchObject([
      { roundName: '2027 March round', fortnight: 2, answer: 'in-touch' },
    ]);
    expect((await checkInRows())[0]).toMatchObject({ source: 'area' });
  });

  test('refuses a partnership that is not theirs, a bad answer, and signed-out people', async () => {
    const viewer = participantViewer('ke-1');
    await expect(
      services.checkIns.answerMine({ viewer, partnershipId: 'round-s-p1', answer: 'in-touch' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      services.checkIns.answerMine({ viewer, partnershipId: 'round-s-p0', answer: 'often' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: [{ field: 'answer', code: 'checkIn.answer' }] });
    await expect(services.checkIns.mine(null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await checkInRows()).toEqual([]);
  });
});

describe('silent partners', () => {
  /** ke-2 says gb-1 is not responding; ke-1 answered; the two other pairs say nothing. */
  const setUp = async () => {
    await sendFortnight2();
    await services.checkIns.confirm({ token: await tokenOf('ke-2'), answer: 'not-responding' });
    await services.checkIns.confirm({ token: await tokenOf('ke-1'), answer: 'in-touch' });
  };
  const listed = async (viewer = PROGRAM_COORDINATOR) =>
    (await services.checkIns.round({ viewer, roundId: 'round-s' })).interventions.map((i) => [
      i.partnershipId,
      i.reason,
      i.members.filter((m) => m.isSilent).map((m) => m.applicationId),
    ]);

  test('a “not responding” answer lists the partnership at once; quiet ones after four weeks; each coordinator sees their countries', async () => {
    await setUp();
    expect(await listed()).toEqual([['round-s-p1', 'reported-not-responding', ['gb-1']]]);
    clock.set(QUIET_FROM.toISOString());
    expect(await listed()).toEqual([
      ['round-s-p1', 'reported-not-responding', ['gb-1']],
      ['round-s-p2', 'no-check-in', ['gb-2', 'ng-2']],
      ['round-s-p3', 'no-check-in', ['br-1', 'pt-1']],
    ]);
    expect((await listed(KENYA_COORDINATOR)).map(([id]) => id)).toEqual(['round-s-p1']);
    expect((await listed(BRAZIL_COORDINATOR)).map(([id]) => id)).toEqual(['round-s-p3']);
    const view = await services.checkIns.round({ viewer: BRAZIL_COORDINATOR, roundId: 'round-s' });
    expect(view.canMarkInactive).toBe(false);
    // Counts are of the viewer's countries: Brazil's coordinator sees nobody's answer.
    expect(view.engagement[1]!.counts).toEqual({ 'in-touch': 0, 'not-yet': 0, 'not-responding': 0 });
    const all = await services.checkIns.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    expect(all.engagement[1]!.counts).toEqual({ 'in-touch': 1, 'not-yet': 0, 'not-responding': 1 });
    expect(all.recent.map((r) => r.name)).toEqual(['Person ke-1', 'Person ke-2']);
  });

  test('the silent partner gets one friendly reminder per episode, however often the check runs', async () => {
    await setUp();
    expect(await services.checkIns.listDueSilentChecks()).toEqual([{ roundId: 'round-s' }]);
    expect(await services.checkIns.remindSilentPartners('round-s')).toBe(1);
    expect(await services.checkIns.remindSilentPartners('round-s')).toBe(0);
    expect(await services.checkIns.listDueSilentChecks()).toEqual([]);
    expect(await mailCountsOf(database.db, 'silent-partner-reminder')).toEqual({ 'gb-1@example.org': 1 });
    // ke-2 says it again the next fortnight: the same episode, no second reminder.
    clock.set('2027-03-29T01:00:00.000Z');
    const next = await services.checkIns.listDuePrompts();
    await services.checkIns.sendPrompts(next[0]!);
    const [, fortnight3] = await checkInTokensSentTo(database.db, 'ke-2@example.org');
    await services.checkIns.confirm({ token: fortnight3!, answer: 'not-responding' });
    expect(await services.checkIns.remindSilentPartners('round-s')).toBe(2); // the two quiet pairs
    expect(await services.checkIns.remindSilentPartners('round-s')).toBe(0);
    expect(await mailCountsOf(database.db, 'silent-partner-reminder')).toEqual({
      'gb-1@example.org': 1,
      'ng-2@example.org': 1,
      'gb-2@example.org': 1,
      'br-1@example.org': 1,
      'pt-1@example.org': 1,
    });
    // The reminder carries the one-click answers too (beside fortnight 2's and 3's check-in emails).
    expect(await checkInTokensSentTo(database.db, 'gb-1@example.org')).toHaveLength(3);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['subject_id'])
      .where('action', '=', 'partnership.silent-reminder-sent')
      .orderBy('subject_id')
      .execute();
    expect(audit.map((a) => a.subject_id)).toEqual(['round-s-p1', 'round-s-p2', 'round-s-p3']);
    const shown = await services.checkIns.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    expect(shown.interventions.every((i) => i.remindedAt !== null)).toBe(true);
  });

  test('a coordinator dismisses a partnership for its episode (audited); a coordinator of other countries cannot', async () => {
    await setUp();
    const { interventions } = await services.checkIns.round({
      viewer: PROGRAM_COORDINATOR,
      roundId: 'round-s',
    });
    const episode = interventions[0]!.episode;
    await expect(
      services.checkIns.dismiss({
        viewer: BRAZIL_COORDINATOR,
        roundId: 'round-s',
        partnershipId: 'round-s-p1',
        episode,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const input = { viewer: KENYA_COORDINATOR, roundId: 'round-s', partnershipId: 'round-s-p1', episode };
    expect(await services.checkIns.dismiss(input)).toEqual({ dismissed: true });
    expect(await services.checkIns.dismiss(input)).toEqual({ dismissed: false });
    const after = await services.checkIns.round({ viewer: PROGRAM_COORDINATOR, roundId: 'round-s' });
    expect(after.interventions).toEqual([]);
    expect(after.dismissed).toBe(1);
    // Dismissed before the reminder went: no reminder for this episode.
    expect(await services.checkIns.remindSilentPartners('round-s')).toBe(0);
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'partnership.intervention-dismissed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_person_id: 'p-ke', subject_id: 'round-s-p1' });
  });

  test('marking the silent partner inactive from the list starts the repair and takes the partnership off it', async () => {
    await setUp();
    const { left } = await services.matching.markInactive({
      viewer: PROGRAM_COORDINATOR,
      roundId: 'round-s',
      applicationId: 'gb-1',
    });
    expect(left).toMatchObject({ partnershipId: 'round-s-p1', ended: true });
    expect(await listed()).toEqual([]);
    expect(await mailCountsOf(database.db, 'partnership-partner-left')).toEqual({ 'ke-2@example.org': 1 });
  });
});
