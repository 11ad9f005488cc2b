import type { MatchBoard } from '../../../services/matching/match-board';
import { CsrfField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { matchingPath } from './matching-paths';
import { describeBreach, namesOf } from './matching-words';

/**
 * What coordinators fixed for the next run: partnerships kept together (locks, made from a
 * proposal or by hand) and people kept apart (exclusions), each with a button to undo it; and the
 * locks the run shown could not apply, with the rules they break.
 */
export const FixesSection = ({
  board,
  csrfToken,
  back,
}: {
  board: MatchBoard;
  csrfToken: string;
  back: string;
}) => {
  const words = useShell();
  const { t, locale } = words;
  const base = matchingPath(board.round.id);
  const times = useTimes(board.round.programTimeZone);
  const rejected = board.run?.result.rejectedLocks ?? [];
  return (
    <section aria-labelledby="fixes">
      <h2 id="fixes">{t('matching:fixes.heading')}</h2>
      <p>{t('matching:fixes.intro')}</p>
      <h3>{t('matching:fixes.locksHeading')}</h3>
      {board.locks.length === 0 ? (
        <p>{t('matching:fixes.noLocks')}</p>
      ) : (
        <ul class="fixes-list">
          {board.locks.map((lock) => {
            const names = namesOf(locale, board.people, lock.applicationIds);
            return (
              <li>
                {names}{' '}
                <span class="table__sub">
                  {t('matching:fixes.since', {
                    at: times.format(lock.createdAt),
                  })}
                </span>
                {board.canEdit && (
                  <form
                    method="post"
                    action={`${base}/locks/${encodeURIComponent(lock.id)}/delete`}
                    class="inline-form"
                  >
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="back" value={back} />
                    <button type="submit" class="link-button">
                      {t('matching:actions.unlock')}
                      <span class="visually-hidden"> {t('matching:actions.forNames', { names })}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('matching:fixes.exclusionsHeading')}</h3>
      {board.exclusions.length === 0 ? (
        <p>{t('matching:fixes.noExclusions')}</p>
      ) : (
        <ul class="fixes-list">
          {board.exclusions.map((exclusion) => {
            const names = namesOf(locale, board.people, exclusion.applicationIds);
            return (
              <li>
                {names}{' '}
                <span class="table__sub">
                  {t('matching:fixes.since', {
                    at: times.format(exclusion.createdAt),
                  })}
                </span>
                {board.canEdit && (
                  <form
                    method="post"
                    action={`${base}/exclusions/${encodeURIComponent(exclusion.id)}/delete`}
                    class="inline-form"
                  >
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="back" value={back} />
                    <button type="submit" class="link-button">
                      {t('matching:actions.allowAgain')}
                      <span class="visually-hidden"> {t('matching:actions.forNames', { names })}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {rejected.length > 0 && (
        <div class="notice notice--warning">
          <p class="notice__title">{t('matching:fixes.rejectedHeading', { count: rejected.length })}</p>
          <ul>
            {rejected.map((lock) => (
              <li>
                {namesOf(locale, board.people, lock.applicationIds)}
                <ul>
                  {lock.breaches.map((breach) => (
                    <li>{describeBreach(words, board.people, breach)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
