import { fieldId, RadioGroup, SelectField, TextField } from '../components';
import {
  careerStageOptions,
  countryOptions,
  currentZoneName,
  languageLevelOptions,
  languageOptions,
  sectorOptions,
  timeZoneOptions,
} from './choices';
import { type FormContext, Group, withValue } from './form-parts';
import { AddRowButton, RepeatRow } from './form-rows';
import { MAX_LANGUAGE_ROWS } from './form-values';

/** The application form's first sections: about you, your languages, your work. */

export const AboutSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t, locale, props, timeZone, isEdit } = form;
  return (
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
              data-time-zone={currentZoneName(country.timeZone)}
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
        options={withValue(timeZoneOptions(t, locale, props.nowMs), timeZone)}
        value={timeZone}
        placeholder={k('timeZone.placeholder')}
        error={error('timeZone')}
        required
      />
    </section>
  );
};

export const LanguagesSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t, locale, props } = form;
  return (
    <section aria-labelledby="section-languages">
      <h2 id="section-languages">{k('sections.languages')}</h2>
      <Group
        name="languages"
        legend={k('languages.legend')}
        hint={t('applications:form.languages.hint', { max: MAX_LANGUAGE_ROWS })}
        error={error('languages')}
      >
        {Array.from({ length: props.languageRows }, (_, index) => (
          <RepeatRow
            name={`languages.${index}`}
            kind="language"
            legend={t(
              index === 0 ? 'applications:form.languages.row' : 'applications:form.languages.optionalRow',
              {
                number: index + 1,
              },
            )}
            rowError={error(`languages.${index}`)}
            focusField={props.focusField}
            cells={[
              {
                name: `languages.${index}.code`,
                label: k('languages.code'),
                options: withValue(languageOptions(locale), v(`languages.${index}.code`)),
                value: v(`languages.${index}.code`),
                placeholder: k('languages.codePlaceholder'),
                error: error(`languages.${index}.code`),
                required: index === 0,
              },
              {
                name: `languages.${index}.level`,
                label: k('languages.level'),
                options: languageLevelOptions(t),
                value: v(`languages.${index}.level`),
                placeholder: k('languages.levelPlaceholder'),
                error: error(`languages.${index}.level`),
                required: index === 0,
              },
            ]}
          />
        ))}
        <AddRowButton
          group="languages"
          label={k('languages.add')}
          isAtLimit={props.languageRows >= MAX_LANGUAGE_ROWS}
          limitText={t(
            props.languageRows >= MAX_LANGUAGE_ROWS
              ? 'applications:form.languages.atLimit'
              : 'applications:form.languages.limit',
            { max: MAX_LANGUAGE_ROWS },
          )}
        />
      </Group>
    </section>
  );
};

export const WorkSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t } = form;
  return (
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
  );
};
