import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { seedApplication, seedRound } from '../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import type { Viewer } from '../../core/people/viewer';
import { createServices, type Services } from '..';

/** Matching on a real database (SQLite and PostgreSQL): runs, locks, exclusions, the board's scope. */
let database: TestDatabase;
let services: Services;
let ids = 0;
const now = new Date('2026-02-25T09:00:00Z');

const program: Viewer = {
  personId: 'p-lead',
  email: 'lead@example.org',
  name: 'Lead',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};
const kenya: Viewer = {
  ...program,
  personId: 'p-ke',
  email: 'ke@example.org',
  isProgramCoordinator: false,
  coordinatedCountryCodes: ['KE'],
};

/** Twelve accepted people in five countries, two languages; one pending, who takes no part. */
const PEOPLE: [id: string, country: string, language: string][] = [
  ['ke-1', 'KE', 'en'],
  ['ke-2', 'KE', 'en'],
  ['ke-3', 'KE', 'en'],
  ['ng-1', 'NG', 'en'],
  ['ng-2', 'NG', 'en'],
  ['ng-3', 'NG', 'en'],
  ['gb-1', 'GB', 'en'],
  ['gb-2', 'GB', 'en'],
  ['br-1', 'BR', 'pt'],
  ['br-2', 'BR', 'pt'],
  ['pt-1', 'PT', 'pt'],
  ['pt-2', 'PT', 'pt'],
];

