import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  CHECK_IN_PEOPLE,
  mailCountsOf,
  participantViewer,
  ROUND_ENDS_AT,
  seedCheckInRound,
  seedEndOfRoundSurvey,
  seedNextRound,
} from '../../../tests/support/check-in-fixtures';
import { createTestClock, type TestClock, testServiceDeps } from '../../../tests/support/mail';
import { PROGRAM_COORDINATOR } from '../../../tests/support/partnership-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createServices, type Services } from '..';

/**
 * The end of a round on a real database (SQLite and PostgreSQL): at its end date the round
 * finishes, its partnerships end, everyone still in one gets one closing email (with their
 * end-of-round survey link and the next round), and the round is history nobody can change.
 */
let database: TestDatabase;
let clock: TestClock;
let services: Services;

beforeEach(async () => {
  database = await createTestDatabase();
  clock = createTestClock('2027-06-30T00:00:00.000Z');
  services = createServices(testServiceDeps(database, { now: clock.now }));
  await seedCheckInRound(database.db, { participantsWhoSignIn: ['ke-1'] });
});
afterEach(async () => {
  await database.dispose();
});

const partnerships = () =>
  database.db
    .selectFrom('partnerships')
    .select(['id', 'status', 'ended_at', 'end_reason'])
    .orderBy('id')
    .execute();
const auditCount = async (action: string) =>
  (await database.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;
const finish = async () => {
  clock.set(ROUND_ENDS_AT.toISOString());
  const moved = await services.rounds.applyDueTransitions();
  const sent = [];
  for (const { roundId } of await services.rounds.listDueClosings()) {
    sent.push(await services.rounds.sendClosingEmails(roundId, { batchSize: 3 }));
  }
  return { moved, sent };
};

describe('at the end of a round', () => {
  test('nothing happens before its last day ends in the program’s zone', async () => {
    clock.set(new Date(ROUND_ENDS_AT.getTime() - 1).toISOString());
    expect(await services.rounds.listDueTransitions()).toEqual([]);
    expect(await services.rounds.listDueClosings()).toEqual([]);
    expect((await partnerships()).every((p) => p.status === 'active')).toBe(true);
  });

  test('partnerships end, everyone still in one gets one closing email with the survey and the next round', async () => {
    // gb-1 was marked inactive during the round: their partner ke-2 was left alone, so neither is
    // in a partnership at the end.
    clock.set('2027-05-01T00:00:00.000Z');
    await services.matching.markInactive({
      viewer: PROGRAM_COORDINATOR,
      roundId: 'round-s',
      applicationId: 'gb-1',
    });
    await seedEndOfRoundSurvey(database.db, {
      sendAt: new Date('2027-06-25T00:00:00Z'),
      remindAt: new Date('2027-07-05T00:00:00Z'),
      closesAt: new Date('2027-07-20T00:00:00Z'),
    });
    await seedNextRound(database.db);

    const { moved, sent } = await finish();
    expect(moved).toEqual([{ roundId: 'round-s', from: 'under-way', to: 'finished' }]);
    expect(sent).toEqual([6]);
    expect(await partnerships()).toEqual([
      { id: 'round-s-p0', status: 'ended', ended_at: ROUND_ENDS_AT.toISOString(), end_reason: 'round-ended' },
      { id: 'round-s-p1', status: 'ended', ended_at: '2027-05-01T00:00:00.000Z', end_reason: 'member-left' },
      { id: 'round-s-p2', status: 'ended', ended_at: ROUND_ENDS_AT.toISOString(), end_reason: 'round-ended' },
      { id: 'round-s-p3', status: 'ended', ended_at: ROUND_ENDS_AT.toISOString(), end_reason: 'round-ended' },
    ]);
    const members = await database.db
      .selectFrom('partnership_members')
      .select(['application_id', 'left_at', 'left_reason'])
      .where('partnership_id', '!=', 'round-s-p1')
      .execute();
    expect(
      members.every(
        (m) => m.left_reason === 'partnership-ended' && m.left_at === ROUND_ENDS_AT.toISOString(),
      ),
    ).toBe(true);

    const stillIn = CHECK_IN_PEOPLE.map((p) => p.id).filter((id) => id !== 'gb-1' && id !== 'ke-2');
    const counts = await mailCountsOf(database.db, 'round-closing');
    expect(counts).toEqual(Object.fromEntries(stillIn.map((id) => [`${id}@example.org`, 1])));
    const [email] = await database.db
      .selectFrom('mail_messages')
      .select(['subject', 'text_body'])
      .where('kind', '=', 'round-closing')
      .where('to_address', '=', 'ke-1@example.org')
      .execute();
    expect(email!.subject).toBe('2027 March round has ended: thank you');
    expect(email!.text_body).toContain('Applications for 2027 September round are open until');
    expect(email!.text_body).toContain('http://localhost:3000/rounds/round-next');
    const surveyToken = /\/survey\/([A-Za-z0-9_.-]+)/.exec(email!.text_body)?.[1];
    expect(await services.surveys.openLink(surveyToken!)).toMatchObject({ state: 'open' });
    expect(await auditCount('round.partnerships-ended')).toBe(1);

    // Running everything again changes nothing and writes to nobody.
    expect(await finish()).toEqual({ moved: [], sent: [] });
    expect(await mailCountsOf(database.db, 'round-closing')).toEqual(counts);
  });

  test('two finishes at once (two servers) end the partnerships and write the emails once', async () => {
    clock.set(ROUND_ENDS_AT.toISOString());
    await Promise.all([services.rounds.applyDueTransitions(), services.rounds.applyDueTransitions()]);
    await Promise.all([
      services.rounds.sendClosingEmails('round-s'),
      services.rounds.sendClosingEmails('round-s'),
    ]);
    expect(await auditCount('round.partnerships-ended')).toBe(1);
    const counts = await mailCountsOf(database.db, 'round-closing');
    expect(Object.keys(counts)).toHaveLength(CHECK_IN_PEOPLE.length);
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
  });

  test('without an end-of-round survey or a next round, the email says a next round will be announced', async () => {
    await finish();
    const [email] = await database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', 'round-closing')
      .where('to_address', '=', 'pt-1@example.org')
      .execute();
    expect(email!.text_body).toContain('The next round will be announced');
    expect(email!.text_body).not.toContain('/survey/');
  });
});

describe('a finished round is read-only history', () => {
  test('its partnerships, check-ins, matching and settings refuse every change', async () => {
    await finish();
    const roundId = 'round-s';
    const viewer = PROGRAM_COORDINATOR;
    await expect(
      services.matching.markInactive({ viewer, roundId, applicationId: 'ke-1' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(services.matching.repair({ viewer, roundId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(services.matching.run({ viewer, roundId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(services.rounds.update({ viewer, roundId, form: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // ke-1 is in no partnership any more: nothing to answer, and an answer is refused.
    expect((await services.checkIns.mine(participantViewer('ke-1'))).current).toEqual([]);
    await expect(
      services.checkIns.answerMine({
        viewer: participantViewer('ke-1'),
        partnershipId: 'round-s-p0',
        answer: 'in-touch',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const page = await services.checkIns.round({ viewer, roundId });
    expect(page).toMatchObject({ interventions: [], canDismiss: false, canMarkInactive: false });
    await expect(
      services.checkIns.dismiss({ viewer, roundId, partnershipId: 'round-s-p0', episode: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(services.rounds.changeStatus({ viewer, roundId, to: 'under-way' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
