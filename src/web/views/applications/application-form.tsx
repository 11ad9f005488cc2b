import { MAX_INTERESTS, MIN_INTERESTS } from '../../../core/applications';
import type { ShownProblem } from '../../../i18n/problems';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  fieldId,
  type Option,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../components';
import { useShell } from '../shell-context';
import {
  careerStageOptions,
  countryOptions,
  dayOptions,
  interestGroups,
  languageLevelOptions,
  languageOptions,
  referralOptions,
  sectorOptions,
  timeOptions,
  timeZoneOptions,
} from './choices';
import {
  type FormValues,
  indexProblems,
  MAX_LANGUAGE_ROWS,
  MAX_WINDOW_ROWS,
  readValue,
  readValues,
} from './form-values';

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
}

/** Adds the current value to a list of options when it is not one of them (an older answer). */
const withValue = (options: Option[], value: string): Option[] =>
  value === '' || options.some((option) => option.value === value)
    ? options
    : [...options, { value, label: value }];

/** Every id the form renders; a problem is linked to the nearest of these up its path. */
const anchorFor = (field: string, anchors: Set<string>): string => {
  const parts = field.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (anchors.has(candidate)) return candidate;
    parts.pop();
  }
  return 'name';
};

/** A fieldset that can carry a hint and an error, with an id the error summary links to. */
const Group = ({
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

export const ApplicationForm = (props: ApplicationFormProps) => {
  const { t, locale } = useShell();
  const { values } = props;
  const errors = indexProblems(props.problems);
  const error = (name: string) => errors.get(name);
  const v = (name: string) => readValue(values, name);
  const k = (key: string) => t(`applications:form.${key}`);

  const anchors = new Set<string>([
    'name',
    'email',
    'countryOfResidence',
    'timeZone',
    'languages',
    'sector',
    'role',
    'careerStage',
    'yearsInProfession',
    'interests',
    'otherInterests',
    'partnerPreference',
    'partnerPreference.openToAnyone',
    'partnerPreference.sectors',
    'partnerPreference.careerStages',
    'availability',
    'availability.emailOnly',
    'availability.windows',
    'hopes',
    'heardFrom',
    'heardFromDetail',
    'privacyConsent',
    'codeOfConductAccepted',
  ]);
  for (let i = 0; i < props.languageRows; i++) {
    for (const cell of ['', '.code', '.level']) anchors.add(`languages.${i}${cell}`);
  }
  for (let i = 0; i < props.windowRows; i++) {
    for (const cell of ['', '.day', '.startTime', '.endTime'])
      anchors.add(`availability.windows.${i}${cell}`);
  }
  const summary = props.problems.map((problem) => ({
    field: anchorFor(problem.field, anchors),
    message: problem.message,
  }));

  const timeZone = v('timeZone') || props.suggestedTimeZone || '';
  const isEdit = props.mode === 'edit';

  return (
    <form method="post" action={props.action} class="application-form" novalidate data-application-form="">
      <CsrfField token={props.csrfToken} />
      {props.prefillToken && <input type="hidden" name="prefill" value={props.prefillToken} />}
      {props.privateToken && <input type="hidden" name="token" value={props.privateToken} />}
      <input type="hidden" name="languageRows" value={String(props.languageRows)} />
      <input type="hidden" name="windowRows" value={String(props.windowRows)} />
      {/* Enter in a text field submits with the form's first submit button; without this one that
          would be "add another language". Hidden from sight, the tab order and screen readers
          (so nobody meets the button twice): the visible button at the end is the one people use. */}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: tabindex -1 keeps it out of keyboard focus; it only serves implicit submission */}
      <button type="submit" class="visually-hidden" tabindex={-1} aria-hidden="true">
        {isEdit ? k('saveButton') : k('submitButton')}
      </button>
      <ErrorSummary errors={summary} />

      <section aria-labelledby="section-about">
        <h2 id="section-about">{k('sections.about')}</h2>
        <TextField
          name="name"
          label={k('name.label')}
          hint={k('name.hint')}
          value={v('name')}
          error={error('name')}
          required
          autocomplete="name"
          maxlength={200}
        />
        {isEdit ? (
          <div class="field">
            <p class="field__label" id={fieldId('email')}>
              {k('email.label')}
            </p>
            <p>
              <strong>{v('email')}</strong>
            </p>
            <p class="field__hint">{k('email.fixed')}</p>
            <input type="hidden" name="email" value={v('email')} />
          </div>
        ) : (
          <TextField
            name="email"
            type="email"
            label={k('email.label')}
            hint={k('email.hint')}
            value={v('email')}
            error={error('email')}
            required
            autocomplete="email"
            maxlength={254}
          />
        )}
        <div class={error('countryOfResidence') ? 'field field--error' : 'field'}>
          <label class="field__label" for={fieldId('countryOfResidence')}>
            {k('country.label')}
          </label>
          <p class="field__hint" id={`${fieldId('countryOfResidence')}-hint`}>
            {k('country.hint')}
          </p>
          {error('countryOfResidence') && (
            <p class="field__error" id={`${fieldId('countryOfResidence')}-error`}>
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {error('countryOfResidence')}
            </p>
          )}
          <select
            class="field__input"
            id={fieldId('countryOfResidence')}
            name="countryOfResidence"
            required
            autocomplete="country"
            data-country-select=""
            aria-describedby={[
              `${fieldId('countryOfResidence')}-hint`,
              error('countryOfResidence') ? `${fieldId('countryOfResidence')}-error` : '',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={error('countryOfResidence') ? 'true' : undefined}
          >
            <option value="">{k('country.placeholder')}</option>
            {countryOptions(locale).map((country) => (
              <option
                value={country.value}
                data-time-zone={country.timeZone}
                selected={country.value === v('countryOfResidence').toUpperCase()}
              >
                {country.label}
              </option>
            ))}
          </select>
        </div>
        <SelectField
          name="timeZone"
          label={k('timeZone.label')}
          hint={props.suggestedTimeZone && !v('timeZone') ? k('timeZone.suggested') : k('timeZone.hint')}
          options={withValue(timeZoneOptions(), timeZone)}
          value={timeZone}
          placeholder={k('timeZone.placeholder')}
          error={error('timeZone')}
          required
        />
      </section>

      <section aria-labelledby="section-languages">
        <h2 id="section-languages">{k('sections.languages')}</h2>
        <Group
          name="languages"
          legend={k('languages.legend')}
          hint={k('languages.hint')}
          error={error('languages')}
        >
          {Array.from({ length: props.languageRows }, (_, index) => (
            <Group
              name={`languages.${index}`}
              legend={t('applications:form.languages.row', { number: index + 1 })}
              error={error(`languages.${index}`)}
              optional={index > 0}
            >
              <SelectField
                name={`languages.${index}.code`}
                label={k('languages.code')}
                options={withValue(languageOptions(locale), v(`languages.${index}.code`))}
                value={v(`languages.${index}.code`)}
                placeholder={k('languages.codePlaceholder')}
                error={error(`languages.${index}.code`)}
                required={index === 0}
              />
              <SelectField
                name={`languages.${index}.level`}
                label={k('languages.level')}
                options={languageLevelOptions(t)}
                value={v(`languages.${index}.level`)}
                placeholder={k('languages.levelPlaceholder')}
                error={error(`languages.${index}.level`)}
                required={index === 0}
              />
            </Group>
          ))}
          {props.languageRows < MAX_LANGUAGE_ROWS && (
            <p>
              <button
                type="submit"
                name="_add"
                value="languages"
                class="button button--secondary"
                formnovalidate
              >
                {k('languages.add')}
              </button>
            </p>
          )}
        </Group>
      </section>

      <section aria-labelledby="section-work">
        <h2 id="section-work">{k('sections.work')}</h2>
        <SelectField
          name="sector"
          label={k('sector.label')}
          hint={k('sector.hint')}
          options={sectorOptions(t)}
          value={v('sector')}
          placeholder={k('sector.placeholder')}
          error={error('sector')}
          required
        />
        <TextField
          name="role"
          label={k('role.label')}
          hint={k('role.hint')}
          value={v('role')}
          error={error('role')}
          required
          maxlength={200}
          autocomplete="organization-title"
        />
        <RadioGroup
          name="careerStage"
          legend={k('careerStage.legend')}
          options={careerStageOptions(t)}
          value={v('careerStage') || undefined}
          error={error('careerStage')}
          required
        />
        <TextField
          name="yearsInProfession"
          label={k('years.label')}
          hint={k('years.hint')}
          value={v('yearsInProfession')}
          error={error('yearsInProfession')}
          required
          inputmode="numeric"
          maxlength={3}
        />
      </section>

      <section aria-labelledby="section-interests">
        <h2 id="section-interests">{k('sections.interests')}</h2>
        <Group
          name="interests"
          legend={k('interests.legend')}
          hint={t('applications:form.interests.hint', { min: MIN_INTERESTS, max: MAX_INTERESTS })}
          error={error('interests')}
        >
          {interestGroups(t).map((group) => (
            <CheckboxGroup
              id={fieldId(`interests-${group.id}`)}
              name="interests"
              legend={group.label}
              options={group.options}
              values={readValues(values, 'interests')}
              required
            />
          ))}
        </Group>
        <TextAreaField
          name="otherInterests"
          label={k('otherInterests.label')}
          hint={k('otherInterests.hint')}
          value={v('otherInterests')}
          error={error('otherInterests')}
          rows={3}
          maxlength={1000}
        />
      </section>

      <section aria-labelledby="section-partner">
        <h2 id="section-partner">{k('sections.partner')}</h2>
        <Group
          name="partnerPreference"
          legend={k('partner.legend')}
          hint={k('partner.hint')}
          error={error('partnerPreference')}
        >
          <Group
            name="partnerPreference.openToAnyone"
            legend={k('partner.anyoneLegend')}
            error={error('partnerPreference.openToAnyone')}
          >
            <div class="choice">
              <input
                type="checkbox"
                id={`${fieldId('partnerPreference.openToAnyone')}-input`}
                name="partnerPreference.openToAnyone"
                value="on"
                checked={v('partnerPreference.openToAnyone') !== ''}
              />
              <label for={`${fieldId('partnerPreference.openToAnyone')}-input`}>{k('partner.anyone')}</label>
            </div>
          </Group>
          <CheckboxGroup
            name="partnerPreference.sectors"
            legend={k('partner.sectors')}
            options={sectorOptions(t)}
            values={readValues(values, 'partnerPreference.sectors')}
            error={error('partnerPreference.sectors')}
          />
          <CheckboxGroup
            name="partnerPreference.careerStages"
            legend={k('partner.careerStages')}
            options={careerStageOptions(t)}
            values={readValues(values, 'partnerPreference.careerStages')}
            error={error('partnerPreference.careerStages')}
          />
        </Group>
      </section>

      <section aria-labelledby="section-availability">
        <h2 id="section-availability">{k('sections.availability')}</h2>
        <Group
          name="availability"
          legend={k('availability.legend')}
          hint={k('availability.hint')}
          error={error('availability')}
        >
          <Group
            name="availability.emailOnly"
            legend={k('availability.emailOnlyLegend')}
            error={error('availability.emailOnly')}
          >
            <div class="choice">
              <input
                type="checkbox"
                id={`${fieldId('availability.emailOnly')}-input`}
                name="availability.emailOnly"
                value="on"
                checked={v('availability.emailOnly') !== ''}
              />
              <label for={`${fieldId('availability.emailOnly')}-input`}>{k('availability.emailOnly')}</label>
            </div>
          </Group>
          <Group
            name="availability.windows"
            legend={k('availability.windowsLegend')}
            hint={k('availability.windowsHint')}
            error={error('availability.windows')}
            optional
          >
            {Array.from({ length: props.windowRows }, (_, index) => {
              const base = `availability.windows.${index}`;
              return (
                <Group
                  name={base}
                  legend={t('applications:form.availability.row', { number: index + 1 })}
                  error={error(base)}
                  optional
                >
                  <SelectField
                    name={`${base}.day`}
                    label={k('availability.day')}
                    options={dayOptions(t)}
                    value={v(`${base}.day`)}
                    placeholder={k('availability.dayPlaceholder')}
                    error={error(`${base}.day`)}
                    required
                  />
                  <SelectField
                    name={`${base}.startTime`}
                    label={k('availability.start')}
                    options={withValue(timeOptions('start'), v(`${base}.startTime`))}
                    value={v(`${base}.startTime`)}
                    placeholder={k('availability.timePlaceholder')}
                    error={error(`${base}.startTime`)}
                    required
                  />
                  <SelectField
                    name={`${base}.endTime`}
                    label={k('availability.end')}
                    options={withValue(timeOptions('end'), v(`${base}.endTime`))}
                    value={v(`${base}.endTime`)}
                    placeholder={k('availability.timePlaceholder')}
                    error={error(`${base}.endTime`)}
                    required
                  />
                </Group>
              );
            })}
            {props.windowRows < MAX_WINDOW_ROWS && (
              <p>
                <button
                  type="submit"
                  name="_add"
                  value="windows"
                  class="button button--secondary"
                  formnovalidate
                >
                  {k('availability.add')}
                </button>
              </p>
            )}
          </Group>
        </Group>
      </section>

      <section aria-labelledby="section-hopes">
        <h2 id="section-hopes">{k('sections.hopes')}</h2>
        <TextAreaField
          name="hopes"
          label={k('hopes.label')}
          hint={k('hopes.hint')}
          value={v('hopes')}
          error={error('hopes')}
          required
          rows={5}
          maxlength={2000}
        />
        <SelectField
          name="heardFrom"
          label={k('heardFrom.label')}
          options={referralOptions(t)}
          value={v('heardFrom')}
          placeholder={k('heardFrom.placeholder')}
          error={error('heardFrom')}
          required
        />
        <TextField
          name="heardFromDetail"
          label={k('heardFromDetail.label')}
          hint={k('heardFromDetail.hint')}
          value={v('heardFromDetail')}
          error={error('heardFromDetail')}
          maxlength={500}
        />
      </section>

      <section aria-labelledby="section-agreements">
        <h2 id="section-agreements">{k('sections.agreements')}</h2>
        <Consent
          name="privacyConsent"
          label={k('privacy.label')}
          linkText={k('privacy.link')}
          href="/privacy"
          error={error('privacyConsent')}
          checked={v('privacyConsent') !== ''}
        />
        <Consent
          name="codeOfConductAccepted"
          label={k('conduct.label')}
          linkText={k('conduct.link')}
          href="/code-of-conduct"
          error={error('codeOfConductAccepted')}
          checked={v('codeOfConductAccepted') !== ''}
        />
      </section>

      <p class="actions">
        <button type="submit" class="button">
          {isEdit ? k('saveButton') : k('submitButton')}
        </button>
      </p>
    </form>
  );
};

/** A required agreement: the box, and a link to read what is agreed to (opens in the same tab). */
const Consent = (props: {
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
