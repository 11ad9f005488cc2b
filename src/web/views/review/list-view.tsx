import { APPLICATION_STATUSES } from '../../../core/applications/application-status';
import { CAREER_STAGES, SECTORS } from '../../../core/applications/labels';
import { getCountryName } from '../../../core/countries';
import type { Round } from '../../../core/rounds';
import { labelFor } from '../../../i18n/labels';
import type { ShownProblem } from '../../../i18n/problems';
import type { ReviewedApplication } from '../../../services/ports/review';
import { REVIEW_ACTIONS } from '../../../services/review/review-application';
import type { UndoableDecisions } from '../../../services/review/undo-decisions';
import { CsrfField, ErrorSummary, fieldId, SelectField, TextAreaField, TextField } from '../components';
import { useShell } from '../shell-context';
import { Instant, TimeZoneNote } from '../times';
import { PAGE_SIZE, type ReviewQuery, toQueryString } from './review-query';
import { DecisionNotes, UndoPanel } from './undo-panel';

/**
 * The review list: a GET form of filters (htmx swaps only the results when JavaScript is on), the
 * results with a checkbox per row inside the bulk-action form, and paging links.
 */
export interface ApplicationsListProps {
  round: Round;
  query: ReviewQuery;
  items: ReviewedApplication[];
  total: number;
  /** Countries to offer in the country filter (the viewer's, or every country with applications). */
  countryCodes: string[];
  /** Null for program coordinators. */
  scopeCountryCodes: string[] | null;
  isProgramCoordinator: boolean;
  csrfToken: string;
  /** The viewer's latest decisions that can still be undone. */
  undoable?: UndoableDecisions | undefined;
  /** A bulk action that failed: what was chosen, shown again with its problems. */
  bulk?: BulkState | undefined;
}

export interface BulkState {
  ids: string[];
  action: string;
  declineReason: string;
  /** Fields are the bulk form's: `bulk-ids`, `bulk-action`, `bulk-declineReason`. */
  problems: ShownProblem[];
}

/** The bulk form's field for a problem of the bulk action (its ids in the page, for the error summary). */
export const bulkField = (field: string) => `bulk-${field || 'action'}`;

export const applicationsPath = (roundId: string) => `/coordinator/rounds/${roundId}/applications`;

