import type { TFunction } from 'i18next';
import {
  CONSTANT_YES_FIELDS,
  IMPORT_FIELDS,
  type ImportRowProblem,
  REQUIRED_IMPORT_FIELDS,
  YES_WORDS,
} from '../../../core/applications/csv-columns';
import { INTEREST_IDS } from '../../../core/applications/interest-taxonomy';
import { CAREER_STAGES, LANGUAGE_LEVELS, REFERRAL_SOURCES, SECTORS } from '../../../core/applications/labels';
import type { Round } from '../../../core/rounds';
import { type LabelKind, labelFor } from '../../../i18n/labels';
import { type ShownProblem, translateProblem } from '../../../i18n/problems';
import type { ImportPreview, ImportReport } from '../../../services/review/import-applications';
import { BackLink, CheckboxGroup, CsrfField, ErrorSummary, Notice, SelectField } from '../components';
import { useShell } from '../shell-context';
import { applicationsPath } from './list-view';

/** The three steps of the CSV import: upload (with the template and accepted values), columns, report. */

export const IMPORT_TEMPLATE_FILE = 'applications-template.csv';

export const importTemplatePath = (roundId: string) =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/imports/template.csv`;

/**
 * A row's problem in the coordinator's words, quoting the cell that was not accepted: the row is
 * someone else's answer, so "Choose your career stage" would speak to the wrong person.
 */
export const describeImportProblem = (t: TFunction, problem: ImportRowProblem): string => {
  if (problem.code.startsWith('import.')) return translateProblem(t, problem);
  const field = problem.field || 'row';
  return problem.value
    ? t(`review:import.problem.${field}`, { value: problem.value })
    : t(`review:import.problemEmpty.${field}`);
};

/** The closed choices a file names, each with its id and English name. */
const CHOICE_LISTS: readonly { kind: LabelKind; ids: readonly string[] }[] = [
  { kind: 'sector', ids: SECTORS },
  { kind: 'careerStage', ids: CAREER_STAGES },
  { kind: 'referralSource', ids: REFERRAL_SOURCES },
  { kind: 'interest', ids: INTEREST_IDS },
];

const choiceHeading = (t: TFunction, kind: LabelKind) => {
  switch (kind) {
    case 'sector':
      return t('review:import.acceptedChoices.sector');
    case 'careerStage':
      return t('review:import.acceptedChoices.careerStage');
    case 'referralSource':
      return t('review:import.acceptedChoices.referralSource');
    default:
      return t('review:import.acceptedChoices.interest');
  }
};

/** What each column may hold; open by itself only when asked for (a details element, no script). */
const AcceptedValues = () => {
  const { t, locale } = useShell();
  const list = (items: readonly string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  return (
    <details class="accepted-values" id="accepted-values">
      <summary>{t('review:import.acceptedHeading')}</summary>
      <p>{t('review:import.acceptedIntro')}</p>
      <dl class="details">
        <dt>{t('review:import.fields.countryOfResidence')}</dt>
        <dd>{t('review:import.accepted.countryOfResidence')}</dd>
        <dt>{t('review:import.fields.timeZone')}</dt>
        <dd>{t('review:import.accepted.timeZone')}</dd>
        <dt>{t('review:import.fields.languages')}</dt>
        <dd>
          {t('review:import.accepted.languages', {
            levels: list(LANGUAGE_LEVELS.map((id) => `“${labelFor(t, 'languageLevel', id)}”`)),
          })}
        </dd>
        <dt>{t('review:import.fields.yearsInProfession')}</dt>
        <dd>{t('review:import.accepted.yearsInProfession')}</dd>
        <dt>{t('review:import.fields.interests')}</dt>
        <dd>{t('review:import.accepted.interests')}</dd>
        <dt>{t('review:import.fields.availability')}</dt>
        <dd>{t('review:import.accepted.availability')}</dd>
        <dt>{t('review:import.fields.privacyConsent')}</dt>
        <dd>{t('review:import.accepted.flags', { yes: list(YES_WORDS.map((word) => `“${word}”`)) })}</dd>
        <dt>{t('review:import.fields.submittedAt')}</dt>
        <dd>{t('review:import.accepted.submittedAt')}</dd>
      </dl>
      {CHOICE_LISTS.map(({ kind, ids }) => (
        <>
          <h3>{choiceHeading(t, kind)}</h3>
          <ul class="accepted-values__list">
            {ids.map((id) => (
              <li>
                <code>{id}</code> {labelFor(t, kind, id)}
              </li>
            ))}
          </ul>
        </>
      ))}
    </details>
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
      <section aria-labelledby="template-heading">
        <h2 id="template-heading">{t('review:import.templateHeading')}</h2>
        <p>{t('review:import.templateIntro')}</p>
        <p>
          <a href={importTemplatePath(round.id)} download={IMPORT_TEMPLATE_FILE}>
            {t('review:import.templateLink')}
          </a>
        </p>
        <AcceptedValues />
      </section>
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
  isOutboxEnabled = false,
}: {
  round: Round;
  preview: ImportPreview;
  mapping: Record<string, string>;
  skipBadRows: boolean;
  report?: ImportReport | undefined;
  csrfToken: string;
  problems: ShownProblem[];
  /** The outbox page exists (development or no SMTP): the notice links to the emails. */
  isOutboxEnabled?: boolean;
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
            })}{' '}
            {t('review:import.emailed', { count: report.emailed })}
          </p>
          {isOutboxEnabled && (
            <p>
              <a href="/outbox">{t('review:import.outboxLink')}</a>
            </p>
          )}
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
                    <td>{describeImportProblem(t, problem)}</td>
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
          <p>
            {t('review:import.emailNote')}{' '}
            <a href={`/coordinator/rounds/${round.id}/imports/new#accepted-values`}>
              {t('review:import.acceptedHeading')}
            </a>
          </p>
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
                  // A required field the headers did not give away starts unchosen, never on its
                  // first column (nor on "yes" for consent): the coordinator must say.
                  placeholder={REQUIRED_IMPORT_FIELDS.includes(field) ? t('review:import.choose') : undefined}
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
