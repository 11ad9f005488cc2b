import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isCheckInAnswer } from '../../../core/checkins/check-in';
import type { RoundDashboardRepository } from '../../../services/ports/dashboard';
import type { CountryScope } from '../../../services/ports/review';
import type { Database } from '../../schema';

/**
 * The dashboard's counts: GROUP BYs in SQL that read the same on SQLite and PostgreSQL (instants
 * are ISO text, so the first 13 characters are the UTC hour; fits are integers, so `fit / n` is
 * integer division on both). A country coordinator's scope joins the applications table on its
 * (round, country) indexes.
 */
const isNobody = (scope: CountryScope) => scope.kind === 'countries' && scope.countryCodes.length === 0;

/** `column` (an application id) is of someone in scope (always true for program coordinators). */
const applicantInScope = (scope: CountryScope, column: string): RawBuilder<boolean> =>
  scope.kind === 'all'
    ? sql<boolean>`1 = 1`
    : sql<boolean>`exists (select 1 from applications a where a.id = ${sql.ref(column)} and a.country_code in (${sql.join(scope.countryCodes)}))`;

export const createRoundDashboardRepository = (db: Kysely<Database>): RoundDashboardRepository => ({
  countApplicationsByHour: async (roundId, scope) => {
    if (isNobody(scope)) return [];
    let query = db
      .selectFrom('applications')
      .select((eb) => [
        sql<string>`substr(submitted_at, 1, 13)`.as('hour'),
        eb.fn.countAll<number>().as('count'),
      ])
      .where('round_id', '=', roundId)
      .groupBy(sql`substr(submitted_at, 1, 13)`);
    if (scope.kind === 'countries') query = query.where('country_code', 'in', scope.countryCodes);
    const rows = await query.execute();
    return rows.map((row) => ({ hourAt: new Date(`${row.hour}:00:00.000Z`), count: Number(row.count) }));
  },

  countParticipantsByCountry: async (roundId, scope) => {
    if (isNobody(scope)) return [];
    let query = db
      .selectFrom('applications')
      .select((eb) => ['country_code', eb.fn.countAll<number>().as('count')])
      .where('round_id', '=', roundId)
      .where('status', '=', 'accepted')
      .groupBy('country_code');
    if (scope.kind === 'countries') query = query.where('country_code', 'in', scope.countryCodes);
    const rows = await query.execute();
    return rows.map((row) => ({ countryCode: row.country_code, count: Number(row.count) }));
  },

  countActiveParticipants: async (roundId, scope) => {
    if (isNobody(scope)) return 0;
    const row = await db
      .selectFrom('partnership_members')
      .innerJoin('partnerships', 'partnerships.id', 'partnership_members.partnership_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('partnerships.round_id', '=', roundId)
      .where('partnerships.status', '=', 'active')
      .where('partnership_members.left_at', 'is', null)
      .where(applicantInScope(scope, 'partnership_members.application_id'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  },

  countPartnershipsByFitBand: async (roundId, scope, bandPoints) => {
    if (isNobody(scope)) return [];
    const band = sql<number>`fit / ${sql.lit(Math.trunc(bandPoints))}`;
    const rows = await db
      .selectFrom('partnerships')
      .select((eb) => [band.as('band'), eb.fn.countAll<number>().as('count')])
      .where('round_id', '=', roundId)
      .where((eb) =>
        scope.kind === 'all'
          ? sql<boolean>`1 = 1`
          : eb.exists(
              eb
                .selectFrom('partnership_members')
                .innerJoin('applications', 'applications.id', 'partnership_members.application_id')
                .select(sql`1`.as('one'))
                .whereRef('partnership_members.partnership_id', '=', 'partnerships.id')
                .where('applications.country_code', 'in', scope.countryCodes),
            ),
      )
      .groupBy(band)
      .execute();
    return rows.map((row) => ({ band: Number(row.band), count: Number(row.count) }));
  },

  countCheckIns: async (roundId, scope) => {
    if (isNobody(scope)) return [];
    const rows = await db
      .selectFrom('check_ins')
      .select((eb) => ['fortnight', 'answer', eb.fn.countAll<number>().as('count')])
      .where('round_id', '=', roundId)
      .where(applicantInScope(scope, 'check_ins.application_id'))
      .groupBy(['fortnight', 'answer'])
      .execute();
    return rows.flatMap((row) =>
      isCheckInAnswer(row.answer)
        ? [{ fortnight: Number(row.fortnight), answer: row.answer, count: Number(row.count) }]
        : [],
    );
  },

  countSurveyResponses: async (surveyIds, scope) => {
    if (surveyIds.length === 0) return [];
    if (isNobody(scope)) return surveyIds.map((surveyId) => ({ surveyId, invited: 0, answered: 0 }));
    const [invited, answered] = await Promise.all([
      db
        .selectFrom('survey_deliveries')
        .select((eb) => ['survey_id', eb.fn.countAll<number>().as('count')])
        .where('survey_id', 'in', surveyIds)
        .where('kind', '=', 'invitation')
        .where(applicantInScope(scope, 'survey_deliveries.application_id'))
        .groupBy('survey_id')
        .execute(),
      db
        .selectFrom('survey_respondents')
        .select((eb) => ['survey_id', eb.fn.countAll<number>().as('count')])
        .where('survey_id', 'in', surveyIds)
        .where(applicantInScope(scope, 'survey_respondents.application_id'))
        .groupBy('survey_id')
        .execute(),
    ]);
    const countOf = (rows: { survey_id: string; count: number | string | bigint }[], surveyId: string) =>
      Number(rows.find((row) => row.survey_id === surveyId)?.count ?? 0);
    return surveyIds.map((surveyId) => ({
      surveyId,
      invited: countOf(invited, surveyId),
      answered: countOf(answered, surveyId),
    }));
  },

  listApplicationIdsFrom: async (roundId, countryCodes) => {
    if (countryCodes.length === 0) return [];
    const rows = await db
      .selectFrom('applications')
      .select('id')
      .where('round_id', '=', roundId)
      .where('country_code', 'in', [...countryCodes])
      .execute();
    return rows.map((row) => row.id);
  },

  countMailHealth: async () => {
    const rows = await db
      .selectFrom('mail_messages')
      .select((eb) => [
        'status',
        eb.fn.countAll<number>().as('count'),
        eb.fn.count<number>('last_error').as('with_error'),
      ])
      .where('status', 'in', ['pending', 'sending', 'failed'])
      .groupBy('status')
      .execute();
    const of = (status: string) => rows.find((row) => row.status === status);
    return {
      queued: Number(of('pending')?.count ?? 0) + Number(of('sending')?.count ?? 0),
      retrying: Number(of('pending')?.with_error ?? 0) + Number(of('sending')?.with_error ?? 0),
      deadLetters: Number(of('failed')?.count ?? 0),
    };
  },
});
