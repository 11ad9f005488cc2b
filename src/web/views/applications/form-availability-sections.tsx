import { fieldId, SelectField, TextAreaField, TextField } from '../components';
import { dayOptions, referralOptions, timeOptions } from './choices';
import { Consent, type FormContext, Group, withValue } from './form-parts';
import { AddRowButton, RepeatRow } from './form-rows';
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
          hint={t('applications:form.availability.windowsHint', { max: MAX_WINDOW_ROWS })}
          error={error('availability.windows')}
        >
          {Array.from({ length: props.windowRows }, (_, index) => {
            const base = `availability.windows.${index}`;
            return (
              <RepeatRow
                name={base}
                kind="time"
                legend={t('applications:form.availability.row', { number: index + 1 })}
                rowError={error(base)}
                focusField={props.focusField}
                cells={[
                  {
                    name: `${base}.day`,
                    label: k('availability.day'),
                    options: dayOptions(t),
                    value: v(`${base}.day`),
                    placeholder: k('availability.dayPlaceholder'),
                    error: error(`${base}.day`),
                  },
                  {
                    name: `${base}.startTime`,
                    label: k('availability.start'),
                    options: withValue(timeOptions('start'), v(`${base}.startTime`)),
                    value: v(`${base}.startTime`),
                    placeholder: k('availability.timePlaceholder'),
                    error: error(`${base}.startTime`),
                  },
                  {
                    name: `${base}.endTime`,
                    label: k('availability.end'),
                    options: withValue(timeOptions('end'), v(`${base}.endTime`)),
                    value: v(`${base}.endTime`),
                    placeholder: k('availability.timePlaceholder'),
                    error: error(`${base}.endTime`),
                  },
                ]}
              />
            );
          })}
          <AddRowButton
            group="windows"
            label={k('availability.add')}
            isAtLimit={props.windowRows >= MAX_WINDOW_ROWS}
            limitText={t(
              props.windowRows >= MAX_WINDOW_ROWS
                ? 'applications:form.availability.atLimit'
                : 'applications:form.availability.limit',
              { max: MAX_WINDOW_ROWS },
            )}
          />
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
