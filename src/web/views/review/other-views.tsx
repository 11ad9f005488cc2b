import {
  CONSTANT_YES_FIELDS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
} from '../../../core/applications/csv-columns';
import { getCountryName } from '../../../core/countries';
import type { Round } from '../../../core/rounds';
import { labelFor } from '../../../i18n/labels';
import { type ShownProblem, translateProblem } from '../../../i18n/problems';
import type { ApplicationCounts } from '../../../services/ports/review';
import type { AdmitFromWaitlistResult } from '../../../services/review/admit-from-waitlist';
import type { ImportPreview, ImportReport } from '../../../services/review/import-applications';
import type { QuotaPreview } from '../../../services/rounds/settle-country-quota';
import {
  BackLink,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
} from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { applicationsPath } from './list-view';

/** Counts, waitlist admission and the three steps of the CSV import. */

/** A table of counts; a row with `href` links its label and count to the list it counts. */
const CountTable = ({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; count: number; href?: string }[];
}) => {
  const { t } = useShell();
  return (
    <table class="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" class="num">
            {t('review:counts.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
            <td class="num">
              {row.href ? (
                <a href={row.href} class="counts-link" aria-label={`${row.label}: ${row.count}`}>
                  {row.count}
                </a>
              ) : (
                row.count
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

export const CountsView = ({
  round,
  counts,
  quota,
}: {
  round: Round;
  counts: ApplicationCounts;
  /** Only while the round takes applications: what the close would settle. */
  quota?: QuotaPreview | undefined;
}) => {
  const { t, locale } = useShell();
  const list = applicationsPath(round.id);
  return (
    <section>
      <BackLink href={list} label={t('review:counts.backToList')} />
      <h1>{t('review:counts.title', { round: round.name })}</h1>
      <p class="lead">
        <a href={list}>{t('review:counts.total', { count: counts.total })}</a>
      </p>
      <div class="counts-grid">
        <CountTable
          caption={t('review:counts.byStatus')}
          rows={Object.entries(counts.byStatus).map(([status, count]) => ({
            label: t(`review:status.${status}`),
            count: count ?? 0,
            href: `${list}?status=${encodeURIComponent(status)}`,
          }))}
        />
        <CountTable
          caption={t('review:counts.byCountry')}
          rows={counts.byCountry.map((row) => ({
            label: getCountryName(row.countryCode, locale),
            count: row.count,
            href: `${list}?country=${encodeURIComponent(row.countryCode)}`,
          }))}
        />
        <CountTable
          caption={t('review:counts.bySector')}
          rows={counts.bySector.map((row) => ({
            label: labelFor(t, 'sector', row.sector),
            count: row.count,
            href: `${list}?sector=${encodeURIComponent(row.sector)}`,
          }))}
        />
      </div>
      {quota && <QuotaPreviewSection quota={quota} list={list} />}
    </section>
  );
};

const QuotaPreviewSection = ({ quota, list }: { quota: QuotaPreview; list: string }) => {
  const { t, locale } = useShell();
  return (
    <section aria-labelledby="quota-preview">
      <h2 id="quota-preview">{t('review:counts.quotaHeading')}</h2>
      {quota.capPerCountry === null ? (
        <p>{t('review:counts.quotaOff')}</p>
      ) : (
        <>
          <p>{t('review:counts.quotaIntro', { cap: quota.capPerCountry })}</p>
          {quota.overCap.length === 0 ? (
            <p>{t('review:counts.quotaNone')}</p>
          ) : (
            <CountTable
              caption={t('review:counts.quotaOver')}
              rows={quota.overCap.map((row) => ({
                label: getCountryName(row.countryCode, locale),
                count: row.waitlisted,
                href: `${list}?country=${encodeURIComponent(row.countryCode)}&status=pending`,
              }))}
            />
          )}
        </>
      )}
    </section>
  );
};

export const AdmitView = ({
  round,
  preview,
  places,
  csrfToken,
  problems,
}: {
  round: Round;
  preview: AdmitFromWaitlistResult;
  places: string;
  csrfToken: string;
  problems: ShownProblem[];
}) => {
  const { t, locale } = useShell();
  const times = useTimes(round.programTimeZone);
  const base = `/coordinator/rounds/${round.id}/waitlist`;
  const cap = Number.isFinite(preview.capPerCountry) ? String(preview.capPerCountry) : '∞';
  return (
    <section>
      <BackLink href={applicationsPath(round.id)} label={t('review:counts.backToList')} />
      <h1>{t('review:admit.title', { round: round.name })}</h1>
      <p class="lead">{t('review:admit.intro', { cap })}</p>
      <form method="get" action={base} class="inline-form">
        <ErrorSummary errors={problems} />
        <TextField
          name="places"
          label={t('review:admit.places')}
          hint={t('review:admit.placesHint')}
          value={places}
          error={problems.find((problem) => problem.field === 'places')?.message}
          inputmode="numeric"
        />
        <button type="submit" class="button button--secondary">
          {t('review:admit.preview')}
        </button>
      </form>
      <h2>{t('review:admit.previewHeading')}</h2>
      {preview.admitted.length === 0 ? (
        <p>{t('review:admit.nobody')}</p>
      ) : (
        <>
          <p>{t('review:admit.wouldAdmit', { count: preview.admitted.length })}</p>
          <ol class="admit-list">
            {preview.admitted.map((row) => (
              <li>
                {row.name} ({getCountryName(row.countryCode, locale)}, {times.format(row.submittedAt)})
              </li>
            ))}
          </ol>
          <p>{t('review:admit.stillWaitlisted', { count: preview.stillWaitlisted })}</p>
          <form method="post" action={base}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="places" value={places} />
            <button type="submit" class="button">
              {t('review:admit.confirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
};

export const UploadView = ({
  round,
  csrfToken,
  problems,
}: {
  round: Round;
  csrfToken: string;
  problems: ShownProblem[];
}) => {
  const { t } = useShell();
  const error = problems.find((problem) => problem.field === 'file')?.message;
  return (
    <section>
      <BackLink href={applicationsPath(round.id)} label={t('review:import.backToList')} />
      <h1>{t('review:import.title', { round: round.name })}</h1>
      <p class="lead">{t('review:import.intro')}</p>
      <p>{t('review:import.formulaNote')}</p>
      <form method="post" action={`/coordinator/rounds/${round.id}/imports`} enctype="multipart/form-data">
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems} />
        <div class={error ? 'field field--error' : 'field'}>
          <label class="field__label" for="field-file">
            {t('review:import.file')}
          </label>
          <p class="field__hint" id="field-file-hint">
            {t('review:import.fileHint')}
          </p>
          {error && (
            <p class="field__error" id="field-file-error">
              {error}
            </p>
          )}
          <input
            class="field__input"
            id="field-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby={error ? 'field-file-hint field-file-error' : 'field-file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">
          {t('review:import.upload')}
        </button>
      </form>
    </section>
  );
};

export const MappingView = ({
  round,
  preview,
  mapping,
  skipBadRows,
  report,
  csrfToken,
  problems,
}: {
  round: Round;
  preview: ImportPreview;
  mapping: Record<string, string>;
  skipBadRows: boolean;
  report?: ImportReport | undefined;
  csrfToken: string;
  problems: ShownProblem[];
}) => {
  const { t } = useShell();
  const columnOptions = preview.headers.map((header, index) => ({
    value: String(index),
    label: t('review:import.column', { number: index + 1, header: header || '—' }),
  }));
  const fieldLabel = (field: string) =>
    field ? t(`review:import.fields.${field}`) : t('review:import.wholeRow');
  return (
    <section>
      <BackLink href={applicationsPath(round.id)} label={t('review:import.backToList')} />
      <h1>{t('review:import.title', { round: round.name })}</h1>
      {report?.isImported && (
        <Notice kind="success">
          <p>
            {t('review:import.imported', {
              imported: report.imported,
              rows: report.rowCount,
              waitlisted: report.waitlisted,
              duplicates: report.duplicatesFlagged,
            })}
          </p>
        </Notice>
      )}
      {report && report.problems.length > 0 && (
        <section aria-labelledby="report-heading" class="import-report">
          <h2 id="report-heading">{t('review:import.reportHeading')}</h2>
          {!report.isImported && (
            <Notice kind="error">
              <p>{t('review:import.nothingImported')}</p>
            </Notice>
          )}
          <p>{t('review:import.reportIntro', { count: report.problems.length })}</p>
          <div class="table-scroll">
            <table class="table">
              <caption>{t('review:import.reportHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review:import.columns.row')}</th>
                  <th scope="col">{t('review:import.columns.field')}</th>
                  <th scope="col">{t('review:import.columns.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((problem) => (
                  <tr data-row={problem.row}>
                    <th scope="row">{problem.row}</th>
                    <td>{fieldLabel(problem.field)}</td>
                    <td>{translateProblem(t, problem)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {preview.isImported || report?.isImported ? (
        <p>{t('review:import.alreadyImported')}</p>
      ) : (
        <form method="post" action={`/coordinator/rounds/${round.id}/imports/${preview.importId}`}>
          <CsrfField token={csrfToken} />
          <ErrorSummary errors={problems} />
          <h2>{t('review:import.mappingHeading')}</h2>
          <p>{t('review:import.mappingIntro', { file: preview.fileName, count: preview.rowCount })}</p>
          <div class="field-grid">
            {IMPORT_FIELDS.map((field) => {
              const options = [
                ...(CONSTANT_YES_FIELDS.includes(field)
                  ? [{ value: 'yes', label: t('review:import.yesForAll') }]
                  : []),
                ...columnOptions,
              ];
              return (
                <SelectField
                  name={`map.${field}`}
                  id={`field-${field}`}
                  label={fieldLabel(field)}
                  options={
                    REQUIRED_IMPORT_FIELDS.includes(field)
                      ? options
                      : [{ value: 'none', label: t('review:import.notInFile') }, ...options]
                  }
                  value={mapping[field]}
                  error={problems.find((problem) => problem.field === field)?.message}
                  required={REQUIRED_IMPORT_FIELDS.includes(field)}
                />
              );
            })}
          </div>
          <CheckboxGroup
            name="skipBadRows"
            legend={t('review:import.skipBadRows')}
            hint={t('review:import.skipBadRowsHint')}
            options={[{ value: 'on', label: t('review:import.skipBadRows') }]}
            values={skipBadRows ? ['on'] : []}
          />
          <button type="submit" class="button">
            {t('review:import.run')}
          </button>
        </form>
      )}
    </section>
  );
};
