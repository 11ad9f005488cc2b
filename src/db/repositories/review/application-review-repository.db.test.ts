import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeAnswers, seedManyApplications, seedRound } from '../../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import {
  APPLICATION_SORTS,
  type ApplicationCursor,
  type ApplicationFilters,
  type ApplicationReviewRepository,
  type CountryScope,
  type ReviewedApplication,
} from '../../../services/ports/review';
import { createApplicationsRepository } from '../applications/applications-repository';
import { createApplicationReviewRepository } from './application-review-repository';

/**
 * The review repository's round-wide reads on a fresh database (SQLite and PostgreSQL): keyset
 * pages against the numbered pages, likely duplicates on both sides of a pair, the counts from the
 * sector column, and the batch writes of settling the quota and carrying the waitlist over.
 */
let database: TestDatabase;
let review: ApplicationReviewRepository;

beforeEach(async () => {
  database = await createTestDatabase();
  review = createApplicationReviewRepository(database.db);
});
afterEach(async () => {
  await database.dispose();
});

const ALL: CountryScope = { kind: 'all' };
const COUNTRIES = ['KE', 'NG', 'BR', 'GH'];
const NAMES = ['Ana Silva', 'ana silva', 'Émile Zola', 'Bob Marley', 'zoë Adé', 'ANA SILVA', 'Chidi Okafor'];
const SECTORS = ['academic', 'public', 'school'] as const;

/** Every page of listApplicationsAfter, `limit` at a time. */
const readAllAfter = async (
  query: {
    roundId: string;
    scope: CountryScope;
    filters: ApplicationFilters;
    sort: (typeof APPLICATION_SORTS)[number];
  },
  limit: number,
) => {
  const items: ReviewedApplication[] = [];
  let after: ApplicationCursor | undefined;
  let pages = 0;
  for (;;) {
    const page = await review.listApplicationsAfter({ ...query, after, limit });
    pages++;
    items.push(...page.items);
    if (page.next === undefined) return { items, pages };
    after = page.next;
  }
};

/**
 * 137 applications whose leading sort keys tie often (the same name in three cases, four
 * countries) and whose submission times tie in threes, so the id decides: the keyset must
 * follow the exact order of the numbered pages through every tie.
 */
const seedTies = async () => {
  await seedRound(database.db, { id: 'round-a' });
  await seedRound(database.db, { id: 'round-b', name: 'Other round' });
  const ids = await seedManyApplications(database.db, {
    roundId: 'round-a',
    count: 137,
    idPrefix: 'a-',
    name: (i) => NAMES[i % NAMES.length]!,
    country: (i) => COUNTRIES[i % COUNTRIES.length]!,
    status: (i) => (i % 5 === 0 ? 'accepted' : 'pending'),
    answers: (i) => ({ sector: SECTORS[i % SECTORS.length]! }),
  });
  await seedManyApplications(database.db, { roundId: 'round-b', count: 5, idPrefix: 'b-' });
  // Submission times in threes: ties broken by id.
  for (const [i, id] of ids.entries()) {
    const minute = String(Math.floor(i / 3) % 60).padStart(2, '0');
    const hour = String(10 + Math.floor(i / 180)).padStart(2, '0');
    await database.db
      .updateTable('applications')
      .set({ submitted_at: `2026-01-21T${hour}:${minute}:00.000Z` })
      .where('id', '=', id)
      .execute();
  }
  // Two likely-duplicate pairs in round-a, one in round-b.
  await review.setDuplicateFlag('a-00010', 'a-00003', 'similar-name');
  await review.setDuplicateFlag('a-00100', 'a-00050', 'same-name');
  await review.setDuplicateFlag('b-00004', 'b-00001', 'same-name');
  return ids;
};

