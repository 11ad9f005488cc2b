import { randomUUID } from 'node:crypto';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import { CAREER_STAGES, SECTORS, type Sector } from '../../../core/applications/labels';
import type {
  ApplicationCursor,
  ApplicationFilters,
  ApplicationImport,
  ApplicationReviewRepository,
  ApplicationSort,
  CountryScope,
  ReviewedApplication,
} from '../../../services/ports/review';
import type { Database } from '../../schema';
import type { ApplicationImportsTable } from '../../tables/review';
import { toStoredApplication } from '../applications/applications-repository';
import { findApplicationNeighbours } from './application-neighbours';

/**
 * The coordinators' view of a round's applications: filtered lists, counts, notes, decisions,
 * carry-over and imports. Every read takes a CountryScope and applies it in the query itself
 * (`country_code IN (…)`), so a country coordinator's list, counts, export and detail can never
 * contain another country's application, whatever the route asks for.
 *
 * Cost (issue 9): a read over a round grows with the rows it returns, or at worst with the round.
 * Each order of the list has an index ending in (submitted_at, id) (migration 0016), so a page
 * walks its index and stops, and the export reads keyset pages (listApplicationsAfter) that each
 * cost their own rows. "Likely duplicate" (either side of a pair) is worked out against the set of
 * the round's `duplicate_of` values, read once per statement from an index, never per row. The
 * counts read a covering index (round, country, status, sector).
 *
 * The sector and the role have columns of their own (0016). The career stage lives only in the
 * answers JSON; matching it portably (no JSON operators, which differ between SQLite and
 * PostgreSQL) relies on how answers are stored: JSON.stringify of the parsed answers, so a
 * top-level answer appears exactly as `"careerStage":"early"`. Quotes inside free text are stored
 * escaped (`\"`), so no applicant can forge that pattern, and the partner preference's keys are
 * plural (`"careerStages"`), so they never match.
 */
type Db = Kysely<Database> | Transaction<Database>;
type Eb = ExpressionBuilder<Database, 'applications'>;

/** The answers-JSON pattern of a top-level closed-choice answer (see the header). */
const answerPattern = (key: 'careerStage', value: string) => `%"${key}":"${value}"%`;

/** `x` for LIKE with `!` as the escape character (portable: both databases take ESCAPE). */
const escapeLike = (value: string) => value.replace(/[!%_]/g, (character) => `!${character}`);

const inScope = (eb: Eb, scope: CountryScope): Expression<SqlBool> =>
  scope.kind === 'all'
    ? eb.lit(true)
    : scope.countryCodes.length === 0
      ? eb.lit(false)
      : eb('applications.country_code', 'in', scope.countryCodes);

/**
 * Either side of a likely-duplicate pair: it names an earlier application, or a later one of its
 * round names it. The round is a parameter, not a reference to the outer row, so the subquery is
 * uncorrelated: the database reads the round's `duplicate_of` values once per statement (the index
 * on (round_id, duplicate_of)) and looks each row up in that set. (Correlated, it re-read the
 * round for every row: quadratic, 3 s for the first page of a round of 10,000 on SQLite.)
 */
const isLikelyDuplicateInRound = (eb: Eb, roundId: string) =>
  eb.or([
    eb('applications.duplicate_of', 'is not', null),
    eb(
      'applications.id',
      'in',
      eb
        .selectFrom('applications as later')
        .select('later.duplicate_of')
        .where('later.round_id', '=', roundId)
        .where('later.duplicate_of', 'is not', null)
        .$narrowType<{ duplicate_of: string }>(),
    ),
  ]);

/** The same for one application whose round the query does not know: one probe of that index. */
const isLikelyDuplicateByProbe = (eb: Eb) =>
  eb.or([
    eb('applications.duplicate_of', 'is not', null),
    eb.exists(
      eb
        .selectFrom('applications as later')
        .select('later.id')
        .whereRef('later.round_id', '=', 'applications.round_id')
        .whereRef('later.duplicate_of', '=', 'applications.id'),
    ),
  ]);

