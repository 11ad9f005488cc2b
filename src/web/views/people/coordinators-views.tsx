import { getCountryName } from '../../../core/countries';
import type { ShownProblem } from '../../../i18n/problems';
import type { CoordinatorSummary } from '../../../services/people/manage-coordinators';
import { BackLink, CsrfField, ErrorSummary, Notice, RadioGroup, TextField } from '../components';
import { useShell } from '../shell-context';

export interface CoordinatorFormValues {
  email?: string;
  name?: string;
  kind?: string;
  countries?: string;
}

const BASE = '/coordinator/people';

const useCountryNames = () => {
  const { locale } = useShell();
  return (codes: readonly string[]) =>
    codes.map((code) => `${getCountryName(code, locale)} (${code})`).join(', ');
};

/** The kind and countries fields, shared by the add and change forms. */
const RoleFields = ({
  values,
  error,
}: {
  values: CoordinatorFormValues;
  error: (field: string) => string | undefined;
}) => {
  const { t } = useShell();
  return (
    <>
      <RadioGroup
        name="kind"
        legend={t('people:form.kind')}
        value={values.kind}
        required
        error={error('kind')}
        options={[
          { value: 'program', label: t('people:kind.program'), hint: t('people:kind.programHint') },
          { value: 'country', label: t('people:kind.country'), hint: t('people:kind.countryHint') },
        ]}
      />
      <TextField
        name="countries"
        label={t('people:form.countries')}
        hint={t('people:form.countriesHint')}
        value={values.countries}
        maxlength={1000}
        error={error('countries')}
      />
    </>
  );
};

const errorOf = (problems: ShownProblem[]) => (field: string) =>
  problems.find((problem) => problem.field === field)?.message;

