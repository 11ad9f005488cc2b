import { MAX_INTERESTS, MIN_INTERESTS } from '../../../core/applications';
import { CheckboxGroup, fieldId, TextAreaField } from '../components';
import { careerStageOptions, interestGroups, sectorOptions } from './choices';
import { type FormContext, Group } from './form-parts';
import { readValues } from './form-values';

/** The application form's sections on interests and the partner wished for. */

export const InterestsSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t, values } = form;
  return (
    <section aria-labelledby="section-interests">
      <h2 id="section-interests">{k('sections.interests')}</h2>
      <Group
        name="interests"
        legend={k('interests.legend')}
        hint={t('applications:form.interests.hint', { min: MIN_INTERESTS, max: MAX_INTERESTS })}
        error={error('interests')}
      >
        <div class="checkbox-columns">
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
        </div>
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
  );
};

export const PartnerSection = ({ form }: { form: FormContext }) => {
  const { v, error, k, t, values } = form;
  return (
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
        {/* Not marked optional: one of "open to anyone" or these is needed (the hint says so). */}
        <div class="checkbox-columns">
          <CheckboxGroup
            name="partnerPreference.sectors"
            legend={k('partner.sectors')}
            options={sectorOptions(t)}
            values={readValues(values, 'partnerPreference.sectors')}
            error={error('partnerPreference.sectors')}
            required
          />
          <CheckboxGroup
            name="partnerPreference.careerStages"
            legend={k('partner.careerStages')}
            options={careerStageOptions(t)}
            values={readValues(values, 'partnerPreference.careerStages')}
            error={error('partnerPreference.careerStages')}
            required
          />
        </div>
      </Group>
    </section>
  );
};