const matchesFilters = (eb: Eb, roundId: string, scope: CountryScope, filters: ApplicationFilters) => {
  const conditions: Expression<SqlBool>[] = [eb('applications.round_id', '=', roundId), inScope(eb, scope)];
  if (filters.countryCode) conditions.push(eb('applications.country_code', '=', filters.countryCode));
  if (filters.status) conditions.push(eb('applications.status', '=', filters.status));
  if (filters.sector && (SECTORS as readonly string[]).includes(filters.sector)) {
    conditions.push(eb('applications.sector', '=', filters.sector));
  }
  if (filters.careerStage && (CAREER_STAGES as readonly string[]).includes(filters.careerStage)) {
    conditions.push(eb('applications.answers', 'like', answerPattern('careerStage', filters.careerStage)));
  }
  if (filters.isLikelyDuplicate) conditions.push(isLikelyDuplicateInRound(eb, roundId));
  const search = filters.search?.trim().toLowerCase();
  if (search) {
    const term = escapeLike(search);
    const anywhere = `%${term}%`;
    conditions.push(
      eb.or([
        sql<SqlBool>`lower(applications.name) like ${anywhere} escape '!'`,
        sql<SqlBool>`lower(applications.email) like ${anywhere} escape '!'`,
        sql<SqlBool>`lower(applications.role) like ${anywhere} escape '!'`,
      ]),
    );
  }
  return eb.and(conditions);
};

type ApplicationRow = Parameters<typeof toStoredApplication>[0] & {
  declined_carry_over?: number | undefined;
  duplicate_of?: string | null | undefined;
  duplicate_reason?: string | null | undefined;
  decline_reason?: string | null | undefined;
  is_likely_duplicate: number | string | boolean | null;
};

const toReviewed = (row: ApplicationRow): ReviewedApplication => ({
  ...toStoredApplication(row),
  declineReason: row.decline_reason ?? null,
  duplicateOf: row.duplicate_of ?? null,
  duplicateReason: row.duplicate_reason ?? null,
  isLikelyDuplicate: Number(row.is_likely_duplicate ?? 0) === 1 || row.is_likely_duplicate === true,
  declinedCarryOver: Number(row.declined_carry_over ?? 0) === 1,
});

const toImport = (row: ApplicationImportsTable): ApplicationImport => ({
  id: row.id,
  roundId: row.round_id,
  authorPersonId: row.author_person_id,
  fileName: row.file_name,
  content: row.content,
  status: row.status,
  createdAt: new Date(row.created_at),
});

/**
 * Each order of the list: a leading key (none for submission order), then submitted_at and id,
 * exactly as in that order's index (0016), so the database walks the index instead of sorting.
 */
const leadingKeyOf = (sort: ApplicationSort): RawBuilder<string> | undefined =>
  sort === 'name'
    ? sql<string>`lower(applications.name)`
    : sort === 'country'
      ? sql<string>`applications.country_code`
      : undefined;

interface CursorKey {
  sort: ApplicationSort;
  /** The leading key's value ('' for submission order), as the database computed it. */
  key: string;
  submittedAt: string;
  id: string;
}

const encodeCursor = (key: CursorKey) =>
  JSON.stringify([key.sort, key.key, key.submittedAt, key.id]) as ApplicationCursor;

const decodeCursor = (cursor: ApplicationCursor, sort: ApplicationSort): CursorKey => {
  const parsed: unknown = JSON.parse(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== sort) {
    throw new Error(`A list cursor of another order was given for the "${sort}" order: ${cursor}`);
  }
  const [, key, submittedAt, id] = parsed.map(String) as [string, string, string, string];
  return { sort, key, submittedAt, id };
};

/**
 * After the cursor in the list's order, as one row-value comparison (both databases): the index
 * of the order is entered at the cursor, whatever the page's distance from the start.
 */
const isAfter = (cursor: CursorKey): RawBuilder<SqlBool> => {
  const leading = leadingKeyOf(cursor.sort);
  if (!leading) {
    return sql<SqlBool>`(applications.submitted_at, applications.id) > (${cursor.submittedAt}, ${cursor.id})`;
  }
  const after = sql<SqlBool>`(${leading}, applications.submitted_at, applications.id) > (${cursor.key}, ${cursor.submittedAt}, ${cursor.id})`;
  // SQLite enters an index at a row value over plain columns, but not over lower(name): the
  // redundant bound on the expression alone gives it the range (without it every page re-read
  // the names before the cursor).
  return cursor.sort === 'name' ? sql<SqlBool>`${leading} >= ${cursor.key} and ${after}` : after;
};