export const ApplicationsListView = (props: ApplicationsListProps) => {
  const { t, locale } = useShell();
  const { round, query } = props;
  const base = applicationsPath(round.id);
  const byName = (codes: string[]) =>
    codes
      .map((code) => ({ value: code, label: getCountryName(code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <section>
      <h1>{t('review:list.title', { round: round.name })}</h1>
      {props.undoable && (
        <UndoPanel
          roundId={round.id}
          programTimeZone={round.programTimeZone}
          undoable={props.undoable}
          back={toQueryString(query)}
          csrfToken={props.csrfToken}
        />
      )}
      <p>
        {props.scopeCountryCodes
          ? t('review:list.scopeCountries', {
              countries: props.scopeCountryCodes.map((code) => getCountryName(code, locale)).join(', '),
            })
          : t('review:list.scopeAll')}
      </p>
      <ul class="toolbar">
        <li>
          <a href={`${base}/counts`}>{t('review:list.countsLink')}</a>
        </li>
        <li>
          <a href={`${base}/export.csv${toQueryString(query, { page: 1 })}`}>{t('review:list.exportCsv')}</a>
        </li>
        {props.isProgramCoordinator && (
          <>
            <li>
              <a href={`/coordinator/rounds/${round.id}/imports/new`}>{t('review:list.importCsv')}</a>
            </li>
            <li>
              <a href={`/coordinator/rounds/${round.id}/waitlist`}>{t('review:list.admitLink')}</a>
            </li>
            <li>
              <a href={`/coordinator/rounds/${round.id}`}>{t('review:list.roundLink')}</a>
            </li>
          </>
        )}
      </ul>
      <p class="field__hint">{t('review:list.exportFormulaNote')}</p>
      <form
        method="get"
        action={base}
        class="filters panel"
        hx-get={base}
        hx-target="#applications-results"
        hx-select="#applications-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <h2 id="filters-heading">{t('review:list.filtersHeading')}</h2>
        <TextField
          type="search"
          name="q"
          id="filter-q"
          label={t('review:list.search')}
          hint={t('review:list.searchHint')}
          value={query.filters.search}
        />
        <SelectField
          name="country"
          id="filter-country"
          label={t('review:list.country')}
          placeholder={t('review:list.any')}
          options={byName(props.countryCodes)}
          value={query.filters.countryCode}
        />
        <SelectField
          name="status"
          id="filter-status"
          label={t('review:list.status')}
          placeholder={t('review:list.any')}
          options={APPLICATION_STATUSES.map((status) => ({
            value: status,
            label: t(`review:status.${status}`),
          }))}
          value={query.filters.status}
        />
        <SelectField
          name="sector"
          id="filter-sector"
          label={t('review:list.sector')}
          placeholder={t('review:list.any')}
          options={SECTORS.map((sector) => ({ value: sector, label: labelFor(t, 'sector', sector) }))}
          value={query.filters.sector}
        />
        <SelectField
          name="careerStage"
          id="filter-career-stage"
          label={t('review:list.careerStage')}
          placeholder={t('review:list.any')}
          options={CAREER_STAGES.map((stage) => ({ value: stage, label: labelFor(t, 'careerStage', stage) }))}
          value={query.filters.careerStage}
        />
        <div class="choice filters__check">
          <input
            id="filter-duplicates"
            type="checkbox"
            name="duplicates"
            value="1"
            checked={query.filters.isLikelyDuplicate ?? false}
          />
          <label for="filter-duplicates">{t('review:list.duplicates')}</label>
        </div>
        <SelectField
          name="sort"
          id="filter-sort"
          label={t('review:list.sort')}
          options={[
            { value: 'submitted', label: t('review:list.sortSubmitted') },
            { value: 'name', label: t('review:list.sortName') },
            { value: 'country', label: t('review:list.sortCountry') },
          ]}
          value={query.sort}
        />
        <div class="actions filters__actions">
          <button type="submit" class="button">
            {t('review:list.apply')}
          </button>{' '}
          <a href={base}>{t('review:list.clear')}</a>
        </div>
      </form>
      <ApplicationsResults {...props} />
    </section>
  );
};

const ApplicationsResults = (props: ApplicationsListProps) => {
  const { t, locale } = useShell();
  const { round, query, items, total, bulk } = props;
  const base = applicationsPath(round.id);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const selected = new Set(bulk?.ids ?? []);
  const problems = bulk?.problems ?? [];
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const idsError = errorOf('bulk-ids');
  const idsId = fieldId('bulk-ids');
  const listQuery = toQueryString(query);
  return (
    <div id="applications-results" aria-live="polite">
      <p class="results-summary">{t('review:list.summary', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('review:list.none')}</p>
      ) : (
        <form method="post" action={`${base}/bulk`}>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="back" value={listQuery} />
          {items.map((application) => (
            <input type="hidden" name="pageIds" value={application.id} />
          ))}
          <fieldset class="bulk-actions panel" id="bulk-actions">
            <legend>{t('review:list.bulkHeading')}</legend>
            {problems.length > 0 && (
              <>
                <ErrorSummary errors={problems} />
                <p>{t('review:list.bulkError')}</p>
              </>
            )}
            <div class={idsError ? 'field field--error' : 'field'}>
              <p class="field__hint" id={`${idsId}-hint`}>
                {t('review:list.selectAllHint')}
              </p>
              {idsError && (
                <p class="field__error" id={`${idsId}-error`}>
                  <span class="visually-hidden">{t('form.errorPrefix')} </span>
                  {idsError}
                </p>
              )}
              <div class="choice">
                <input
                  type="checkbox"
                  id={idsId}
                  name="allOnPage"
                  value="1"
                  data-select-all="ids"
                  aria-describedby={idsError ? `${idsId}-hint ${idsId}-error` : `${idsId}-hint`}
                  aria-invalid={idsError ? 'true' : undefined}
                />
                <label for={idsId}>{t('review:list.selectAll', { count: items.length })}</label>
              </div>
            </div>
            <SelectField
              name="action"
              id={fieldId('bulk-action')}
              label={t('review:list.bulkAction')}
              placeholder={t('review:list.bulkChoose')}
              options={REVIEW_ACTIONS.map((action) => ({
                value: action,
                label: t(`review:actions.${action}`),
              }))}
              value={bulk?.action}
              error={errorOf('bulk-action')}
              required
            />
            <TextAreaField
              name="declineReason"
              id={fieldId('bulk-declineReason')}
              label={t('review:list.bulkReason')}
              hint={t('review:list.bulkReasonHint')}
              value={bulk?.declineReason}
              error={errorOf('bulk-declineReason')}
              rows={2}
              maxlength={1000}
            />
            <DecisionNotes roundStatus={round.status} isQuotaEnabled={round.quota.enabled} />
            <button type="submit" class="button">
              {t('review:list.bulkApply')}
            </button>
          </fieldset>
          <TimeZoneNote pageTimeZone={round.programTimeZone} />
          <div class="table-scroll">
            <table class="table table--stack">
              <caption>{t('review:list.caption', { page: query.page, pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('review:list.columns.select')}</span>
                  </th>
                  <th scope="col">{t('review:list.columns.name')}</th>
                  <th scope="col">{t('review:list.columns.country')}</th>
                  <th scope="col">{t('review:list.columns.sector')}</th>
                  <th scope="col">{t('review:list.columns.careerStage')}</th>
                  <th scope="col">{t('review:list.columns.status')}</th>
                  <th scope="col">{t('review:list.columns.submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((application) => (
                  <tr data-application-id={application.id}>
                    <td class="table__select">
                      <input
                        type="checkbox"
                        name="ids"
                        value={application.id}
                        id={`select-${application.id}`}
                        checked={selected.has(application.id)}
                        data-select="ids"
                        aria-label={t('review:list.selectApplication', { name: application.name })}
                      />
                    </td>
                    <th scope="row">
                      <a href={`${base}/${application.id}${listQuery}`}>{application.name}</a>
                      {application.isLikelyDuplicate && (
                        <>
                          {' '}
                          <span class="tag">{t('review:list.likelyDuplicate')}</span>
                        </>
                      )}
                      <br />
                      <span class="table__sub">{application.answers.role}</span>
                    </th>
                    <td data-label={t('review:list.columns.country')}>
                      {getCountryName(application.countryCode, locale)}
                    </td>
                    <td data-label={t('review:list.columns.sector')}>
                      {labelFor(t, 'sector', application.answers.sector)}
                    </td>
                    <td data-label={t('review:list.columns.careerStage')}>
                      {labelFor(t, 'careerStage', application.answers.careerStage)}
                    </td>
                    <td data-label={t('review:list.columns.status')}>
                      <div class={`tag tag--${application.status}`}>
                        {t(`review:status.${application.status}`)}
                      </div>
                    </td>
                    <td data-label={t('review:list.columns.submitted')}>
                      <Instant at={application.submittedAt} pageTimeZone={round.programTimeZone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      {pages > 1 && (
        <nav aria-label={t('review:list.pagination')} class="pagination">
          <p>{t('review:list.page', { page: query.page, pages })}</p>
          <ul>
            {query.page > 1 && (
              <li>
                <a href={`${base}${toQueryString(query, { page: query.page - 1 })}`} rel="prev">
                  {t('review:list.previous')}
                </a>
              </li>
            )}
            {query.page < pages && (
              <li>
                <a href={`${base}${toQueryString(query, { page: query.page + 1 })}`} rel="next">
                  {t('review:list.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
};
