import { randomUUID } from 'node:crypto';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import { CAREER_STAGES, SECTORS, type Sector } from '../../../core/applications/labels';
import type {
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
 * Sector, career stage and role live in the answers JSON. Matching them portably (no JSON
 * operators, which differ between SQLite and PostgreSQL) relies on how answers are stored:
 * JSON.stringify of the parsed answers, so a top-level answer appears exactly as `"sector":"public"`.
 * Quotes inside free text are stored escaped (`\"`), so no applicant can forge that pattern, and
 * the partner preference's keys are plural (`"sectors"`, `"careerStages"`), so they never match.
 */
type Db = Kysely<Database> | Transaction<Database>;
type Eb = ExpressionBuilder<Database, 'applications'>;

/** The answers-JSON pattern of a top-level closed-choice answer (see the header). */
const answerPattern = (key: 'sector' | 'careerStage', value: string) => `%"${key}":"${value}"%`;

/** `x` for LIKE with `!` as the escape character (portable: both databases take ESCAPE). */
const escapeLike = (value: string) => value.replace(/[!%_]/g, (character) => `!${character}`);

const inScope = (eb: Eb, scope: CountryScope): Expression<SqlBool> =>
  scope.kind === 'all'
    ? eb.lit(true)
    : scope.countryCodes.length === 0
      ? eb.lit(false)
      : eb('applications.country_code', 'in', scope.countryCodes);

const isLikelyDuplicateExpression = (eb: Eb) =>
  eb.or([
    eb('applications.duplicate_of', 'is not', null),
    eb(
      'applications.id',
      'in',
      eb
        .selectFrom('applications as later')
        .select('later.duplicate_of')
        .where('later.duplicate_of', 'is not', null)
        .whereRef('later.round_id', '=', 'applications.round_id')
        .$narrowType<{ duplicate_of: string }>(),
    ),
  ]);

const matchesFilters = (eb: Eb, roundId: string, scope: CountryScope, filters: ApplicationFilters) => {
  const conditions: Expression<SqlBool>[] = [eb('applications.round_id', '=', roundId), inScope(eb, scope)];
  if (filters.countryCode) conditions.push(eb('applications.country_code', '=', filters.countryCode));
  if (filters.status) conditions.push(eb('applications.status', '=', filters.status));
  if (filters.sector && (SECTORS as readonly string[]).includes(filters.sector)) {
    conditions.push(eb('applications.answers', 'like', answerPattern('sector', filters.sector)));
  }
  if (filters.careerStage && (CAREER_STAGES as readonly string[]).includes(filters.careerStage)) {
    conditions.push(eb('applications.answers', 'like', answerPattern('careerStage', filters.careerStage)));
  }
  if (filters.isLikelyDuplicate) conditions.push(isLikelyDuplicateExpression(eb));
  const search = filters.search?.trim().toLowerCase();
  if (search) {
    const term = escapeLike(search);
    const anywhere = `%${term}%`;
    // The role is the answer between "role":" and the next key, careerStage (answers key order).
    const inRole = `%"role":"%${term}%","careerstage":%`;
    conditions.push(
      eb.or([
        sql<SqlBool>`lower(applications.name) like ${anywhere} escape '!'`,
        sql<SqlBool>`lower(applications.email) like ${anywhere} escape '!'`,
        sql<SqlBool>`lower(applications.answers) like ${inRole} escape '!'`,
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

export const createApplicationReviewRepository = (db: Db): ApplicationReviewRepository => {
  const selectReviewed = () =>
    db
      .selectFrom('applications')
      .selectAll('applications')
      .select((eb) =>
        eb.case().when(isLikelyDuplicateExpression(eb)).then(1).else(0).end().as('is_likely_duplicate'),
      );

  const sorted = <Q extends ReturnType<typeof selectReviewed>>(query: Q, sort: ApplicationSort): Q => {
    if (sort === 'name') {
      return query
        .orderBy(sql`lower(applications.name)`)
        .orderBy('applications.submitted_at')
        .orderBy('applications.id') as Q;
    }
    if (sort === 'country') {
      return query
        .orderBy('applications.country_code')
        .orderBy('applications.submitted_at')
        .orderBy('applications.id') as Q;
    }
    return query.orderBy('applications.submitted_at').orderBy('applications.id') as Q;
  };

  const repository: ApplicationReviewRepository = {
    listApplications: async ({ roundId, scope, filters, sort, page, pageSize }) => {
      const where = (eb: Eb) => matchesFilters(eb, roundId, scope, filters);
      const totalRow = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where(where)
        .executeTakeFirst();
      const rows = await sorted(selectReviewed().where(where), sort)
        .limit(pageSize)
        .offset(Math.max(0, page - 1) * pageSize)
        .execute();
      return {
        items: rows.map((row) => toReviewed(row as ApplicationRow)),
        total: Number(totalRow?.count ?? 0),
      };
    },

    listAllApplications: async (roundId, scope, filters, sort) => {
      const rows = await sorted(
        selectReviewed().where((eb) => matchesFilters(eb, roundId, scope, filters)),
        sort,
      ).execute();
      return rows.map((row) => toReviewed(row as ApplicationRow));
    },

    countApplications: async (roundId, scope) => {
      const where = (eb: Eb) => eb.and([eb('applications.round_id', '=', roundId), inScope(eb, scope)]);
      const byStatusAndCountry = await db
        .selectFrom('applications')
        .select((eb) => ['country_code', 'status', eb.fn.countAll<number>().as('count')])
        .where(where)
        .groupBy(['country_code', 'status'])
        .execute();
      // Literal values (a closed list), so the grouped expression is the selected one on PostgreSQL.
      const sectorCase = sql<string>`case ${sql.join(
        SECTORS.map(
          (sector) =>
            sql`when applications.answers like ${sql.lit(answerPattern('sector', sector))} then ${sql.lit(sector)}`,
        ),
        sql` `,
      )} else 'other' end`;
      const bySectorRows = await db
        .selectFrom('applications')
        .select((eb) => [sectorCase.as('sector'), eb.fn.countAll<number>().as('count')])
        .where(where)
        .groupBy(sectorCase)
        .execute();
      const byStatus: Partial<Record<ApplicationStatus, number>> = {};
      const byCountry = new Map<string, number>();
      let total = 0;
      for (const row of byStatusAndCountry) {
        const count = Number(row.count);
        total += count;
        const status = row.status as ApplicationStatus;
        byStatus[status] = (byStatus[status] ?? 0) + count;
        byCountry.set(row.country_code, (byCountry.get(row.country_code) ?? 0) + count);
      }
      return {
        total,
        byStatus,
        byCountry: [...byCountry]
          .map(([countryCode, count]) => ({ countryCode, count }))
          .sort((a, b) => b.count - a.count || a.countryCode.localeCompare(b.countryCode)),
        bySector: bySectorRows
          .map((row) => ({ sector: row.sector as Sector, count: Number(row.count) }))
          .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
      };
    },

    findNeighbours: (query) => findApplicationNeighbours(db, query, matchesFilters),

    findApplicationInScope: async (id, scope) => {
      const row = await selectReviewed()
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

    isCarriedOver: async (fromApplicationId) =>
      !!(await db
        .selectFrom('application_carry_overs')
        .select('from_application_id')
        .where('from_application_id', '=', fromApplicationId)
        .executeTakeFirst()),

    recordCarryOver: async (fromApplicationId, toApplicationId, toRoundId, now) => {
      await db
        .insertInto('application_carry_overs')
        .values({
          from_application_id: fromApplicationId,
          to_application_id: toApplicationId,
          to_round_id: toRoundId,
          created_at: now.toISOString(),
        })
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