export const createApplicationReviewRepository = (db: Db): ApplicationReviewRepository => {
  const selectReviewed = (isLikelyDuplicate: (eb: Eb) => Expression<SqlBool>) =>
    db
      .selectFrom('applications')
      .selectAll('applications')
      .select((eb) => eb.case().when(isLikelyDuplicate(eb)).then(1).else(0).end().as('is_likely_duplicate'));

  const inOrder = <Q extends ReturnType<typeof selectReviewed>>(query: Q, sort: ApplicationSort): Q => {
    const leading = leadingKeyOf(sort);
    return (leading ? query.orderBy(leading) : query)
      .orderBy('applications.submitted_at')
      .orderBy('applications.id') as Q;
  };

  const repository: ApplicationReviewRepository = {
    listApplications: async ({ roundId, scope, filters, sort, page, pageSize }) => {
      const where = (eb: Eb) => matchesFilters(eb, roundId, scope, filters);
      const totalRow = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where(where)
        .executeTakeFirst();
      const total = Number(totalRow?.count ?? 0);
      const offset = Math.max(0, page - 1) * pageSize;
      // A page beyond the last has nothing to read (page numbers come from links anyone can edit).
      if (offset >= total) return { items: [], total };
      const rows = await inOrder(
        selectReviewed((eb) => isLikelyDuplicateInRound(eb, roundId)).where(where),
        sort,
      )
        .limit(pageSize)
        .offset(offset)
        .execute();
      return { items: rows.map((row) => toReviewed(row as ApplicationRow)), total };
    },

    listApplicationsAfter: async ({ roundId, scope, filters, sort, after, limit }) => {
      const leading = leadingKeyOf(sort);
      const cursor = after === undefined ? undefined : decodeCursor(after, sort);
      const rows = await inOrder(
        selectReviewed((eb) => isLikelyDuplicateInRound(eb, roundId))
          .$if(leading !== undefined, (query) => query.select(leading!.as('sort_key')))
          .where((eb) =>
            cursor
              ? eb.and([matchesFilters(eb, roundId, scope, filters), isAfter(cursor)])
              : matchesFilters(eb, roundId, scope, filters),
          ),
        sort,
      )
        .limit(limit)
        .execute();
      const last = rows.at(-1) as (ApplicationRow & { sort_key?: string }) | undefined;
      return {
        items: rows.map((row) => toReviewed(row as ApplicationRow)),
        next:
          last && rows.length === limit
            ? encodeCursor({ sort, key: last.sort_key ?? '', submittedAt: last.submitted_at, id: last.id })
            : undefined,
      };
    },

    countApplications: async (roundId, scope) => {
      // One pass over the covering index (round, country, status, sector): no row is read.
      const rows = await db
        .selectFrom('applications')
        .select((eb) => ['country_code', 'status', 'sector', eb.fn.countAll<number>().as('count')])
        .where((eb) => eb.and([eb('applications.round_id', '=', roundId), inScope(eb, scope)]))
        .groupBy(['country_code', 'status', 'sector'])
        .execute();
      const byStatus: Partial<Record<ApplicationStatus, number>> = {};
      const byCountry = new Map<string, number>();
      const bySector = new Map<Sector, number>();
      let total = 0;
      for (const row of rows) {
        const count = Number(row.count);
        total += count;
        const status = row.status as ApplicationStatus;
        byStatus[status] = (byStatus[status] ?? 0) + count;
        byCountry.set(row.country_code, (byCountry.get(row.country_code) ?? 0) + count);
        const sector = (SECTORS as readonly string[]).includes(row.sector ?? '')
          ? (row.sector as Sector)
          : 'other';
        bySector.set(sector, (bySector.get(sector) ?? 0) + count);
      }
      return {
        total,
        byStatus,
        byCountry: [...byCountry]
          .map(([countryCode, count]) => ({ countryCode, count }))
          .sort((a, b) => b.count - a.count || a.countryCode.localeCompare(b.countryCode)),
        bySector: [...bySector]
          .map(([sector, count]) => ({ sector, count }))
          .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
      };
    },

    findNeighbours: (query) => findApplicationNeighbours(db, query, matchesFilters),

    countByCountryAndStatus: async (roundId) =>
      (
        await db
          .selectFrom('applications')
          .select((eb) => ['country_code', 'status', eb.fn.countAll<number>().as('count')])
          .where('round_id', '=', roundId)
          .groupBy(['country_code', 'status'])
          .execute()
      ).map((row) => ({
        countryCode: row.country_code,
        status: row.status as ApplicationStatus,
        count: Number(row.count),
      })),

    findApplicationInScope: async (id, scope) => {
      const row = await selectReviewed(isLikelyDuplicateByProbe)
        .where((eb) => eb.and([eb('applications.id', '=', id), inScope(eb, scope)]))
        .executeTakeFirst();
      return row ? toReviewed(row as ApplicationRow) : undefined;
    },

    changeStatus: async (id, { from, to, declineReason }, now) => {
      const result = await db
        .updateTable('applications')
        .set({
          status: to,
          decline_reason: to === 'declined' ? declineReason : null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    changeStatuses: async (ids, { from, to, declineReason }, now) => {
      if (ids.length === 0) return [];
      const rows = await db
        .updateTable('applications')
        .set({
          status: to,
          decline_reason: to === 'declined' ? declineReason : null,
          updated_at: now.toISOString(),
        })
        .where('id', 'in', [...ids])
        .where('status', '=', from)
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },

    setDuplicateFlag: async (id, duplicateOf, reason) => {
      await db
        .updateTable('applications')
        .set({ duplicate_of: duplicateOf, duplicate_reason: reason })
        .where('id', '=', id)
        .execute();
    },

    listNotes: async (applicationId) => {
      const rows = await db
        .selectFrom('application_notes')
        .leftJoin('people', 'people.id', 'application_notes.author_person_id')
        .select([
          'application_notes.id',
          'application_notes.application_id',
          'application_notes.author_person_id',
          'application_notes.body',
          'application_notes.created_at',
          'people.name as author_name',
        ])
        .where('application_notes.application_id', '=', applicationId)
        .orderBy('application_notes.created_at')
        .orderBy('application_notes.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        authorPersonId: row.author_person_id,
        authorName: row.author_name ?? null,
        body: row.body,
        createdAt: new Date(row.created_at),
      }));
    },

    insertNote: async (note, now) => {
      const id = randomUUID();
      await db
        .insertInto('application_notes')
        .values({
          id,
          application_id: note.applicationId,
          author_person_id: note.authorPersonId,
          body: note.body,
          created_at: now.toISOString(),
        })
        .execute();
      const author = note.authorPersonId
        ? await db
            .selectFrom('people')
            .select('name')
            .where('id', '=', note.authorPersonId)
            .executeTakeFirst()
        : undefined;
      return { id, ...note, authorName: author?.name ?? null, createdAt: now };
    },

    // Every column read is in applications_by_round_submitted (0016): no row is read.
    listQuotaCandidates: async (roundId) =>
      (
        await db
          .selectFrom('applications')
          .select(['id', 'country_code', 'status'])
          .where('round_id', '=', roundId)
          .orderBy('submitted_at')
          .orderBy('id')
          .execute()
      ).map((row) => ({
        id: row.id,
        countryCode: row.country_code,
        status: row.status as ApplicationStatus,
      })),

    listQuotaRows: async (roundId) => {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'email', 'name', 'country_code', 'status', 'declined_carry_over', 'submitted_at'])
        .where('round_id', '=', roundId)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        email: row.email,
        name: row.name,
        countryCode: row.country_code,
        status: row.status as ApplicationStatus,
        declinedCarryOver: Number(row.declined_carry_over ?? 0) === 1,
        submittedAt: new Date(row.submitted_at),
      }));
    },

    listCarriedOver: async (fromApplicationIds) =>
      fromApplicationIds.length === 0
        ? []
        : (
            await db
              .selectFrom('application_carry_overs')
              .select('from_application_id')
              .where('from_application_id', 'in', [...fromApplicationIds])
              .execute()
          ).map((row) => row.from_application_id),

    recordCarryOvers: async (carryOvers, now) => {
      if (carryOvers.length === 0) return;
      await db
        .insertInto('application_carry_overs')
        .values(
          carryOvers.map((carryOver) => ({
            from_application_id: carryOver.fromApplicationId,
            to_application_id: carryOver.toApplicationId,
            to_round_id: carryOver.toRoundId,
            created_at: now.toISOString(),
          })),
        )
        .execute();
    },

    insertImport: async (upload, now) => {
      const row: ApplicationImportsTable = {
        id: randomUUID(),
        round_id: upload.roundId,
        author_person_id: upload.authorPersonId,
        file_name: upload.fileName,
        content: upload.content,
        status: 'uploaded',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await db.insertInto('application_imports').values(row).execute();
      return toImport(row);
    },

    findImport: async (id, roundId) => {
      const row = await db
        .selectFrom('application_imports')
        .selectAll()
        .where('id', '=', id)
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      return row ? toImport(row) : undefined;
    },

    markImportImported: async (id, now) => {
      await db
        .updateTable('application_imports')
        .set({ status: 'imported', updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
  };
  return repository;
};
