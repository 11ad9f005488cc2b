import type { RunComparison } from '../../../core/matchmaking';
import type { Round } from '../../../core/rounds';
import { BackLink } from '../components';
import { useShell } from '../shell-context';
import { comparePath, matchingPath } from './matching-paths';
import { formatNumber, namesOf, nameWithCountry, type People } from './matching-words';
import { ScrollRegion } from './scroll-region';

/**
 * Two runs side by side: the change in total fit and in people matched, how many partnerships stayed
 * the same, and everyone whose partners changed (paged: a round of a thousand can change a lot).
 */
export const COMPARE_PAGE_SIZE = 100;

export interface CompareViewProps {
  round: Round;
  comparison: RunComparison & { beforeNumber: number; afterNumber: number };
  beforeRunId: string;
  afterRunId: string;
  people: People;
  page: number;
  isWholeRound: boolean;
}

const signed = (locale: string, value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(locale, Math.abs(value))}`;

export const CompareView = (props: CompareViewProps) => {
  const words = useShell();
  const { t, locale } = words;
  const { round, comparison, people } = props;
  const pages = Math.max(1, Math.ceil(comparison.changes.length / COMPARE_PAGE_SIZE));
  const page = Math.min(props.page, pages);
  const changes = comparison.changes.slice((page - 1) * COMPARE_PAGE_SIZE, page * COMPARE_PAGE_SIZE);
  const partnersText = (ids: string[]) =>
    ids.length === 0 ? t('matching:compare.alone') : namesOf(locale, people, ids);
  const pageLink = (to: number) =>
    `${comparePath(round.id, props.beforeRunId, props.afterRunId)}${to > 1 ? `&page=${to}` : ''}`;
  return (
    <section>
      <BackLink href={matchingPath(round.id)} label={t('matching:compare.backToBoard')} />
      <h1>
        {t('matching:compare.title', { before: comparison.beforeNumber, after: comparison.afterNumber })}
      </h1>
      <dl class="figures">
        <div class="figures__item">
          <dt>{t('matching:compare.totalFit')}</dt>
          <dd>
            {t('matching:compare.fromTo', {
              before: formatNumber(locale, comparison.totalFitBefore),
              after: formatNumber(locale, comparison.totalFitAfter),
              change: signed(locale, comparison.totalFitChange),
            })}
          </dd>
        </div>
        <div class="figures__item">
          <dt>{t('matching:compare.matched')}</dt>
          <dd>
            {t('matching:compare.fromTo', {
              before: formatNumber(locale, comparison.matchedBefore),
              after: formatNumber(locale, comparison.matchedAfter),
              change: signed(locale, comparison.matchedAfter - comparison.matchedBefore),
            })}
          </dd>
        </div>
        <div class="figures__item">
          <dt>{t('matching:compare.unchanged')}</dt>
          <dd>{formatNumber(locale, comparison.unchangedPartnerships)}</dd>
        </div>
        <div class="figures__item">
          <dt>{t('matching:compare.changed')}</dt>
          <dd>{formatNumber(locale, comparison.changes.length)}</dd>
        </div>
      </dl>
      {!props.isWholeRound && <p>{t('matching:compare.scopeNote')}</p>}
      {comparison.changes.length === 0 ? (
        <p>{t('matching:compare.none')}</p>
      ) : (
        <ScrollRegion labelledBy="changes-caption">
          <table class="table">
            <caption id="changes-caption">{t('matching:compare.caption', { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matching:compare.person')}</th>
                <th scope="col">
                  {t('matching:compare.partnersBefore', { number: comparison.beforeNumber })}
                </th>
                <th scope="col">{t('matching:compare.partnersAfter', { number: comparison.afterNumber })}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr>
                  <th scope="row">{nameWithCountry(words, people, change.applicationId)}</th>
                  <td>{partnersText(change.before)}</td>
                  <td>{partnersText(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pages > 1 && (
        <nav aria-label={t('matching:compare.pagination')} class="pagination">
          <p>{t('matching:partnerships.page', { page, pages })}</p>
          <ul>
            {page > 1 && (
              <li>
                <a href={pageLink(page - 1)} rel="prev">
                  {t('matching:partnerships.previous')}
                </a>
              </li>
            )}
            {page < pages && (
              <li>
                <a href={pageLink(page + 1)} rel="next">
                  {t('matching:partnerships.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
};
