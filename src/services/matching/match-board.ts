import { DomainError } from '../../core/errors';
import {
  type AttentionItem,
  listAttention,
  type MatchRun,
  type PartnershipExplanation,
} from '../../core/matchmaking';
import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { type MatchSettings, MatchSettingsSchema } from '../../core/scoring/match-settings';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { MatchComment, MatchExclusion, MatchLock, MatchRunSummary } from '../ports/matching';
import type { CountryScope } from '../ports/review';

/** Who a person on the board is: enough to recognise them, never their contact details. */
export interface BoardPerson {
  applicationId: string;
  name: string;
  countryCode: string;
  timeZone: string;
  sector: string;
  careerStage: string;
  role: string;
  /** The application's status now (only accepted applications take part in a run). */
  status: string;
}

export interface MatchBoard {
  round: Round;
  viewer: Viewer;
  settings: MatchSettings;
  runs: MatchRunSummary[];
  /** The run shown (the latest unless another was asked for); undefined before the first run. */
  run:
    | {
        id: string;
        number: number;
        status: string;
        result: MatchRun;
        seconds: number;
        createdAt: Date;
        /** Partnerships worth a look, most telling first (within the viewer's countries). */
        attention: AttentionItem[];
        explanations: Map<string, PartnershipExplanation>;
      }
    | undefined;
  people: Map<string, BoardPerson>;
  locks: MatchLock[];
  exclusions: MatchExclusion[];
  comments: MatchComment[];
  /** Program coordinators, while the round is being matched. */
  canEdit: boolean;
}

/** The key of a partnership: its sorted application ids. */
export const partnershipKey = (applicationIds: readonly string[]): string =>
  [...applicationIds].sort().join('+');

const inScope = (scope: CountryScope, countries: readonly string[]) =>
  scope.kind === 'all' || countries.some((country) => scope.countryCodes.includes(country));

/**
 * The review board of a round's matching, for coordinators: a run's partnerships with their
 * explanations, the attention list first, the unmatched with reasons, the figures, and what
 * coordinators fixed (locks, exclusions, comments). Country coordinators see only partnerships with
 * someone of their countries; only program coordinators change anything.
 */
export const loadMatchBoard = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; runId?: string | undefined },
): Promise<MatchBoard> => {
  const viewer = assertCoordinator(input.viewer, 'see the matching of a round');
  const scope = scopeOf(viewer);
  const round = await deps.store.rounds.getRound(input.roundId);
  const { matching } = deps.store;
  const [runs, stored, candidates, settingsInput, locks, exclusions, comments] = await Promise.all([
    matching.listRuns(round.id),
    input.runId ? matching.findRun(round.id, input.runId) : matching.findLatestRun(round.id),
    matching.listCandidates(round.id),
    matching.findSettings(round.id),
    matching.listLocks(round.id),
    matching.listExclusions(round.id),
    matching.listComments(round.id),
  ]);
  if (input.runId && !stored) {
    throw new DomainError('NOT_FOUND', 'match.runNotFound', { runId: input.runId, roundId: round.id });
  }
  const settings = MatchSettingsSchema.parse(settingsInput ?? {});
  const people = new Map<string, BoardPerson>(
    candidates.map((candidate) => [
      candidate.applicationId,
      {
        applicationId: candidate.applicationId,
        name: candidate.name,
        countryCode: candidate.countryCode,
        timeZone: candidate.answers.timeZone,
        sector: candidate.answers.sector,
        careerStage: candidate.answers.careerStage,
        role: candidate.answers.role,
        status: candidate.status,
      },
    ]),
  );
  const countriesOf = (ids: readonly string[]) => ids.map((id) => people.get(id)?.countryCode ?? '');
  const visible = (ids: readonly string[]) => inScope(scope, countriesOf(ids));

  let run: MatchBoard['run'];
  if (stored) {
    const result: MatchRun = {
      ...stored.result,
      partnerships: stored.result.partnerships.filter((p) => visible(p.applicationIds)),
      unmatched: stored.result.unmatched.filter((u) => visible([u.applicationId])),
      skipped: stored.result.skipped.filter((s) => visible([s.applicationId])),
      rejectedLocks: stored.result.rejectedLocks.filter((lock) => visible(lock.applicationIds)),
      byCountry: stored.result.byCountry.filter((row) => inScope(scope, [row.country])),
    };
    run = {
      id: stored.id,
      number: stored.number,
      status: stored.status,
      result,
      seconds: stored.seconds,
      createdAt: stored.createdAt,
      attention: listAttention(result, settings),
      explanations: new Map(
        stored.explanations
          .filter((explanation) => visible(explanation.applicationIds))
          .map((explanation) => [partnershipKey(explanation.applicationIds), explanation]),
      ),
    };
  }
  return {
    round,
    viewer,
    settings,
    runs,
    run,
    people,
    locks: locks.filter((lock) => visible(lock.applicationIds)),
    exclusions: exclusions.filter((exclusion) => visible(exclusion.applicationIds)),
    comments: comments.filter((comment) => visible(comment.applicationIds)),
    canEdit: viewer.isProgramCoordinator && (round.status === 'closed' || round.status === 'matching'),
  };
};
