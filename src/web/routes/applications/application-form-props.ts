import type { Context } from 'hono';
import { getPrimaryTimeZone, isCountryCode } from '../../../core/countries';
import type { FieldProblem } from '../../../core/errors';
import { translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import type { ApplicationFormProps } from '../../views/applications/form-parts';
import {
  compactRows,
  countRows,
  DEFAULT_LANGUAGE_ROWS,
  DEFAULT_WINDOW_ROWS,
  type FormValues,
  MAX_LANGUAGE_ROWS,
  MAX_WINDOW_ROWS,
  readValue,
} from '../../views/applications/form-values';

/**
 * The application form's props for a page: values as posted, problems translated, row counts.
 * A group shows at least its default rows, every row in use (even past the limit, so that stored
 * answers from before a lower limit are never hidden: validation then says what is too many; a
 * post with hundreds of rows is still cut at twice the limit), and the rows asked for, up to the limit.
 */
const clampRows = (requested: unknown, used: number, fallback: number, max: number) => {
  const asked = typeof requested === 'string' && /^\d{1,2}$/.test(requested) ? Number(requested) : fallback;
  return Math.max(Math.min(used, 2 * max), Math.min(max, Math.max(fallback, asked)));
};

/** Form values ready to show again: blank rows dropped and renumbered as the validator sees them. */
const prepareValues = (values: FormValues): FormValues =>
  compactRows(compactRows(values, 'languages'), 'availability.windows');

const suggestedZone = (values: FormValues): string | undefined => {
  const country = readValue(values, 'countryOfResidence').trim().toUpperCase();
  return isCountryCode(country) ? getPrimaryTimeZone(country) : undefined;
};

export const formProps = (
  c: Context<AppEnv>,
  now: Date,
  action: string,
  mode: 'apply' | 'edit',
  values: FormValues,
  problems: FieldProblem[] = [],
  rows: { languageRows?: unknown; windowRows?: unknown; add?: string } = {},
): ApplicationFormProps => {
  const prepared = prepareValues(values);
  let languageRows = clampRows(
    rows.languageRows,
    countRows(prepared, 'languages'),
    DEFAULT_LANGUAGE_ROWS,
    MAX_LANGUAGE_ROWS,
  );
  let windowRows = clampRows(
    rows.windowRows,
    countRows(prepared, 'availability.windows'),
    DEFAULT_WINDOW_ROWS,
    MAX_WINDOW_ROWS,
  );
  // "Add another …" posts the form back; the new row's first field then takes the focus.
  let focusField: string | undefined;
  if (rows.add === 'languages' && languageRows < MAX_LANGUAGE_ROWS) {
    languageRows += 1;
    focusField = `languages.${languageRows - 1}.code`;
  }
  if (rows.add === 'windows' && windowRows < MAX_WINDOW_ROWS) {
    windowRows += 1;
    focusField = `availability.windows.${windowRows - 1}.day`;
  }
  return {
    action,
    mode,
    values: prepared,
    problems: translateProblems(c.get('t'), problems),
    languageRows,
    windowRows,
    csrfToken: c.get('csrfToken'),
    suggestedTimeZone: suggestedZone(prepared),
    nowMs: now.getTime(),
    focusField,
  };
};
