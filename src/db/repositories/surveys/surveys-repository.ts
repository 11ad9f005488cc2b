import type { Kysely, Selectable } from 'kysely';
import type { RoundReport } from '../../../core/surveys/round-report';
import { type LocalizedText, SURVEY_KINDS, SURVEY_STATUSES, type Survey } from '../../../core/surveys/survey';
import { AnswerSetSchema } from '../../../core/surveys/survey-answers';
import { parseStoredDefinition } from '../../../core/surveys/survey-definition';
import type { SurveyCounts, SurveysRepository } from '../../../services/ports/surveys';
import type { Database } from '../../schema';
import type { SurveysTable } from '../../tables/surveys';

const toSurvey = (row: Selectable<SurveysTable>): Survey => {
  const kind = SURVEY_KINDS.find((value) => value === row.kind);
  const status = SURVEY_STATUSES.find((value) => value === row.status);
  if (!kind || !status) throw new Error(`survey ${row.id} has kind ${row.kind} and status ${row.status}`);
  return {
    id: row.id,
    roundId: row.round_id,
    kind,
    title: JSON.parse(row.title) as LocalizedText,
    definition: parseStoredDefinition(row.definition),
    status,
    sendAt: new Date(row.send_at),
    remindAt: new Date(row.remind_at),
    closesAt: new Date(row.closes_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
};

const surveyColumns = (survey: Survey) => ({
  kind: survey.kind,
  title: JSON.stringify(survey.title),
  definition: JSON.stringify(survey.definition),
  status: survey.status,
  send_at: survey.sendAt.toISOString(),
  remind_at: survey.remindAt.toISOString(),
  closes_at: survey.closesAt.toISOString(),
  updated_at: survey.updatedAt.toISOString(),
});

/** Only the fields a response keeps; anything else in the answers JSON is not read. */
const attributeOf = (answers: string, field: 'sector' | 'careerStage' | 'timeZone'): string => {
  try {
    const value = (JSON.parse(answers) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
};

export const createSurveysRepository = (db: Kysely<Database>): SurveysRepository => {
  /**
   * The round's participants: members of its partnerships who have not left one (withdrawn, or
   * removed as inactive). A member whose partnership ended with the round (`partnership-ended`) is
   * still one, so the end-of-round survey reaches them after partnerships close.
   */
  const activeParticipants = (roundId: string) =>
    db
      .selectFrom('applications as a')
      .where('a.round_id', '=', roundId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_members as pm')
            .innerJoin('partnerships as p', 'p.id', 'pm.partnership_id')
            .select('pm.application_id')
            .whereRef('pm.application_id', '=', 'a.id')
            .where('p.round_id', '=', roundId)
            .where((member) =>
              member.or([
                member('pm.left_at', 'is', null),
                member('pm.left_reason', '=', 'partnership-ended'),
              ]),
            ),
        ),
      );

  return {
    insertSurvey: async (survey, createdByPersonId) => {
      await db
        .insertInto('surveys')
        .values({
          id: survey.id,
          round_id: survey.roundId,
          ...surveyColumns(survey),
          created_by_person_id: createdByPersonId,
          created_at: survey.createdAt.toISOString(),
        })
        .execute();
    },
    saveSurvey: async (survey) => {
      const result = await db
        .updateTable('surveys')
        .set(surveyColumns(survey))
        .where('id', '=', survey.id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    findSurvey: async (id) => {
      const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSurvey(row) : undefined;
    },
    listSurveys: async (roundId) => {
      let query = db.selectFrom('surveys').selectAll();
      if (roundId !== undefined) query = query.where('round_id', '=', roundId);
      return (await query.orderBy('send_at').orderBy('id').execute()).map(toSurvey);
    },
    listScheduledOpenSurveys: async (now) =>
      (
        await db
          .selectFrom('surveys')
          .selectAll()
          .where('status', '=', 'scheduled')
          .where('closes_at', '>', now.toISOString())
          .orderBy('send_at')
          .execute()
      ).map(toSurvey),
    listSurveysOfKind: async (kind) =>
      (await db.selectFrom('surveys').selectAll().where('kind', '=', kind).orderBy('send_at').execute()).map(
        toSurvey,
      ),

    listSurveyRecipients: async ({ surveyId, roundId, kind, remindAt, limit }) => {
      let query = activeParticipants(roundId)
        .select(['a.id', 'a.name', 'a.email', 'a.locale', 'a.answers'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('survey_deliveries as d')
                .select('d.application_id')
                .where('d.survey_id', '=', surveyId)
                .whereRef('d.application_id', '=', 'a.id')
                .where('d.kind', '=', kind),
            ),
          ),
        );
      if (kind === 'reminder') {
        query = query
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('survey_deliveries as i')
                .select('i.application_id')
                .where('i.survey_id', '=', surveyId)
                .whereRef('i.application_id', '=', 'a.id')
                .where('i.kind', '=', 'invitation')
                .where('i.sent_at', '<', remindAt.toISOString()),
            ),
          )
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('survey_respondents as r')
                  .select('r.application_id')
                  .where('r.survey_id', '=', surveyId)
                  .whereRef('r.application_id', '=', 'a.id'),
              ),
            ),
          );
      }
      const rows = await query.orderBy('a.id').limit(limit).execute();
      return rows.map((row) => ({
        applicationId: row.id,
        name: row.name,
        email: row.email,
        locale: row.locale ?? 'en',
        timeZone: attributeOf(row.answers, 'timeZone') || 'UTC',
      }));
    },
    recordDeliveries: async ({ surveyId, kind, applicationIds, now }) => {
      if (applicationIds.length === 0) return new Set();
      const sentAt = now.toISOString();
      const inserted = await db
        .insertInto('survey_deliveries')
        .values(
          applicationIds.map((applicationId) => ({
            survey_id: surveyId,
            application_id: applicationId,
            kind,
            sent_at: sentAt,
          })),
        )
        .onConflict((oc) => oc.columns(['survey_id', 'application_id', 'kind']).doNothing())
        .returning('application_id')
        .execute();
      return new Set(inserted.map((row) => row.application_id));
    },
    insertLinks: async (links, now) => {
      if (links.length === 0) return;
      await db
        .insertInto('survey_links')
        .values(
          links.map((link) => ({
            token_hash: link.tokenHash,
            survey_id: link.surveyId,
            application_id: link.applicationId,
            expires_at: link.expiresAt.toISOString(),
            created_at: now.toISOString(),
          })),
        )
        .execute();
    },
    lockScheduledSurvey: async (surveyId) => {
      // An UPDATE that changes nothing still locks the row until the transaction ends.
      const result = await db
        .updateTable('surveys')
        .set((eb) => ({ status: eb.ref('status') }))
        .where('id', '=', surveyId)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    hasDeliveries: async (surveyId) =>
      (await db
        .selectFrom('survey_deliveries')
        .select('survey_id')
        .where('survey_id', '=', surveyId)
        .limit(1)
        .executeTakeFirst()) !== undefined,

    findLink: async (tokenHash) => {
      const row = await db
        .selectFrom('survey_links')
        .select(['survey_id', 'application_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row
        ? { surveyId: row.survey_id, applicationId: row.application_id, expiresAt: new Date(row.expires_at) }
        : undefined;
    },
    hasAnswered: async (surveyId, applicationId) =>
      (await db
        .selectFrom('survey_respondents')
        .select('survey_id')
        .where('survey_id', '=', surveyId)
        .where('application_id', '=', applicationId)
        .executeTakeFirst()) !== undefined,
    recordRespondent: async (surveyId, applicationId, answeredOn) => {
      const result = await db
        .insertInto('survey_respondents')
        .values({ survey_id: surveyId, application_id: applicationId, answered_on: answeredOn })
        .onConflict((oc) => oc.columns(['survey_id', 'application_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    findReportingAttributes: async (applicationId) => {
      const row = await db
        .selectFrom('applications')
        .select(['country_code', 'answers'])
        .where('id', '=', applicationId)
        .executeTakeFirst();
      return row
        ? {
            country: row.country_code,
            sector: attributeOf(row.answers, 'sector'),
            careerStage: attributeOf(row.answers, 'careerStage'),
          }
        : undefined;
    },
    insertResponse: async (response) => {
      await db
        .insertInto('survey_responses')
        .values({
          id: response.id,
          survey_id: response.surveyId,
          answers: JSON.stringify(response.answers),
          country_code: response.attributes.country,
          sector: response.attributes.sector,
          career_stage: response.attributes.careerStage,
        })
        .execute();
    },

    listResponses: async (surveyId) =>
      (
        await db
          .selectFrom('survey_responses')
          .select(['answers', 'country_code', 'sector', 'career_stage'])
          .where('survey_id', '=', surveyId)
          .orderBy('id')
          .execute()
      ).map((row) => ({
        answers: AnswerSetSchema.parse(JSON.parse(row.answers)),
        attributes: { country: row.country_code, sector: row.sector, careerStage: row.career_stage },
      })),
    countSurveys: async (surveyIds) => {
      if (surveyIds.length === 0) return [];
      const [deliveries, respondents] = await Promise.all([
        db
          .selectFrom('survey_deliveries')
          .select((eb) => ['survey_id', 'kind', eb.fn.countAll<number>().as('count')])
          .where('survey_id', 'in', surveyIds)
          .groupBy(['survey_id', 'kind'])
          .execute(),
        db
          .selectFrom('survey_respondents')
          .select((eb) => ['survey_id', eb.fn.countAll<number>().as('count')])
          .where('survey_id', 'in', surveyIds)
          .groupBy('survey_id')
          .execute(),
      ]);
      return surveyIds.map((surveyId): SurveyCounts => {
        const delivered = (kind: string) =>
          Number(deliveries.find((row) => row.survey_id === surveyId && row.kind === kind)?.count ?? 0);
        return {
          surveyId,
          invited: delivered('invitation'),
          reminded: delivered('reminder'),
          answered: Number(respondents.find((row) => row.survey_id === surveyId)?.count ?? 0),
        };
      });
    },

    saveRoundReport: async (report, publishedByPersonId, now) => {
      const values = {
        report: JSON.stringify(report),
        published_at: now.toISOString(),
        published_by_person_id: publishedByPersonId,
      };
      await db
        .insertInto('survey_round_reports')
        .values({ round_id: report.roundId, ...values })
        .onConflict((oc) => oc.column('round_id').doUpdateSet(values))
        .execute();
    },
    deleteRoundReport: async (roundId) => {
      const result = await db
        .deleteFrom('survey_round_reports')
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    findRoundReport: async (roundId) => {
      const row = await db
        .selectFrom('survey_round_reports')
        .selectAll()
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      return row
        ? {
            roundId: row.round_id,
            report: JSON.parse(row.report) as RoundReport,
            publishedAt: new Date(row.published_at),
          }
        : undefined;
    },
    listRoundReports: async () =>
      (await db.selectFrom('survey_round_reports').selectAll().execute())
        .map((row) => ({
          roundId: row.round_id,
          report: JSON.parse(row.report) as RoundReport,
          publishedAt: new Date(row.published_at),
        }))
        .sort((a, b) => b.report.startsOn.localeCompare(a.report.startsOn)),
  };
};
