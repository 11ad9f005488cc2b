import { CsrfField, ErrorSummary } from '../components';
import { useShell } from '../shell-context';
import { currentZoneName } from './choices';
import { AboutSection, LanguagesSection, WorkSection } from './form-about-sections';
import { AgreementsSection, AvailabilitySection, HopesSection } from './form-availability-sections';
import { InterestsSection, PartnerSection } from './form-interest-sections';
import type { ApplicationFormProps, FormContext } from './form-parts';
import { indexProblems, readValue } from './form-values';

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

  // Shown by its current name, so an answer given as `Asia/Calcutta` selects Asia/Kolkata.
  const timeZone = currentZoneName(v('timeZone') || props.suggestedTimeZone || '');
  const isEdit = props.mode === 'edit';
  const form: FormContext = { props, values, v, error, k, t, locale, timeZone, isEdit };

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

      <AboutSection form={form} />
      <LanguagesSection form={form} />
      <WorkSection form={form} />
      <InterestsSection form={form} />
      <PartnerSection form={form} />
      <AvailabilitySection form={form} />
      <HopesSection form={form} />
      <AgreementsSection form={form} />

      <p class="actions">
        <button type="submit" class="button">
          {isEdit ? k('saveButton') : k('submitButton')}
        </button>
      </p>
    </form>
  );
};