beforeEach(async () => {
  database = await createTestDatabase();
  const deps = testServiceDeps(database, { now: () => now, newId: () => `id-${++ids}` });
  services = createServices({ ...deps, applicantUow: deps.applicantUow });
  for (const person of [program, kenya]) {
    await database.db
      .insertInto('people')
      .values({
        id: person.personId,
        email: person.email,
        name: person.name,
        locale: 'en',
        time_zone: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
  }
  await seedRound(database.db, { status: 'closed' });
  for (const [id, country, language] of PEOPLE) {
    await seedApplication(database.db, {
      roundId: 'round-a',
      id,
      name: `Person ${id}`,
      country,
      status: 'accepted',
      answers: {
        languages: [{ code: language, level: 'native' }],
        availability: { emailOnly: true, windows: [] },
      },
    });
  }
  await seedApplication(database.db, {
    roundId: 'round-a',
    id: 'pending-1',
    name: 'Pending One',
    country: 'GB',
  });
});
afterEach(async () => {
  await database.dispose();
});

const countryOf = (id: string) => PEOPLE.find(([person]) => person === id)?.[1];
const languageOf = (id: string) => PEOPLE.find(([person]) => person === id)?.[2];

describe('running matching', () => {
  test('proposes partnerships that keep every rule, records the run and moves the round to matching', async () => {
    const run = await services.matching.run({ viewer: program, roundId: 'round-a' });
    expect(run.number).toBe(1);
    expect(run.status).toBe('proposed');
    expect((await services.rounds.find('round-a'))?.status).toBe('matching');
    const members = run.result.partnerships.flatMap((p) => p.applicationIds);
    // Everyone accepted is placed (trios where the numbers are odd), nobody twice, pending never.
    expect(new Set(members).size).toBe(members.length);
    expect([...members, ...run.result.unmatched.map((u) => u.applicationId)].sort()).toEqual(
      PEOPLE.map(([id]) => id).sort(),
    );
    expect(run.result.skipped.map((s) => s.applicationId)).toEqual(['pending-1']);
    for (const partnership of run.result.partnerships) {
      const countries = partnership.applicationIds.map(countryOf);
      expect(new Set(countries).size).toBe(countries.length);
      expect(new Set(partnership.applicationIds.map(languageOf)).size).toBe(1);
    }
    expect(run.result.certificate.pairStage.certified).toBe(true);
    const board = await services.matching.board({ viewer: program, roundId: 'round-a', runId: run.id });
    expect(board.run?.explanations.size).toBe(run.result.partnerships.length);
    const audit = await database.db.selectFrom('audit_log').select('action').execute();
    // Both in one transaction at one moment: no order between them.
    expect(audit.map((row) => row.action).sort()).toEqual(['match.run', 'round.transitioned']);
  });

  test('the same inputs give the same partnerships; a stored run reads back as it was', async () => {
    const first = await services.matching.run({ viewer: program, roundId: 'round-a' });
    const second = await services.matching.run({ viewer: program, roundId: 'round-a' });
    expect(second.number).toBe(2);
    expect(second.result.partnerships).toEqual(first.result.partnerships);
    const board = await services.matching.board({ viewer: program, roundId: 'round-a', runId: first.id });
    expect(board.run?.result.partnerships).toEqual(first.result.partnerships);
    expect(board.runs.map((run) => run.number)).toEqual([2, 1]);
  });

  test('locks are kept and exclusions respected by the next run; comparing shows who changed', async () => {
    const first = await services.matching.run({ viewer: program, roundId: 'round-a' });
    const [kept, broken] = first.result.partnerships;
    await services.matching.lock({
      viewer: program,
      roundId: 'round-a',
      applicationIds: kept!.applicationIds,
    });
    await services.matching.exclude({
      viewer: program,
      roundId: 'round-a',
      applicationIds: broken!.applicationIds,
    });
    const second = await services.matching.run({ viewer: program, roundId: 'round-a' });
    const groups = second.result.partnerships.map((p) => p.applicationIds.join('+'));
    expect(groups).toContain(kept!.applicationIds.join('+'));
    for (const partnership of second.result.partnerships) {
      const together = partnership.applicationIds.filter((id) => broken!.applicationIds.includes(id));
      expect(together.length).toBeLessThanOrEqual(1);
    }
    const comparison = await services.matching.compare({
      viewer: program,
      roundId: 'round-a',
      beforeRunId: first.id,
      afterRunId: second.id,
    });
    expect(comparison.changes.map((change) => change.applicationId)).toEqual(
      expect.arrayContaining(broken!.applicationIds),
    );
    expect(comparison.totalFitChange).toBe(second.result.totalFit - first.result.totalFit);
  });

  test('a partnership made by hand that breaks a rule is refused, naming the rule', async () => {
    const sameCountry = services.matching.lock({
      viewer: program,
      roundId: 'round-a',
      applicationIds: ['ke-1', 'ke-2'],
    });
    await expect(sameCountry).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [expect.objectContaining({ code: 'matchRule.same-country' })],
    });
    const noLanguage = await services.matching.checkPartnership({
      viewer: program,
      roundId: 'round-a',
      applicationIds: ['ke-1', 'br-1'],
    });
    expect(noLanguage.map((breach) => breach.code)).toEqual(['no-shared-working-language']);
    expect(await database.db.selectFrom('match_locks').selectAll().execute()).toEqual([]);
    // A pair that keeps every rule is kept.
    await expect(
      services.matching.lock({ viewer: program, roundId: 'round-a', applicationIds: ['ke-1', 'gb-1'] }),
    ).resolves.toEqual({ locked: true });
    // Someone already kept with another person cannot be locked a second time (a run would drop it).
    await expect(
      services.matching.lock({ viewer: program, roundId: 'round-a', applicationIds: ['ng-1', 'gb-1'] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'applicationIds', code: 'match.alreadyLocked', params: { applications: 'gb-1' } }],
    });
    await expect(
      services.matching.lock({ viewer: program, roundId: 'round-a', applicationIds: ['gb-1', 'ke-1'] }),
    ).resolves.toEqual({ locked: false });
  });

  test('only program coordinators run and edit; a country coordinator sees only their countries', async () => {
    await expect(services.matching.run({ viewer: kenya, roundId: 'round-a' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await services.matching.run({ viewer: program, roundId: 'round-a' });
    const board = await services.matching.board({ viewer: kenya, roundId: 'round-a' });
    expect(board.canEdit).toBe(false);
    expect(board.run?.result.partnerships.length).toBeGreaterThan(0);
    for (const partnership of board.run?.result.partnerships ?? []) {
      expect(partnership.applicationIds.some((id) => countryOf(id) === 'KE')).toBe(true);
    }
    expect(board.run?.result.byCountry.map((row) => row.country)).toEqual(['KE']);
    await expect(
      services.matching.comment({
        viewer: kenya,
        roundId: 'round-a',
        applicationIds: ['ng-1', 'gb-1'],
        body: 'x',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a round still open for applications cannot be matched', async () => {
    await seedRound(database.db, { id: 'round-b', status: 'open' });
    await expect(services.matching.run({ viewer: program, roundId: 'round-b' })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'match.roundNotMatchable',
    });
  });
});
