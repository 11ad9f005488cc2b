import type { PublishPreview } from '../../../services/matching/publish-run';
import { CsrfField } from '../components';
import { useShell } from '../shell-context';
import { matchingPath } from './matching-paths';
import { formatNumber } from './matching-words';

export const publishPath = (roundId: string, runId: string): string =>
  `${matchingPath(roundId)}/runs/${encodeURIComponent(runId)}/publish`;

/** On the board, under a proposed run a program coordinator may publish: the way to the confirmation step. */
export const PublishLink = ({ roundId, runId }: { roundId: string; runId: string }) => {
  const { t } = useShell();
  return (
    <p class="actions">
      <a class="button" href={publishPath(roundId, runId)}>
        {t('matching:publish.link')}
      </a>{' '}
      <span class="field__hint">{t('matching:publish.linkHint')}</span>
    </p>
  );
};

/**
 * The yes/no step before publishing: publishing emails every partner an introduction with their
 * partner's contact address and cannot be undone, so the counts are shown first, and a run that may
 * not be published says why instead of offering the button.
 */
export const PublishConfirmView = ({
  preview,
  refusal,
  csrfToken,
}: {
  preview: PublishPreview;
  /** Why the run may not be published, in words (the preview's refusal, translated). */
  refusal: string | undefined;
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const { round, run } = preview;
  const figures: [string, number][] = [
    [t('matching:publish.partnerships'), preview.partnerships],
    [t('matching:publish.trios'), preview.trios],
    [t('matching:publish.participants'), preview.participants],
    [t('matching:publish.unmatched'), preview.unmatched],
  ];
  return (
    <section>
      <h1>{t('matching:publish.title', { number: run.number, round: round.name })}</h1>
      <dl class="figures">
        {figures.map(([label, value]) => (
          <div class="figures__item">
            <dt>{label}</dt>
            <dd>{formatNumber(locale, value)}</dd>
          </div>
        ))}
      </dl>
      {refusal ? (
        <>
          <p class="notice notice--error" role="alert">
            {refusal}
          </p>
          <p>
            <a href={matchingPath(round.id)}>{t('matching:publish.back')}</a>
          </p>
        </>
      ) : (
        <form method="post" action={publishPath(round.id, run.id)}>
          <CsrfField token={csrfToken} />
          <p>{t('matching:publish.body', { count: preview.participants })}</p>
          <p>{t('matching:publish.unmatchedNote', { count: preview.unmatched })}</p>
          <p class="actions">
            <button type="submit" class="button">
              {t('matching:publish.button', { count: preview.participants })}
            </button>{' '}
            <a href={matchingPath(round.id)}>{t('matching:publish.cancel')}</a>
          </p>
        </form>
      )}
    </section>
  );
};
