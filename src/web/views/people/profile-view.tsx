import { getCountryName } from '../../../core/countries';
import type { Viewer } from '../../../core/people/viewer';
import type { ShownProblem } from '../../../i18n/problems';
import { timeZoneOptions } from '../applications/choices';
import { withValue } from '../applications/form-parts';
import { CsrfField, ErrorSummary, SelectField } from '../components';
import { useShell } from '../shell-context';
import { PROFILE_PATH } from '../times';

/** A coordinator's own profile: who they are to the program, and the zone their pages show times in. */
export const ProfileView = ({
  viewer,
  csrfToken,
  problems = [],
  timeZone,
  nowMs,
}: {
  viewer: Viewer;
  csrfToken: string;
  problems?: ShownProblem[];
  /** The choice to show (the submitted one after a problem). */
  timeZone: string;
  /** Now, for each zone's offset in the list. */
  nowMs: number;
}) => {
  const { t, locale } = useShell();
  return (
    <section>
      <h1>{t('coordinator:profile.title')}</h1>
      <p class="lead">{t('coordinator:profile.intro')}</p>
      <dl class="details">
        <dt>{t('coordinator:profile.name')}</dt>
        <dd>{viewer.name}</dd>
        <dt>{t('coordinator:profile.email')}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t('coordinator:profile.roles')}</dt>
        <dd>
          {viewer.isProgramCoordinator
            ? t('coordinator:profile.programCoordinator')
            : t('coordinator:profile.countryCoordinator', {
                countries: viewer.coordinatedCountryCodes
                  .map((code) => getCountryName(code, locale))
                  .join(', '),
              })}
        </dd>
      </dl>
      <form method="post" action={PROFILE_PATH} class="panel">
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems} />
        <SelectField
          name="timeZone"
          label={t('coordinator:profile.timeZone')}
          hint={t('coordinator:profile.timeZoneHint')}
          options={[
            { value: '', label: t('coordinator:profile.pageZone') },
            ...withValue(timeZoneOptions(t, locale, nowMs), timeZone),
          ]}
          value={timeZone}
          error={problems.find((problem) => problem.field === 'timeZone')?.message}
          required
        />
        <button type="submit" class="button">
          {t('coordinator:profile.save')}
        </button>
      </form>
    </section>
  );
};
