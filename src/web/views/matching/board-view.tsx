import type { Child } from 'hono/jsx';
import { getCountryName } from '../../../core/countries';
import { MATCH_OBJECTIVES } from '../../../core/matchmaking';
import type { ShownProblem } from '../../../i18n/problems';
import { BackLink, CsrfField, ErrorSummary, RadioGroup } from '../components';
import { useShell } from '../shell-context';
import { type BoardPageModel, toBoardQueryString } from './board-model';
import { AttentionSection, PartnershipsSection, UnmatchedSection } from './board-sections';
import { FixesSection } from './fixes-view';
import { matchingPath, pairPath } from './matching-paths';
import type { CardContext } from './partnership-card';
import { RunSummary } from './run-summary-view';
import { CompareForm, RunsTable } from './runs-view';

/**
 * A round's matching board: run matching (program coordinators, while the round is closed or
 * being matched), the runs so far, and the run shown: its figures, the partnerships worth a look
 * first, then every partnership with its explanation, the people left without a partner, and what
 * coordinators fixed for the next run.
 */
export interface MatchingBoardProps {
  model: BoardPageModel;
  csrfToken: string;
  /** Problems with a run just asked for (a bad objective). */
  runProblems?: ShownProblem[];
  /** The way to publish the run shown, when it may be (a program coordinator, a proposed run). */
  publishControl?: Child;
}

const RunForm = ({
  roundId,
  problems,
  csrfToken,
}: {
  roundId: string;
  problems: ShownProblem[];
  csrfToken: string;
}) => {
  const { t } = useShell();
  return (
    <form method="post" action={`${matchingPath(roundId)}/runs`} class="panel">
      <h2 id="run-matching">{t('matching:run.heading')}</h2>
      <ErrorSummary errors={problems} />
      <p>{t('matching:run.intro')}</p>
      <CsrfField token={csrfToken} />
      <RadioGroup
        name="objective"
        legend={t('matching:run.objectiveLegend')}
        options={MATCH_OBJECTIVES.map((objective) => ({
          value: objective,
          label: t(`matching:objective.${objective}.label`),
          hint: t(`matching:objective.${objective}.hint`),
        }))}
        value="total-fit"
        required
        error={problems.find((problem) => problem.field === 'objective')?.message}
      />
      <button type="submit" class="button">
        {t('matching:run.submit')}
      </button>
    </form>
  );
};

export const MatchingBoardView = ({
  model,
  csrfToken,
  runProblems = [],
  publishControl,
}: MatchingBoardProps) => {
  const { t, locale } = useShell();
  const { board, query } = model;
  const { round, viewer } = board;
  const back = `${matchingPath(round.id)}${toBoardQueryString(query)}`;
  const context: CardContext | undefined = board.run && {
    roundId: round.id,
    runId: board.run.id,
    people: board.people,
    weights: board.settings.weights,
    programTimeZone: round.programTimeZone,
    canEdit: board.canEdit,
    csrfToken,
    back,
  };
  return (
    <section>
      <BackLink
        href={
          viewer.isProgramCoordinator ? `/coordinator/rounds/${encodeURIComponent(round.id)}` : '/coordinator'
        }
        label={t(
          viewer.isProgramCoordinator ? 'matching:board.backToRound' : 'matching:board.backToDashboard',
        )}
      />
      <h1>{t('matching:board.title', { round: round.name })}</h1>
      <p class="lead">
        {t('matching:board.stage', { status: t(`review:roundStatus.${round.status}`) })}{' '}
        {viewer.isProgramCoordinator
          ? t('matching:board.scopeAll')
          : t('matching:board.scopeCountries', {
              countries: viewer.coordinatedCountryCodes
                .map((code) => getCountryName(code, locale))
                .join(', '),
            })}
      </p>
      {viewer.isProgramCoordinator && (
        <ul class="toolbar">
          <li>
            <a href={`${matchingPath(round.id)}/settings`}>{t('matching:board.settingsLink')}</a>
          </li>
          {board.canEdit && (
            <li>
              <a href={pairPath(round.id)}>{t('matching:board.pairLink')}</a>
            </li>
          )}
        </ul>
      )}
      {viewer.isProgramCoordinator && !board.canEdit && <p>{t('matching:board.notMatchable')}</p>}
      {board.canEdit ? (
        <RunForm roundId={round.id} problems={runProblems} csrfToken={csrfToken} />
      ) : (
        // A run posted where the form is not shown (a round not in matching) still says what was wrong.
        <ErrorSummary errors={runProblems} />
      )}
      {board.runs.length > 0 && (
        <section aria-labelledby="runs">
          <h2 id="runs">{t('matching:runs.heading')}</h2>
          <RunsTable
            roundId={round.id}
            runs={board.runs}
            shownRunId={board.run?.id}
            timeZone={round.programTimeZone}
          />
          {board.runs.length > 1 && <CompareForm roundId={round.id} runs={board.runs} />}
        </section>
      )}
      {board.run && context ? (
        <>
          <RunSummary
            run={board.run}
            timeZone={round.programTimeZone}
            isWholeRound={viewer.isProgramCoordinator}
            publishControl={publishControl}
          />
          <AttentionSection model={model} />
          <PartnershipsSection model={model} context={context} />
          <UnmatchedSection model={model} />
        </>
      ) : (
        <p>{t('matching:board.noRun')}</p>
      )}
      <FixesSection board={board} csrfToken={csrfToken} back={back} />
    </section>
  );
};
