import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { buildRoundReport, type RoundReport } from '../../core/surveys';
import { assertCoordinator, assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import type { PublishedRoundReport } from '../ports/surveys';

/**
 * A round's survey report (core buildRoundReport: response rates and results under the
 * small-group rule, no free text). Coordinators read and print it; a program coordinator publishes
 * it on the public site, which shows the copy made at that moment until it is published again or
 * withdrawn.
 */
const makeReport = async (store: Store, round: Round, now: Date): Promise<RoundReport> => {
  const surveys = (await store.surveys.listSurveys(round.id)).filter(
    (survey) => survey.status === 'scheduled',
  );
  const counts = await store.surveys.countSurveys(surveys.map((survey) => survey.id));
  const withAnswers = [];
  for (const survey of surveys) {
    withAnswers.push({
      survey,
      responses: await store.surveys.listResponses(survey.id),
      invited: counts.find((count) => count.surveyId === survey.id)?.invited ?? 0,
    });
  }
  return buildRoundReport(round, withAnswers, now);
};

const findRoundOrThrow = async (store: Store, roundId: string): Promise<Round> => {
  const round = await store.rounds.findRound(roundId);
  if (!round) throw new DomainError('NOT_FOUND', 'round.notFound', { id: roundId });
  return round;
};

/** The report as it stands now, and what is published (any coordinator). */
export const loadRoundReport = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<{ report: RoundReport; published: PublishedRoundReport | undefined }> => {
  assertCoordinator(viewer, 'read survey reports');
  const round = await findRoundOrThrow(deps.store, roundId);
  const [report, published] = await Promise.all([
    makeReport(deps.store, round, deps.clock.now()),
    deps.store.surveys.findRoundReport(round.id),
  ]);
  return { report, published };
};

export const publishRoundReport = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<RoundReport> => {
  const coordinator = assertProgramCoordinator(viewer, 'publish survey reports');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await findRoundOrThrow(store, roundId);
    const report = await makeReport(store, round, now);
    if (report.surveys.length === 0)
      throw new DomainError('CONFLICT', 'survey.reportEmpty', { id: round.id });
    await store.surveys.saveRoundReport(report, actorIdOf(coordinator), now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(coordinator),
        action: 'survey.report-published',
        subjectType: 'round',
        subjectId: round.id,
        details: { surveys: report.surveys.map((survey) => survey.surveyId) },
      },
      now,
    );
    return report;
  });
};

export const unpublishRoundReport = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<void> => {
  const coordinator = assertProgramCoordinator(viewer, 'publish survey reports');
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    if (!(await store.surveys.deleteRoundReport(roundId))) return;
    await store.audit.record(
      {
        actorPersonId: actorIdOf(coordinator),
        action: 'survey.report-unpublished',
        subjectType: 'round',
        subjectId: roundId,
        details: {},
      },
      now,
    );
  });
};

/** For the public site: a published report, or NOT_FOUND. */
export const getPublishedRoundReport = async (
  deps: UseCaseDeps,
  roundId: string,
): Promise<PublishedRoundReport> => {
  const published = await deps.store.surveys.findRoundReport(roundId);
  if (!published) throw new DomainError('NOT_FOUND', 'survey.reportNotPublished', { id: roundId });
  return published;
};

export const listPublishedRoundReports = (deps: UseCaseDeps): Promise<PublishedRoundReport[]> =>
  deps.store.surveys.listRoundReports();
