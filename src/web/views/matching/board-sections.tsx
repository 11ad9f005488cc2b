import { getCountryName } from '../../../core/countries';
import { describeUnmatched } from '../../../i18n/partners';
import { partnershipKey } from '../../../services/matching/match-board';
import { SelectField, TextField } from '../components';
import { useShell } from '../shell-context';
import { BOARD_PAGE_SIZE, type BoardPageModel, toBoardQueryString } from './board-model';
import { matchingPath, pairPath, partnershipPath } from './matching-paths';
import { describeAttention, formatNumber, namesOf, nameWithCountry } from './matching-words';
import { type CardContext, PartnershipCard } from './partnership-card';

/** The board's lists: the attention list, every partnership (filtered and paged), the unmatched. */

export const AttentionSection = ({ model }: { model: BoardPageModel }) => {
  const words = useShell();
  const { t, locale } = words;
  const { board, query } = model;
  const run = board.run!;
  return (
    <section aria-labelledby="attention">
      <h2 id="attention">{t('matching:attention.heading')}</h2>
      {model.attentionTotal === 0 ? (
        <p>{t('matching:attention.none')}</p>
      ) : (
        <>
          <p>{t('matching:attention.intro', { count: model.attentionTotal })}</p>
          <ol class="attention-list">
            {model.attention.map((item) => (
              <li>
                <a href={partnershipPath(board.round.id, partnershipKey(item.applicationIds), run.id)}>
                  {namesOf(locale, board.people, item.applicationIds)}
                </a>{' '}
                <span class="table__sub">
                  {t('matching:partnership.fit', { fit: formatNumber(locale, item.fit) })}
                </span>
                <ul>
                  {item.reasons.map((reason) => (
                    <li>{describeAttention(words, board.people, reason)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {model.attentionTotal > model.attention.length && (
            <p>
              <a
                href={`${matchingPath(board.round.id)}${toBoardQueryString({ ...query, show: 'attention', page: 1 })}#partnerships`}
              >
                {t('matching:attention.all', { count: model.attentionTotal })}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
};

const PartnershipFilters = ({ model }: { model: BoardPageModel }) => {
  const { t, locale } = useShell();
  const { board, query } = model;
  const countries = [...new Set([...board.people.values()].map((person) => person.countryCode))]
    .map((code) => ({ value: code, label: getCountryName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <form method="get" action={`${matchingPath(board.round.id)}#partnerships`} class="filters panel">
      {query.runId && <input type="hidden" name="run" value={query.runId} />}
      <TextField
        type="search"
        name="q"
        id="filter-q"
        label={t('matching:partnerships.search')}
        value={query.search}
      />
      <SelectField
        name="country"
        id="filter-country"
        label={t('matching:partnerships.country')}
        placeholder={t('matching:partnerships.anyCountry')}
        options={countries}
        value={query.country}
      />
      <SelectField
        name="show"
        id="filter-show"
        label={t('matching:partnerships.show')}
        options={[
          { value: 'all', label: t('matching:partnerships.showAll') },
          { value: 'attention', label: t('matching:partnerships.showAttention') },
        ]}
        value={query.show}
      />
      <SelectField
        name="sort"
        id="filter-sort"
        label={t('matching:partnerships.sort')}
        options={[
          { value: 'fit', label: t('matching:partnerships.sortFit') },
          { value: 'fit-desc', label: t('matching:partnerships.sortFitDesc') },
          { value: 'name', label: t('matching:partnerships.sortName') },
        ]}
        value={query.sort}
      />
      <div class="actions filters__actions">
        <button type="submit" class="button">
          {t('matching:partnerships.apply')}
        </button>
      </div>
    </form>
  );
};

export const PartnershipsSection = ({ model, context }: { model: BoardPageModel; context: CardContext }) => {
  const { t } = useShell();
  const { board, query, page, pages } = model;
  const base = matchingPath(board.round.id);
  return (
    <section aria-labelledby="partnerships">
      <h2 id="partnerships">{t('matching:partnerships.heading')}</h2>
      <PartnershipFilters model={model} />
      <p class="results-summary" aria-live="polite">
        {t('matching:partnerships.summary', {
          count: model.total,
          from: model.total === 0 ? 0 : (page - 1) * BOARD_PAGE_SIZE + 1,
          to: Math.min(model.total, page * BOARD_PAGE_SIZE),
        })}
      </p>
      {model.cards.length === 0 ? (
        <p>{t('matching:partnerships.none')}</p>
      ) : (
        model.cards.map((card) => <PartnershipCard card={card} context={context} />)
      )}
      {pages > 1 && (
        <nav aria-label={t('matching:partnerships.pagination')} class="pagination">
          <p>{t('matching:partnerships.page', { page, pages })}</p>
          <ul>
            {page > 1 && (
              <li>
                <a href={`${base}${toBoardQueryString(query, { page: page - 1 })}#partnerships`} rel="prev">
                  {t('matching:partnerships.previous')}
                </a>
              </li>
            )}
            {page < pages && (
              <li>
                <a href={`${base}${toBoardQueryString(query, { page: page + 1 })}#partnerships`} rel="next">
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

/** How many of the unmatched the board lists (the pair-by-hand page lists them all). */
const UNMATCHED_SHOWN = 50;

export const UnmatchedSection = ({ model }: { model: BoardPageModel }) => {
  const words = useShell();
  const { t } = words;
  const { board } = model;
  const unmatched = board.run?.result.unmatched ?? [];
  const canPair = board.canEdit;
  return (
    <section aria-labelledby="unmatched">
      <h2 id="unmatched">{t('matching:unmatchedList.heading')}</h2>
      {unmatched.length === 0 ? (
        <p>{t('matching:unmatchedList.none')}</p>
      ) : (
        <>
          <p>{t('matching:unmatchedList.intro', { count: unmatched.length })}</p>
          <ul class="unmatched-list">
            {unmatched.slice(0, UNMATCHED_SHOWN).map((person) => (
              <li>
                <strong>{nameWithCountry(words, board.people, person.applicationId)}</strong>
                <br />
                {describeUnmatched(words.t, person)}
                {canPair && (
                  <>
                    {' '}
                    <a
                      href={pairPath(board.round.id, {
                        first: person.applicationId,
                        firstCountry: board.people.get(person.applicationId)?.countryCode,
                      })}
                    >
                      {t('matching:unmatchedList.pair')}
                      <span class="visually-hidden">
                        {' '}
                        {t('matching:actions.forNames', {
                          names: board.people.get(person.applicationId)?.name,
                        })}
                      </span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
          {unmatched.length > UNMATCHED_SHOWN && canPair && (
            <p>
              <a href={pairPath(board.round.id)}>
                {t('matching:unmatchedList.more', { count: unmatched.length })}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
};
