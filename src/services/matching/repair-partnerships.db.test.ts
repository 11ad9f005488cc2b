import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import {
  KENYA_COORDINATOR,
  PROGRAM_COORDINATOR,
  seedMatchableRound,
  seedParticipant,
} from '../../../tests/support/partnership-fixtures';
import { seedApplication, seedRound } from '../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { hashToken } from '../../core/applications/application-token';
import { createServices, type Services } from '..';

/** Repair during a round, on both databases: withdrawals, inactive members, latecomers, idempotence. */
let database: TestDatabase;
let services: Services;
const program = PROGRAM_COORDINATOR;
const now = new Date('2026-03-20T09:00:00Z');
const TOKEN = 'a'.repeat(43);

beforeEach(async () => {
  database = await createTestDatabase();
  services = createServices(testServiceDeps(database, { now: () => now }));
  await seedMatchableRound(database.db);
  await services.matching.run({ viewer: program, roundId: 'round-a' });
  await services.matching.publish({ viewer: program, roundId: 'round-a' });
});
afterEach(async () => {
  await database.dispose();
});

/** Running partnerships as sorted member lists, e.g. "gb-1+ng-1". */
const running = async () => {
  const rows = await database.db
    .selectFrom('partnership_members')
    .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
    .select(['partnerships.id', 'partnership_members.application_id'])
    .where('partnerships.status', '=', 'active')
    .where('partnership_members.left_at', 'is', null)
    .execute();
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.id, [...(groups.get(row.id) ?? []), row.application_id].sort());
  return new Map([...groups].map(([id, members]) => [members.join('+'), id]));
};

const mailTo = (address: string, kind: string) =>
  database.db
    .selectFrom('mail_messages')
    .select(['subject', 'text_body'])
    .where('to_address', '=', address)
    .where('kind', '=', kind)
    .execute();

const partnerOf = async (id: string) =>
  [...(await running()).keys()]
    .find((key) => key.split('+').includes(id))!
    .split('+')
    .find((other) => other !== id)!;

describe('repairing partnerships during a round', () => {
  test('a withdrawal tells the partner; an admitted latecomer is matched with them, everyone else stays', async () => {
    const before = await running();
    const partner = await partnerOf('gb-1');
    await database.db
      .updateTable('applications')
      .set({ edit_token_hash: hashToken(TOKEN) })
      .where('id', '=', 'gb-1')
      .execute();

    await services.applications.withdraw({ token: TOKEN, locale: 'en' });
    const told = await mailTo(`${partner}@example.org`, 'partnership-partner-left');
    expect(told).toHaveLength(1);
    expect(told[0]?.text_body).toContain('We will find you a new partner');
    // Nobody else was waiting, so the one left alone waits for a latecomer.
    expect(await running()).toEqual(new Map([...before].filter(([key]) => !key.includes('gb-1'))));

    await seedApplication(database.db, {
      roundId: 'round-a',
      id: 'za-1',
      name: 'Person za-1',
      email: 'za-1@example.org',
      country: 'ZA',
      answers: { languages: [{ code: 'en', level: 'fluent' }] },
    });
    await services.review.decide({
      viewer: program,
      roundId: 'round-a',
      applicationId: 'za-1',
      action: 'accept',
    });
    const repaired = await services.matching.repair({ viewer: program, roundId: 'round-a' });
    expect(repaired).toMatchObject({
      created: [[partner, 'za-1'].sort()],
      orphans: [partner],
      newcomers: ['za-1'],
    });

    const after = await running();
    for (const [key, id] of before) if (!key.includes('gb-1')) expect(after.get(key)).toBe(id);
    expect(after.has([partner, 'za-1'].sort().join('+'))).toBe(true);
    const [orphanIntro] = await mailTo(`${partner}@example.org`, 'partnership-introduction').then((rows) =>
      rows.filter((row) => row.subject.includes('new')),
    );
    expect(orphanIntro?.text_body).toContain('Person za-1');
    expect(orphanIntro?.text_body).toContain('South Africa');
    const [latecomerIntro] = await mailTo('za-1@example.org', 'partnership-introduction');
    expect(latecomerIntro?.subject).toBe('Meet your peer partner in 2026 March round');
    expect(latecomerIntro?.text_body).toContain(`Person ${partner}`);
    expect(await services.people.findViewerByEmail('za-1@example.org')).toBeDefined();

    // Again: nothing left to do, nothing sent, audited once.
    const mails = await database.db.selectFrom('mail_messages').select('id').execute();
    expect(await services.matching.repair({ viewer: program, roundId: 'round-a' })).toMatchObject({
      created: [],
    });
    expect(await database.db.selectFrom('mail_messages').select('id').execute()).toHaveLength(mails.length);
    const audit = await database.db.selectFrom('audit_log').select('action').execute();
    expect(audit.filter((a) => a.action === 'partnership.repaired')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'partnership.member-left')).toHaveLength(1);
  });

  test('two people marked inactive leave two people alone, who are matched with each other at once', async () => {
    const before = await running();
    const firstPartner = await partnerOf('ke-1');
    const secondPartner = await partnerOf('ke-2');
    const first = await services.matching.markInactive({
      viewer: program,
      roundId: 'round-a',
      applicationId: 'ke-1',
    });
    expect(first.left.ended).toBe(true);
    expect(first.repair?.created).toEqual([]);
    const second = await services.matching.markInactive({
      viewer: program,
      roundId: 'round-a',
      applicationId: 'ke-2',
    });
    expect(second.repair?.created).toEqual([[firstPartner, secondPartner].sort()]);
    const after = await running();
    expect(after.has([firstPartner, secondPartner].sort().join('+'))).toBe(true);
    for (const [key, id] of before) if (!key.includes('ke-')) expect(after.get(key)).toBe(id);
    // Inactive people are never placed again, and cannot be marked twice.
    expect([...after.keys()].join(' ')).not.toMatch(/ke-/);
    await expect(
      services.matching.markInactive({ viewer: program, roundId: 'round-a', applicationId: 'ke-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'partnership.memberNotFound' });
    for (const partner of [firstPartner, secondPartner]) {
      expect(await mailTo(`${partner}@example.org`, 'partnership-partner-left')).toHaveLength(1);
      const intros = await mailTo(`${partner}@example.org`, 'partnership-introduction');
      expect(intros.map((m) => m.subject)).toEqual([
        'Meet your peer partner in 2026 March round',
        'Meet your new peer partner in 2026 March round',
      ]);
    }
  });

  test('only program coordinators mark people inactive or repair, only in their round under way', async () => {
    await expect(
      services.matching.markInactive({
        viewer: KENYA_COORDINATOR,
        roundId: 'round-a',
        applicationId: 'ke-1',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      services.matching.repair({ viewer: KENYA_COORDINATOR, roundId: 'round-a' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      services.matching.markInactive({ viewer: program, roundId: 'round-a', applicationId: 'pending-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A round not under way has nothing to repair, and its members are not this round's.
    await seedRound(database.db, { id: 'round-b', name: 'Round B', status: 'closed' });
    await seedParticipant(database.db, 'round-b', {
      id: 'b-1',
      name: 'B One',
      email: 'b-1@example.org',
      country: 'KE',
      language: 'en',
      locale: 'en',
    });
    await expect(services.matching.repair({ viewer: program, roundId: 'round-b' })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'partnership.roundNotUnderWay',
    });
    await expect(
      services.matching.markInactive({ viewer: program, roundId: 'round-b', applicationId: 'ke-1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await running()).size).toBe(4);
  });
});
