import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type {
  ApplicationFilters,
  ApplicationNeighbours,
  ApplicationSort,
  CountryScope,
  NeighboursQuery,
} from '../../../services/ports/review';
import type { Database } from '../../schema';

/**
 * An application's previous and next in a review list, without reading the list: the list's
 * order is a key (a leading value for the name and country orders, then submission time and id),
 * so the next one is the first row whose key is greater than this application's, and the previous
 * one the last whose key is smaller. Each is one row-value comparison (both databases) and
 * LIMIT 1, ordered as the list is, so each read enters the order's index at the application.
 * The application need not pass the filters itself: after a decision it may no longer be
 * "pending", and its neighbours in the pending list are still where the coordinator goes next.
 */
type Db = Kysely<Database> | Transaction<Database>;

/** The list's own filter (the review repository's), so that neighbours are the list's. */
export type ListFilter = (
  eb: ExpressionBuilder<Database, 'applications'>,
  roundId: string,
  scope: CountryScope,
  filters: ApplicationFilters,
) => Expression<SqlBool>;

/** The same leading key as the list's ORDER BY (application-review-repository.ts). */
const leadingKeyOf = (sort: ApplicationSort): RawBuilder<string> | undefined =>
  sort === 'name'
    ? sql<string>`lower(applications.name)`
    : sort === 'country'
      ? sql<string>`applications.country_code`
      : undefined;

export const findApplicationNeighbours = async (
  db: Db,
  { roundId, scope, filters, sort, applicationId }: NeighboursQuery,
  matchesFilters: ListFilter,
): Promise<ApplicationNeighbours> => {
  const leading = leadingKeyOf(sort);
  const current = await db
    .selectFrom('applications')
    .select(['applications.id', 'applications.submitted_at', (leading ?? sql<string>`''`).as('sort_key')])
    .where('applications.id', '=', applicationId)
    .where('applications.round_id', '=', roundId)
    .executeTakeFirst();
  if (!current) return { previous: undefined, next: undefined };

  const neighbour = async (direction: 'next' | 'previous') => {
    const operator = sql.raw(direction === 'next' ? '>' : '<');
    const order = direction === 'next' ? 'asc' : 'desc';
    const beyond: RawBuilder<SqlBool> = leading
      ? // The bound on the leading key alone lets SQLite enter an index on an expression (lower(name)).
        sql<SqlBool>`${leading} ${sql.raw(direction === 'next' ? '>=' : '<=')} ${current.sort_key} and (${leading}, applications.submitted_at, applications.id) ${operator} (${current.sort_key}, ${current.submitted_at}, ${current.id})`
      : sql<SqlBool>`(applications.submitted_at, applications.id) ${operator} (${current.submitted_at}, ${current.id})`;
    let query = db
      .selectFrom('applications')
      .select(['applications.id', 'applications.name'])
      .where((eb) => eb.and([matchesFilters(eb, roundId, scope, filters), beyond]));
    if (leading) query = query.orderBy(leading, order);
    const row = await query
      .orderBy('applications.submitted_at', order)
      .orderBy('applications.id', order)
      .limit(1)
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name } : undefined;
  };
  const [previous, next] = await Promise.all([neighbour('previous'), neighbour('next')]);
  return { previous, next };
};