describe('keyset pages (the export)', () => {
  test('give every matching application once, in the order of the numbered pages, for every order, filter and scope', async () => {
    await seedTies();
    const cases: { scope: CountryScope; filters: ApplicationFilters }[] = [
      { scope: ALL, filters: {} },
      { scope: ALL, filters: { status: 'accepted' } },
      { scope: ALL, filters: { sector: 'public' } },
      { scope: ALL, filters: { search: 'SILVA' } },
      { scope: ALL, filters: { isLikelyDuplicate: true } },
      { scope: ALL, filters: { countryCode: 'NG' } },
      { scope: { kind: 'countries', countryCodes: ['KE'] }, filters: {} },
      { scope: { kind: 'countries', countryCodes: ['KE', 'BR'] }, filters: { search: 'ana' } },
      { scope: { kind: 'countries', countryCodes: [] }, filters: {} },
    ];
    for (const sort of APPLICATION_SORTS) {
      for (const { scope, filters } of cases) {
        const query = { roundId: 'round-a', scope, filters, sort };
        const numbered = await review.listApplications({ ...query, page: 1, pageSize: 1000 });
        const keyset = await readAllAfter(query, 10);
        expect(keyset.items, `${sort} ${JSON.stringify({ scope, filters })}`).toEqual(numbered.items);
        expect(new Set(keyset.items.map((a) => a.id)).size).toBe(numbered.total);
        expect(keyset.pages).toBe(Math.floor(numbered.total / 10) + 1);
      }
    }
  });

  test('a page that ends the list exactly still gives a cursor, and the page after it is empty; a cursor of another order is refused', async () => {
    await seedRound(database.db, { id: 'round-a' });
    await seedManyApplications(database.db, { roundId: 'round-a', count: 20, idPrefix: 'a-' });
    const query = { roundId: 'round-a', scope: ALL, filters: {}, sort: 'submitted' as const, limit: 10 };
    const first = await review.listApplicationsAfter({ ...query, after: undefined });
    const second = await review.listApplicationsAfter({ ...query, after: first.next });
    const third = await review.listApplicationsAfter({ ...query, after: second.next });
    expect(first.items.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `a-0000${i}`));
    expect(second.items.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `a-000${10 + i}`));
    expect(second.next).toBeDefined();
    expect(third).toEqual({ items: [], next: undefined });
    await expect(review.listApplicationsAfter({ ...query, sort: 'name', after: first.next })).rejects.toThrow(
      /another order/,
    );
  });
});

describe('likely duplicates', () => {
  test('are both sides of a pair, only within the round, in pages, keyset pages, the filter and one application', async () => {
    await seedTies();
    const flagged = (items: ReviewedApplication[]) =>
      items.filter((a) => a.isLikelyDuplicate).map((a) => a.id);
    const query = { roundId: 'round-a', scope: ALL, filters: {}, sort: 'submitted' as const };
    const pairs = ['a-00003', 'a-00010', 'a-00050', 'a-00100'];
    expect(flagged((await review.listApplications({ ...query, page: 1, pageSize: 1000 })).items)).toEqual(
      pairs,
    );
    expect(flagged((await readAllAfter(query, 7)).items)).toEqual(pairs);
    const filtered = await review.listApplications({
      ...query,
      filters: { isLikelyDuplicate: true },
      page: 1,
      pageSize: 50,
    });
    expect(filtered).toMatchObject({ total: 4 });
    expect(filtered.items.map((a) => a.id)).toEqual(pairs);
    expect((await review.findApplicationInScope('a-00003', ALL))?.isLikelyDuplicate).toBe(true);
    expect(await review.findApplicationInScope('a-00010', ALL)).toMatchObject({
      isLikelyDuplicate: true,
      duplicateOf: 'a-00003',
      duplicateReason: 'similar-name',
    });
    expect((await review.findApplicationInScope('a-00004', ALL))?.isLikelyDuplicate).toBe(false);
    const other = await review.listApplications({ ...query, roundId: 'round-b', page: 1, pageSize: 50 });
    expect(flagged(other.items)).toEqual(['b-00001', 'b-00004']);
  });
});

