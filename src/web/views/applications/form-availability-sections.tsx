import { fieldId, SelectField, TextAreaField, TextField } from '../components';
import { dayOptions, referralOptions, timeOptions } from './choices';
import { Consent, type FormContext, Group, withValue } from './form-parts';
import { MAX_WINDOW_ROWS } from './form-values';

/** The application form's last sections: availability for calls, hopes, agreements. */

export const AvailabilitySection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t, props } = form;
  return (
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
  );
};

export const HopesSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t } = form;
  return (
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
  );
};

export const AgreementsSection = ({ form }: { form: FormContext }) => {
  const { v, error, k } = form;
  return (
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
  );
};
