import type { PropsWithChildren } from 'hono/jsx';
import type { TFunction } from 'i18next';
import { CSRF_FIELD } from './csrf-names';
import { formatInstant, formatTimeZone } from './format';
import { useShell } from './shell-context';

/**
 * Shared building blocks for pages and forms. Field components put the label, the hint and the
 * error message next to the control and link them with aria-describedby, so a screen reader
 * announces all three; errors are also listed in an <ErrorSummary> at the top of the form.
 */

/** The hidden field every state-changing form must carry (see middleware/csrf.ts). */
export const CsrfField = ({ token }: { token: string }) => (
  <input type="hidden" name={CSRF_FIELD} value={token} />
);

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** A boxed message: flash after a redirect, a warning, the demo note. Errors are announced at once. */
export const Notice = ({
  kind = 'info',
  title,
  children,
}: PropsWithChildren<{ kind?: NoticeKind; title?: string }>) => (
  <div class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : undefined}>
    {title && <p class="notice__title">{title}</p>}
    {children}
  </div>
);

/** A flash message set with setFlash() before a redirect, shown once at the top of the next page. */
export interface FlashMessage {
  kind: NoticeKind;
  message: string;
}

export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

export interface FieldError {
  field: string;
  message: string;
}

/** "There is a problem" box linking to each field with an error; place it first inside the form. */
export const ErrorSummary = ({ errors, title }: { errors: FieldError[]; title?: string }) => {
  const { t } = useShell();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2 class="error-summary__title">{title ?? t('form.errorSummaryTitle')}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

interface FieldProps {
  name: string;
  label: string;
  /** Defaults to fieldId(name). */
  id?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

const Label = ({ id, label, required }: { id: string; label: string; required?: boolean }) => {
  const { t } = useShell();
  return (
    <label class="field__label" for={id}>
      {label}
      {!required && <span class="field__optional"> {t('form.optional')}</span>}
    </label>
  );
};

const HintAndError = ({ id, hint, error }: { id: string; hint?: string; error?: string | undefined }) => {
  const { t } = useShell();
  return (
    <>
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
    </>
  );
};

/** The label, hint and error every single-control field shares, around its control. */
const FieldFrame = ({ id, field, children }: { id: string; field: FieldProps; children: unknown }) => (
  <div class={field.error ? 'field field--error' : 'field'}>
    <Label id={id} label={field.label} required={field.required} />
    <HintAndError id={id} hint={field.hint} error={field.error} />
    {children}
  </div>
);

/** What ties a control to its hint and error for assistive technology. */
const controlAria = (id: string, field: FieldProps) => ({
  'aria-describedby': describedBy(id, field.hint, field.error),
  'aria-invalid': field.error ? ('true' as const) : undefined,
});

export const TextField = ({
  type = 'text',
  value,
  autocomplete,
  inputmode,
  maxlength,
  ...props
}: FieldProps & {
  type?:
    | 'text'
    | 'email'
    | 'url'
    | 'tel'
    | 'number'
    | 'date'
    | 'time'
    | 'datetime-local'
    | 'password'
    | 'search';
  value?: string | number | undefined;
  autocomplete?: string;
  inputmode?: 'decimal' | 'email' | 'none' | 'numeric' | 'search' | 'tel' | 'text' | 'url';
  maxlength?: number;
}) => {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame id={id} field={props}>
      <input
        class="field__input"
        id={id}
        name={props.name}
        type={type}
        value={value === undefined ? undefined : String(value)}
        required={props.required}
        autocomplete={autocomplete}
        inputmode={inputmode}
        maxlength={maxlength}
        {...controlAria(id, props)}
      />
    </FieldFrame>
  );
};

export const TextAreaField = ({
  value,
  rows = 5,
  maxlength,
  ...props
}: FieldProps & { value?: string | undefined; rows?: number; maxlength?: number }) => {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame id={id} field={props}>
      <textarea
        class="field__input"
        id={id}
        name={props.name}
        rows={rows}
        required={props.required}
        maxlength={maxlength}
        {...controlAria(id, props)}
      >
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
};

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export const SelectField = ({
  options,
  value,
  placeholder,
  autocomplete,
  ...props
}: FieldProps & {
  options: Option[];
  value?: string | undefined;
  /** A first, empty choice such as "Choose a country". */
  placeholder?: string;
  autocomplete?: string;
}) => {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame id={id} field={props}>
      <select
        class="field__input"
        id={id}
        name={props.name}
        required={props.required}
        autocomplete={autocomplete}
        {...controlAria(id, props)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

const ChoiceGroup = ({
  type,
  name,
  legend,
  options,
  values,
  hint,
  error,
  required,
  id: idProp,
}: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  options: Option[];
  values: string[];
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  id?: string;
}) => {
  const { t } = useShell();
  const id = idProp ?? fieldId(name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset class="choices" aria-describedby={describedBy(id, hint, error)}>
        <legend class="field__label">
          {legend}
          {!required && <span class="field__optional"> {t('form.optional')}</span>}
        </legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((option, index) => {
          // The first control carries the field's id so that ErrorSummary links land on it.
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div class="choice">
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                checked={values.includes(option.value)}
                required={type === 'radio' && required}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label for={optionId}>{option.label}</label>
              {option.hint && (
                <p class="choice__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
};

type GroupProps = Omit<Parameters<typeof ChoiceGroup>[0], 'type' | 'values'> & { values?: string[] };

/** Several answers to one question; submitted as repeated `name` values (use `name[]` for parseBody). */
export const CheckboxGroup = (props: GroupProps) => (
  <ChoiceGroup {...props} type="checkbox" values={props.values ?? []} />
);

/** One answer out of a few, all visible (prefer over <SelectField> for up to about six options). */
export const RadioGroup = ({
  value,
  ...props
}: Omit<GroupProps, 'values'> & { value?: string | undefined }) => (
  <ChoiceGroup {...props} type="radio" values={value === undefined ? [] : [value]} />
);

/**
 * An instant shown in the program's time zone, e.g. "28 February 2026 at 23:59 (Australia/Sydney)".
 * /static/app.js adds the same instant in the reader's own zone when it differs.
 */
export const LocalTime = ({ at, timeZone }: { at: string; timeZone: string }) => {
  const { t, locale } = useShell();
  return (
    <time
      datetime={new Date(at).toISOString()}
      data-time-zone={timeZone}
      data-local-label={t('time.inYourTimeZone', { time: '{time}' })}
    >
      {t('time.inZone', { time: formatInstant(at, locale, timeZone), zone: formatTimeZone(timeZone) })}
    </time>
  );
};

/** A list kept in a translation file (paragraphs, steps, questions): `t(key, { returnObjects: true })`. */
export const translateList = <T,>(t: TFunction, key: string): T[] => {
  const value: unknown = t(key, { returnObjects: true });
  return Array.isArray(value) ? (value as T[]) : [];
};

/** The "back to …" link at the top of a coordinator page. */
export const BackLink = ({ href, label }: { href: string; label: string }) => (
  <p class="back-link">
    <a href={href}>{label}</a>
  </p>
);