describe('counts', () => {
  test('come from the sector column, which insert and edit keep with the answers', async () => {
    await seedRound(database.db, { id: 'round-a' });
    await seedManyApplications(database.db, {
      roundId: 'round-a',
      count: 6,
      idPrefix: 'a-',
      country: (i) => (i < 4 ? 'KE' : 'NG'),
      status: (i) => (i === 0 ? 'accepted' : 'pending'),
      answers: (i) => ({ sector: i < 3 ? 'public' : 'museum' }),
    });
    const kenya: CountryScope = { kind: 'countries', countryCodes: ['KE'] };
    expect(await review.countApplications('round-a', ALL)).toEqual({
      total: 6,
      byStatus: { accepted: 1, pending: 5 },
      byCountry: [
        { countryCode: 'KE', count: 4 },
        { countryCode: 'NG', count: 2 },
      ],
      bySector: [
        { sector: 'museum', count: 3 },
        { sector: 'public', count: 3 },
      ],
    });
    const byCountryAndStatus = await review.countByCountryAndStatus('round-a');
    expect(
      byCountryAndStatus.sort((a, b) =>
        `${a.countryCode}${a.status}`.localeCompare(`${b.countryCode}${b.status}`),
      ),
    ).toEqual([
      { countryCode: 'KE', status: 'accepted', count: 1 },
      { countryCode: 'KE', status: 'pending', count: 3 },
      { countryCode: 'NG', status: 'pending', count: 2 },
    ]);
    await createApplicationsRepository(database.db).updateAnswers(
      'a-00000',
      makeAnswers({ email: 'applicant-a-0@example.org', countryOfResidence: 'KE', sector: 'law' }),
      new Date('2026-01-25T00:00:00Z'),
    );
    expect(await review.countApplications('round-a', kenya)).toMatchObject({
      total: 4,
      bySector: [
        { sector: 'public', count: 2 },
        { sector: 'law', count: 1 },
        { sector: 'museum', count: 1 },
      ],
    });
    const sectorOnly = await review.listApplications({
      roundId: 'round-a',
      scope: ALL,
      filters: { sector: 'law' },
      sort: 'submitted',
      page: 1,
      pageSize: 50,
    });
    expect(sectorOnly.items.map((a) => a.id)).toEqual(['a-00000']);
  });
});

describe('round-wide writes in batches', () => {
  test('changeStatuses changes only the applications still in the given status and names them', async () => {
    await seedRound(database.db, { id: 'round-a' });
    await seedManyApplications(database.db, {
      roundId: 'round-a',
      count: 4,
      idPrefix: 'a-',
      status: (i) => (i === 1 ? 'withdrawn' : 'pending'),
    });
    const now = new Date('2026-02-21T00:00:00Z');
    const changed = await review.changeStatuses(
      ['a-00000', 'a-00001', 'a-00002', 'missing'],
      { from: 'pending', to: 'waitlisted', declineReason: null },
      now,
    );
    expect(changed.sort()).toEqual(['a-00000', 'a-00002']);
    expect(
      await review.changeStatuses([], { from: 'pending', to: 'waitlisted', declineReason: null }, now),
    ).toEqual([]);
    const rows = await database.db
      .selectFrom('applications')
      .select(['id', 'status', 'updated_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['a-00000', 'waitlisted'],
      ['a-00001', 'withdrawn'],
      ['a-00002', 'waitlisted'],
      ['a-00003', 'pending'],
    ]);
    expect(rows[0]!.updated_at).toBe(now.toISOString());
  });

  test('the quota reads id, country and status in submission order; carry-overs are recorded and found in batches', async () => {
    await seedRound(database.db, { id: 'old' });
    await seedRound(database.db, { id: 'new', name: 'New round' });
    await seedManyApplications(database.db, {
      roundId: 'old',
      count: 3,
      idPrefix: 'old-',
      country: (i) => ['NG', 'KE', 'BR'][i]!,
      firstSubmittedAt: new Date('2026-01-20T00:00:00Z'),
    });
    await database.db
      .updateTable('applications')
      .set({ submitted_at: '2026-01-19T00:00:00.000Z', status: 'waitlisted' })
      .where('id', '=', 'old-00002')
      .execute();
    expect(await review.listQuotaCandidates('old')).toEqual([
      { id: 'old-00002', countryCode: 'BR', status: 'waitlisted' },
      { id: 'old-00000', countryCode: 'NG', status: 'pending' },
      { id: 'old-00001', countryCode: 'KE', status: 'pending' },
    ]);
    await seedManyApplications(database.db, { roundId: 'new', count: 2, idPrefix: 'new-' });
    await review.recordCarryOvers(
      [
        { fromApplicationId: 'old-00000', toApplicationId: 'new-00000', toRoundId: 'new' },
        { fromApplicationId: 'old-00002', toApplicationId: 'new-00001', toRoundId: 'new' },
      ],
      new Date('2026-03-01T00:00:00Z'),
    );
    expect((await review.listCarriedOver(['old-00000', 'old-00001', 'old-00002'])).sort()).toEqual([
      'old-00000',
      'old-00002',
    ]);
    expect(await review.listCarriedOver([])).toEqual([]);
  });
});
