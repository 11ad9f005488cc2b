import { CHECK_IN_ANSWERS, type CheckInAnswer } from '../../core/checkins/check-in';
import { countFortnights, fortnightAt } from '../../core/checkins/fortnights';
import {
  type ApplicationWeek,
  FIT_BAND_POINTS,
  type FitBand,
  foldApplicationWeeks,
  foldFitBands,
  percentOf,
} from '../../core/dashboard/round-figures';
import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { type LocalizedText, type SurveyKind, type SurveyPhase, surveyPhaseAt } from '../../core/surveys';
import { listInterventions } from '../checkins/round-check-ins';
import { watchRound } from '../checkins/watch-round';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { CountryScope } from '../ports/review';

/**
 * A round's dashboard: how applications arrived, who takes part, how well the partnerships fit,
 * whether partners check in, whether surveys are answered, how many partnerships need a person,
 * and (program coordinators only: the queue holds everyone's mail) how the mail queue stands.
 * Country coordinators see the figures of their countries. Counting is the database's
 * (ports/dashboard.ts); the intervention count is the check-ins page's own list
 * (listInterventions), so the two always agree.
 */
export interface FortnightFigures {
  fortnight: number;
  counts: Record<CheckInAnswer, number>;
  answered: number;
  /** Answered as a share of today's active participants (0–100), null with none. */
  rate: number | null;
}

export interface SurveyFigures {
  surveyId: string;
  kind: SurveyKind;
  title: LocalizedText;
  phase: SurveyPhase;
  invited: number;
  answered: number;
  rate: number | null;
}

export interface RoundDashboard {
  round: Round;
  /** Null for program coordinators (every country). */
  countryCodes: string[] | null;
  applications: { total: number; weeks: ApplicationWeek[] };
  participants: { total: number; byCountry: { countryCode: string; count: number }[] };
  fit: { partnerships: number; bands: FitBand[] };
  engagement: {
    activeParticipants: number;
    currentFortnight: number | undefined;
    fortnights: FortnightFigures[];
  };
  surveys: SurveyFigures[];
  interventions: { open: number; dismissed: number };
  mail: { queued: number; retrying: number; deadLetters: number } | null;
}

/** Fortnights to show: those begun (all of them once the round is over, none before it starts). */
const fortnightsShown = (round: Round, now: Date): number => {
  if (round.status === 'finished') return countFortnights(round);
  if (round.status !== 'under-way') return 0;
  return fortnightAt(round, now) ?? countFortnights(round);
};

/** The check-ins page's intervention list, counted: read without the people's details it shows. */
const countInterventions = async (
  deps: UseCaseDeps,
  round: Round,
  now: Date,
  scope: CountryScope,
): Promise<{ open: number; dismissed: number }> => {
  const [watch, visibleIds] = await Promise.all([
    watchRound(deps.store, round, now),
    scope.kind === 'all'
      ? Promise.resolve(undefined)
      : deps.store.roundDashboard
          .listApplicationIdsFrom(round.id, scope.countryCodes)
          .then((ids) => new Set(ids)),
  ]);
  const listed = listInterventions(
    watch,
    (memberIds) => !visibleIds || memberIds.some((id) => visibleIds.has(id)),
  );
  return { open: listed.open.length, dismissed: listed.dismissed };
};

export const loadRoundDashboard = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string },
): Promise<RoundDashboard> => {
  const viewer = assertCoordinator(input.viewer, "see a round's dashboard");
  const scope = scopeOf(viewer);
  const { store } = deps;
  const round = await store.rounds.getRound(input.roundId);
  const now = deps.clock.now();
  const figures = store.roundDashboard;
  const surveys = await store.surveys.listSurveys(round.id);
  const [hours, byCountry, active, fitBands, checkIns, responses, interventions, mail] = await Promise.all([
    figures.countApplicationsByHour(round.id, scope),
    figures.countParticipantsByCountry(round.id, scope),
    figures.countActiveParticipants(round.id, scope),
    figures.countPartnershipsByFitBand(round.id, scope, FIT_BAND_POINTS),
    figures.countCheckIns(round.id, scope),
    figures.countSurveyResponses(
      surveys.map((survey) => survey.id),
      scope,
    ),
    countInterventions(deps, round, now, scope),
    viewer.isProgramCoordinator ? figures.countMailHealth() : Promise.resolve(null),
  ]);

  const weeks = foldApplicationWeeks(hours, {
    opensAt: round.applicationsOpenAt,
    closesAt: round.applicationsCloseAt,
  });
  const bands = foldFitBands(fitBands);
  const fortnights: FortnightFigures[] = [];
  for (let fortnight = 1; fortnight <= fortnightsShown(round, now); fortnight++) {
    const counts = Object.fromEntries(CHECK_IN_ANSWERS.map((answer) => [answer, 0])) as Record<
      CheckInAnswer,
      number
    >;
    for (const row of checkIns) if (row.fortnight === fortnight) counts[row.answer] += row.count;
    const answered = CHECK_IN_ANSWERS.reduce((sum, answer) => sum + counts[answer], 0);
    fortnights.push({ fortnight, counts, answered, rate: percentOf(answered, active) });
  }
  return {
    round,
    countryCodes: scope.kind === 'all' ? null : scope.countryCodes,
    applications: { total: weeks.at(-1)?.cumulative ?? 0, weeks },
    participants: {
      total: byCountry.reduce((sum, row) => sum + row.count, 0),
      byCountry: [...byCountry].sort(
        (a, b) => b.count - a.count || a.countryCode.localeCompare(b.countryCode),
      ),
    },
    fit: { partnerships: bands.reduce((sum, band) => sum + band.count, 0), bands },
    engagement: {
      activeParticipants: active,
      currentFortnight: round.status === 'under-way' ? fortnightAt(round, now) : undefined,
      fortnights,
    },
    surveys: surveys.map((survey) => {
      const counts = responses.find((row) => row.surveyId === survey.id);
      const invited = counts?.invited ?? 0;
      const answered = counts?.answered ?? 0;
      return {
        surveyId: survey.id,
        kind: survey.kind,
        title: survey.title,
        phase: surveyPhaseAt(survey, now),
        invited,
        answered,
        rate: percentOf(answered, invited),
      };
    }),
    interventions,
    mail,
  };
};
