import type { TFunction } from 'i18next';
import type { ShownProblem } from '../../../i18n/problems';
import { fieldId, type Option } from '../components';
import { useShell } from '../shell-context';
import type { FormValues } from './form-values';

/** What the application form is drawn from. */
export interface ApplicationFormProps {
  /** Where the form posts. */
  action: string;
  values: FormValues;
  /** Already in the reader's language. */
  problems: ShownProblem[];
  languageRows: number;
  windowRows: number;
  mode: 'apply' | 'edit';
  csrfToken: string;
  /** The previous-answers token the form was opened with (sent back so it is used up on success). */
  prefillToken?: string | undefined;
  /** The zone suggested from the country when none was chosen (no-JavaScript path). */
  suggestedTimeZone?: string | undefined;
  /** When editing: the private link's token, sent in the body so that the path holds none. */
  privateToken?: string | undefined;
  /** The moment the page is made: the time-zone list shows the UTC offsets in force then. */
  nowMs: number;
  /** The field to focus when the page opens: the first of a row just added. */
  focusField?: string | undefined;
}

/** What every section of the application form reads: the values, the errors and the texts. */
export interface FormContext {
  props: ApplicationFormProps;
  values: FormValues;
  /** The value of one field. */
  v: (name: string) => string;
  /** The (translated) problem of one field. */
  error: (name: string) => string | undefined;
  /** A text of the form (`applications:form.<key>`). */
  k: (key: string) => string;
  t: TFunction;
  locale: string;
  /** The chosen zone, or the one suggested from the country. */
  timeZone: string;
  isEdit: boolean;
}

/** Adds the current value to a list of options when it is not one of them (an older answer). */
export const withValue = (options: Option[], value: string): Option[] =>
  value === '' || options.some((option) => option.value === value)
    ? options
    : [...options, { value, label: value }];

/** A fieldset that can carry a hint and an error, with an id the error summary links to. */
export const Group = ({
  name,
  legend,
  hint,
  error,
  children,
  optional,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  children?: unknown;
}) => {
  const { t } = useShell();
  const id = fieldId(name);
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset class="choices" id={id} tabindex={-1} aria-describedby={describedBy}>
        <legend class="field__label">
          {legend}
          {optional && <span class="field__optional"> {t('form.optional')}</span>}
        </legend>
        {hint && (
          <p class="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </p>
        )}
        {children as never}
      </fieldset>
    </div>
  );
};

/** A required agreement: the box, and a link to read what is agreed to (opens in the same tab). */
export const Consent = (props: {
  name: string;
  label: string;
  linkText: string;
  href: string;
  error: string | undefined;
  checked: boolean;
}) => {
  const { t } = useShell();
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <p class="field__hint" id={`${id}-hint`}>
        <a href={props.href}>{props.linkText}</a>
      </p>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value="on"
          checked={props.checked}
          required
          aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={props.error ? 'true' : undefined}
        />
        <label for={id}>{props.label}</label>
      </div>
    </div>
  );
};
