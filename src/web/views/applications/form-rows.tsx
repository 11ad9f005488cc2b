import { fieldId, type Option } from '../components';
import { useShell } from '../shell-context';

/**
 * A row of a repeating group (a language, a time for calls): its selects side by side, under
 * labels that the first row shows as column headings (later rows keep theirs for screen readers,
 * and show them again when the row stacks on a narrow screen). The row's legend ("Time 2") names
 * the group for assistive technology only, so nobody reads "Time 2 / Day" twice over. Errors of
 * the row and of its cells are listed above the selects, so the columns stay aligned.
 */
export interface RowCell {
  name: string;
  label: string;
  options: Option[];
  value: string;
  placeholder: string;
  error?: string | undefined;
  required?: boolean;
}

export const RepeatRow = ({
  name,
  legend,
  rowError,
  cells,
  kind,
  focusField,
}: {
  name: string;
  legend: string;
  rowError?: string | undefined;
  cells: RowCell[];
  kind: 'language' | 'time';
  focusField?: string | undefined;
}) => {
  const { t } = useShell();
  const rowId = fieldId(name);
  const errors = [
    ...(rowError ? [{ id: `${rowId}-error`, message: rowError }] : []),
    ...cells.flatMap((cell) =>
      cell.error ? [{ id: `${fieldId(cell.name)}-error`, message: cell.error }] : [],
    ),
  ];
  return (
    <fieldset
      class={errors.length > 0 ? 'repeat-row repeat-row--error' : 'repeat-row'}
      id={rowId}
      tabindex={-1}
      aria-describedby={rowError ? `${rowId}-error` : undefined}
    >
      <legend class="visually-hidden">{legend}</legend>
      {errors.map((error) => (
        <p class="field__error" id={error.id}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {error.message}
        </p>
      ))}
      <div class={`repeat-row__cells repeat-row__cells--${kind}`}>
        {cells.map((cell) => {
          const id = fieldId(cell.name);
          return (
            <div class="repeat-row__cell">
              <label class="repeat-row__label" for={id}>
                {cell.label}
              </label>
              <select
                class="field__input"
                id={id}
                name={cell.name}
                required={cell.required}
                autofocus={focusField === cell.name ? true : undefined}
                aria-describedby={cell.error ? `${id}-error` : undefined}
                aria-invalid={cell.error ? 'true' : undefined}
              >
                <option value="">{cell.placeholder}</option>
                {cell.options.map((option) => (
                  <option value={option.value} selected={option.value === cell.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
};

/** "Add another …" with the limit said beside it, or, at the limit, the limit alone. */
export const AddRowButton = ({
  group,
  label,
  limitText,
  isAtLimit,
}: {
  group: 'languages' | 'windows';
  label: string;
  limitText: string;
  isAtLimit: boolean;
}) => {
  const hintId = `add-${group}-limit`;
  return (
    <p class="add-row">
      {!isAtLimit && (
        <>
          <button
            type="submit"
            name="_add"
            value={group}
            class="button button--secondary"
            formnovalidate
            aria-describedby={hintId}
          >
            {label}
          </button>{' '}
        </>
      )}
      <span class="field__hint" id={hintId}>
        {limitText}
      </span>
    </p>
  );
};
