import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedApplication, seedRound } from '../../../../tests/support/review-fixtures';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import {
  APPLICATION_SORTS,
  type ApplicationCursor,
  type ApplicationFilters,
  type ApplicationReviewRepository,
  type ApplicationSort,
  type CountryScope,
  type ReviewedApplication,
} from '../../../services/ports/review';
import { createApplicationReviewRepository } from './application-review-repository';

/**
 * An application's previous and next (findNeighbours, two one-row reads) must be exactly its
 * neighbours in the list as listApplicationsAfter orders and filters it, for every order, filter
 * and scope, ties and all; for an application the filters leave out, the nearest listed ones on
 * either side of where it stands in the order. On SQLite and PostgreSQL.
 */
let database: TestDatabase;
let review: ApplicationReviewRepository;

const NAMES = ['Zoë Adams', 'ana Lima', 'Ana Lima', 'Émile Roy', 'Bao Tran', 'bao tran', 'Chidi Obi'];
const COUNTRIES = ['KE', 'NG', 'BR', 'KE', 'FR', 'VN', 'KE', 'NG'];
const STATUSES: ApplicationStatus[] = ['pending', 'accepted', 'pending', 'waitlisted', 'declined'];

beforeAll(async () => {
  database = await createTestDatabase();
  review = createApplicationReviewRepository(database.db);
  await seedRound(database.db, { id: 'round-n' });
  await seedRound(database.db, { id: 'round-other' });
  for (let i = 0; i < 40; i++) {
    await seedApplication(database.db, {
      roundId: 'round-n',
      id: `n-${String(i).padStart(2, '0')}`,
      name: `${NAMES[i % NAMES.length]}${i % 3 === 0 ? '' : ` ${i % 5}`}`,
      country: COUNTRIES[i % COUNTRIES.length]!,
      status: STATUSES[i % STATUSES.length]!,
      email: `person.${i}@example.org`,
      // Every fourth shares its submission time with the one before: the id breaks the tie.
      submittedAt: new Date(Date.UTC(2026, 0, 10, 0, i - (i % 4 === 3 ? 1 : 0))),
      answers: { sector: i % 2 === 0 ? 'public' : 'academic' },
    });
  }
  await seedApplication(database.db, {
    roundId: 'round-other',
    id: 'other-1',
    name: 'Ana Lima',
    country: 'KE',
  });
});

afterAll(async () => {
  await database.dispose();
});

const CASES: { name: string; scope: CountryScope; filters: ApplicationFilters }[] = [
  { name: 'everything', scope: { kind: 'all' }, filters: {} },
  { name: 'pending in Kenya', scope: { kind: 'all' }, filters: { countryCode: 'KE', status: 'pending' } },
  { name: 'a search and a sector', scope: { kind: 'all' }, filters: { search: 'ana', sector: 'public' } },
  { name: 'a country coordinator', scope: { kind: 'countries', countryCodes: ['KE', 'NG'] }, filters: {} },
  {
    name: 'a country coordinator, accepted only',
    scope: { kind: 'countries', countryCodes: ['NG'] },
    filters: { status: 'accepted' },
  },
];

/** The whole list in its order, read page by page as the export does. */
const listEvery = async (
  scope: CountryScope,
  filters: ApplicationFilters,
  sort: ApplicationSort,
): Promise<ReviewedApplication[]> => {
  const all: ReviewedApplication[] = [];
  let after: ApplicationCursor | undefined;
  do {
    const page = await review.listApplicationsAfter({
      roundId: 'round-n',
      scope,
      filters,
      sort,
      after,
      limit: 7,
    });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
};

describe.each(APPLICATION_SORTS)('sorted by %s', (sort) => {
  test.each(CASES)(
    '$name: previous and next are the list’s, for every application',
    async ({ scope, filters }) => {
      const order = await listEvery({ kind: 'all' }, {}, sort);
      const listed = await listEvery(scope, filters, sort);
      expect(listed.length).toBeGreaterThan(1);
      const listedIds = new Set(listed.map((application) => application.id));
      for (const [position, application] of order.entries()) {
        const before = order.slice(0, position).filter((other) => listedIds.has(other.id));
        const after = order.slice(position + 1).filter((other) => listedIds.has(other.id));
        const neighbours = await review.findNeighbours({
          roundId: 'round-n',
          scope,
          filters,
          sort,
          applicationId: application.id,
        });
        expect(neighbours, `${application.id} (${application.name})`).toEqual({
          previous: before.at(-1) && { id: before.at(-1)!.id, name: before.at(-1)!.name },
          next: after[0] && { id: after[0].id, name: after[0].name },
        });
      }
    },
  );
});

test('an application of another round has no neighbours here', async () => {
  expect(
    await review.findNeighbours({
      roundId: 'round-n',
      scope: { kind: 'all' },
      filters: {},
      sort: 'name',
      applicationId: 'other-1',
    }),
  ).toEqual({ previous: undefined, next: undefined });
});