export const CoordinatorsPage = ({
  coordinators,
  viewerId,
  csrfToken,
  values = {},
  problems = [],
}: {
  coordinators: CoordinatorSummary[];
  viewerId: string;
  csrfToken: string;
  values?: CoordinatorFormValues;
  problems?: ShownProblem[];
}) => {
  const { t } = useShell();
  const countryNames = useCountryNames();
  return (
    <article>
      <h1>{t('people:list.title')}</h1>
      <p class="lead">{t('people:list.lead')}</p>
      <div class="table-scroll">
        <table class="table table--stack">
          <caption>{t('people:list.caption', { count: coordinators.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people:list.name')}</th>
              <th scope="col">{t('people:list.email')}</th>
              <th scope="col">{t('people:list.role')}</th>
              <th scope="col">{t('people:list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {coordinators.map((coordinator) => (
              <tr>
                <th scope="row">
                  {coordinator.name}
                  {coordinator.personId === viewerId && <> {t('people:list.you')}</>}
                </th>
                <td data-label={t('people:list.email')}>{coordinator.email}</td>
                <td data-label={t('people:list.role')}>
                  {coordinator.isProgramCoordinator
                    ? t('people:kind.program')
                    : t('people:list.countryRole', { countries: countryNames(coordinator.countryCodes) })}
                </td>
                <td data-label={t('people:list.actions')}>
                  <a href={`${BASE}/${coordinator.personId}`}>
                    {t('people:list.change')}
                    <span class="visually-hidden"> {coordinator.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-coordinator">
        <h2 id="add-coordinator">{t('people:add.title')}</h2>
        <p>{t('people:add.lead')}</p>
        <form method="post" action={BASE} novalidate>
          <ErrorSummary errors={problems} />
          <CsrfField token={csrfToken} />
          <TextField
            name="email"
            type="email"
            label={t('people:form.email')}
            value={values.email}
            autocomplete="off"
            required
            maxlength={254}
            error={errorOf(problems)('email')}
          />
          <TextField
            name="name"
            label={t('people:form.name')}
            hint={t('people:form.nameHint')}
            value={values.name}
            maxlength={200}
            error={errorOf(problems)('name')}
          />
          <RoleFields values={values} error={errorOf(problems)} />
          <button type="submit" class="button">
            {t('people:add.submit')}
          </button>
        </form>
      </section>
      <p>
        <a href="/coordinator/audit?subjectType=person">{t('people:list.auditLink')}</a>
      </p>
    </article>
  );
};

/** Taking away one's own program coordinator role needs this box ticked (the service checks it). */
const ConfirmSelf = ({ error }: { error?: string | undefined }) => {
  const { t } = useShell();
  return (
    <div class={error ? 'field field--error' : 'field'}>
      {error && (
        <p class="field__error" id="field-confirmSelf-error">
          {error}
        </p>
      )}
      <div class="choice">
        <input
          id="field-confirmSelf"
          type="checkbox"
          name="confirmSelf"
          value="yes"
          aria-describedby={error ? 'field-confirmSelf-error' : undefined}
        />
        <label for="field-confirmSelf">{t('people:confirmSelf.label')}</label>
      </div>
    </div>
  );
};

export const ChangeCoordinatorPage = ({
  coordinator,
  isSelf,
  csrfToken,
  values,
  problems = [],
}: {
  coordinator: CoordinatorSummary;
  isSelf: boolean;
  csrfToken: string;
  values: CoordinatorFormValues;
  problems?: ShownProblem[];
}) => {
  const { t } = useShell();
  const error = errorOf(problems);
  return (
    <article>
      <BackLink href={BASE} label={t('people:backToList')} />
      <h1>{t('people:change.title', { name: coordinator.name })}</h1>
      <p>{t('people:change.email', { email: coordinator.email })}</p>
      <form method="post" action={`${BASE}/${coordinator.personId}`} novalidate>
        <ErrorSummary errors={problems} />
        <CsrfField token={csrfToken} />
        <TextField
          name="name"
          label={t('people:form.name')}
          value={values.name}
          required
          maxlength={200}
          error={error('name')}
        />
        <RoleFields values={values} error={error} />
        {isSelf && coordinator.isProgramCoordinator && (
          <>
            <Notice kind="warning">
              <p>{t('people:confirmSelf.changeWarning')}</p>
            </Notice>
            <ConfirmSelf error={error('confirmSelf')} />
          </>
        )}
        <button type="submit" class="button">
          {t('people:change.submit')}
        </button>
      </form>
      <p>
        <a href={`${BASE}/${coordinator.personId}/remove`}>
          {t('people:change.removeLink', { name: coordinator.name })}
        </a>
      </p>
      <p>
        <a href={`/coordinator/audit?subjectType=person&subject=${encodeURIComponent(coordinator.personId)}`}>
          {t('people:change.auditLink')}
        </a>
      </p>
    </article>
  );
};

export const RemoveCoordinatorPage = ({
  coordinator,
  isSelf,
  csrfToken,
  problems = [],
}: {
  coordinator: CoordinatorSummary;
  isSelf: boolean;
  csrfToken: string;
  problems?: ShownProblem[];
}) => {
  const { t } = useShell();
  const countryNames = useCountryNames();
  return (
    <article>
      <BackLink
        href={`${BASE}/${coordinator.personId}`}
        label={t('people:remove.back', { name: coordinator.name })}
      />
      <h1>{t('people:remove.title', { name: coordinator.name })}</h1>
      <p>
        {coordinator.isProgramCoordinator
          ? t('people:remove.programBody', { name: coordinator.name, email: coordinator.email })
          : t('people:remove.countryBody', {
              name: coordinator.name,
              email: coordinator.email,
              countries: countryNames(coordinator.countryCodes),
            })}
      </p>
      <p>{t('people:remove.stays')}</p>
      <form method="post" action={`${BASE}/${coordinator.personId}/remove`}>
        <ErrorSummary errors={problems} />
        <CsrfField token={csrfToken} />
        {isSelf && (
          <>
            <Notice kind="warning">
              <p>{t('people:confirmSelf.removeWarning')}</p>
            </Notice>
            <ConfirmSelf error={errorOf(problems)('confirmSelf')} />
          </>
        )}
        <button type="submit" class="button">
          {t('people:remove.submit', { name: coordinator.name })}
        </button>{' '}
        <a href={`${BASE}/${coordinator.personId}`}>{t('people:remove.cancel')}</a>
      </form>
    </article>
  );
};
