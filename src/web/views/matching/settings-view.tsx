import type { Round } from '../../../core/rounds';
import { MAX_FIT_POINTS } from '../../../core/scoring/match-settings';
import { labelFor } from '../../../i18n/labels';
import type { ShownProblem } from '../../../i18n/problems';
import { BackLink, CsrfField, ErrorSummary, fieldId, SelectField, TextField } from '../components';
import { useShell } from '../shell-context';
import { matchingPath } from './matching-paths';
import { formatNumber } from './matching-words';
import {
  defaultOf,
  fieldName,
  LANGUAGE_LEVELS,
  SETTINGS_FIELDS,
  SETTINGS_GROUPS,
  type SettingsField,
  type SettingsFormValues,
  type SettingsGroup,
} from './settings-fields';

/**
 * A round's matching settings: each weight and rule with what it does, its default and its range;
 * problems next to their fields (and listed at the top), the weights' total at the top of theirs.
 */
export interface SettingsViewProps {
  round: Round;
  values: SettingsFormValues;
  problems: ShownProblem[];
  csrfToken: string;
}

const SettingsInput = ({
  field,
  values,
  error,
}: {
  field: SettingsField;
  values: SettingsFormValues;
  error: string | undefined;
}) => {
  const { t, locale } = useShell();
  const name = fieldName(field);
  const fallback = defaultOf(field);
  const defaultText =
    field.kind === 'boolean'
      ? t(fallback ? 'matching:settings.on' : 'matching:settings.off')
      : field.kind === 'level'
        ? labelFor(t, 'languageLevel', String(fallback))
        : formatNumber(locale, Number(fallback));
  const hint = [
    t(`matching:settings.fields.${name}.hint`),
    field.min !== undefined && field.max !== undefined
      ? t('matching:settings.range', {
          min: formatNumber(locale, field.min),
          max: formatNumber(locale, field.max),
        })
      : '',
    t('matching:settings.default', { value: defaultText }),
  ]
    .filter(Boolean)
    .join(' ');
  const label = t(`matching:settings.fields.${name}.label`);
  if (field.kind === 'boolean') {
    const id = fieldId(name);
    return (
      <div class={error ? 'field field--error' : 'field'}>
        <div class="choice">
          <input
            id={id}
            type="checkbox"
            name={name}
            value="on"
            checked={values[name] === 'on'}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <label for={id}>{label}</label>
          <p class="choice__hint" id={`${id}-hint`}>
            {hint}
          </p>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
      </div>
    );
  }
  if (field.kind === 'level') {
    return (
      <SelectField
        name={name}
        label={label}
        hint={hint}
        options={LANGUAGE_LEVELS.map((level) => ({
          value: level,
          label: labelFor(t, 'languageLevel', level),
        }))}
        value={values[name]}
        error={error}
        required
      />
    );
  }
  return (
    <div class="field--number">
      <TextField
        name={name}
        label={label}
        hint={hint}
        value={values[name]}
        error={error}
        inputmode={field.kind === 'integer' ? 'numeric' : 'decimal'}
        maxlength={20}
        required
      />
    </div>
  );
};

const weightsTotal = (values: SettingsFormValues): number =>
  SETTINGS_FIELDS.filter((field) => field.group === 'weights').reduce((sum, field) => {
    const value = Number(values[fieldName(field)]);
    return sum + (Number.isFinite(value) ? value : 0);
  }, 0);

export const SettingsView = ({ round, values, problems, csrfToken }: SettingsViewProps) => {
  const { t, locale } = useShell();
  const errorFor = (field: string) =>
    problems
      .filter((problem) => problem.field === field)
      .map((problem) => problem.message)
      .join(' ') || undefined;
  const groupError = (group: SettingsGroup) => errorFor(group);
  return (
    <section>
      <BackLink href={matchingPath(round.id)} label={t('matching:settings.backToBoard')} />
      <h1>{t('matching:settings.title', { round: round.name })}</h1>
      <p class="lead">{t('matching:settings.intro')}</p>
      <form method="post" action={`${matchingPath(round.id)}/settings`} class="settings-form">
        <ErrorSummary errors={problems} />
        <CsrfField token={csrfToken} />
        {SETTINGS_GROUPS.map((group) => (
          <fieldset class="panel" id={fieldId(group)} aria-describedby={`${fieldId(group)}-intro`}>
            <legend>{t(`matching:settings.groups.${group}.legend`)}</legend>
            <p id={`${fieldId(group)}-intro`} class="field__hint">
              {t(`matching:settings.groups.${group}.intro`)}
              {group === 'weights' &&
                ` ${t('matching:settings.weightsTotal', {
                  total: formatNumber(locale, weightsTotal(values)),
                  max: formatNumber(locale, MAX_FIT_POINTS),
                })}`}
            </p>
            {groupError(group) && (
              <p class="field__error" role="alert">
                {groupError(group)}
              </p>
            )}
            {SETTINGS_FIELDS.filter((field) => field.group === group).map((field) => (
              <SettingsInput field={field} values={values} error={errorFor(fieldName(field))} />
            ))}
          </fieldset>
        ))}
        <button type="submit" class="button">
          {t('matching:settings.save')}
        </button>
      </form>
    </section>
  );
};
