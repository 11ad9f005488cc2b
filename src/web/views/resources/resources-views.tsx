import type { ShownProblem } from '../../../i18n/problems';
import type { Resource } from '../../../services/ports/resources';
import { CsrfField, ErrorSummary, TextAreaField, TextField } from '../components';
import { useShell } from '../shell-context';

export const ResourcesPage = ({ resources }: { resources: Resource[] }) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:resources.title')}</h1>
      <p class="lead">{t('applications:resources.lead')}</p>
      {resources.length === 0 ? (
        <p>{t('applications:resources.empty')}</p>
      ) : (
        <ul class="resource-list">
          {resources.map((resource) => (
            <li>
              <a href={resource.url} rel="noopener">
                {resource.title}
              </a>
              {resource.description && <p>{resource.description}</p>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/topics">{t('applications:topics.title')}</a>
      </p>
    </article>
  );
};

export interface ResourceFormValues {
  title?: string;
  url?: string;
  description?: string;
}

const ResourceFields = ({ values, problems }: { values: ResourceFormValues; problems: ShownProblem[] }) => {
  const { t } = useShell();
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return (
    <>
      <TextField
        name="title"
        label={t('applications:resources.manage.titleLabel')}
        value={values.title}
        error={error('title')}
        required
        maxlength={200}
      />
      <TextField
        name="url"
        type="url"
        label={t('applications:resources.manage.urlLabel')}
        hint={t('applications:resources.manage.urlHint')}
        value={values.url}
        error={error('url')}
        required
        maxlength={2000}
      />
      <TextAreaField
        name="description"
        label={t('applications:resources.manage.descriptionLabel')}
        value={values.description}
        error={error('description')}
        rows={3}
        maxlength={1000}
      />
    </>
  );
};

export const ManageResourcesPage = ({
  resources,
  csrfToken,
  values = {},
  problems = [],
}: {
  resources: Resource[];
  csrfToken: string;
  values?: ResourceFormValues;
  problems?: ShownProblem[];
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:resources.manage.title')}</h1>
      <p>
        <a href="/resources">{t('applications:resources.manage.publicLink')}</a>
      </p>
      {resources.length === 0 ? (
        <p>{t('applications:resources.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack">
            <caption>{t('applications:resources.manage.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications:resources.manage.titleLabel')}</th>
                <th scope="col">{t('applications:resources.manage.urlLabel')}</th>
                <th scope="col">{t('applications:resources.manage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((resource, index) => (
                <tr>
                  <th scope="row">{resource.title}</th>
                  <td data-label={t('applications:resources.manage.urlLabel')}>{resource.url}</td>
                  <td data-label={t('applications:resources.manage.actions')}>
                    <a href={`/coordinator/resources/${resource.id}/edit`}>
                      {t('applications:resources.manage.edit')}
                      <span class="visually-hidden"> {resource.title}</span>
                    </a>
                    {index > 0 && (
                      <form
                        method="post"
                        action={`/coordinator/resources/${resource.id}/move`}
                        class="site-nav__form"
                      >
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="direction" value="up" />
                        <button type="submit" class="link-button">
                          {t('applications:resources.manage.up')}
                          <span class="visually-hidden"> {resource.title}</span>
                        </button>
                      </form>
                    )}
                    {index < resources.length - 1 && (
                      <form
                        method="post"
                        action={`/coordinator/resources/${resource.id}/move`}
                        class="site-nav__form"
                      >
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="direction" value="down" />
                        <button type="submit" class="link-button">
                          {t('applications:resources.manage.down')}
                          <span class="visually-hidden"> {resource.title}</span>
                        </button>
                      </form>
                    )}
                    <form
                      method="post"
                      action={`/coordinator/resources/${resource.id}/delete`}
                      class="site-nav__form"
                    >
                      <CsrfField token={csrfToken} />
                      <button type="submit" class="link-button">
                        {t('applications:resources.manage.remove')}
                        <span class="visually-hidden"> {resource.title}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('applications:resources.manage.addHeading')}</h2>
      <form method="post" action="/coordinator/resources" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems} />
        <ResourceFields values={values} problems={problems} />
        <p>
          <button type="submit" class="button">
            {t('applications:resources.manage.addButton')}
          </button>
        </p>
      </form>
    </article>
  );
};

export const EditResourcePage = ({
  resource,
  values,
  problems = [],
  csrfToken,
}: {
  resource: Resource;
  values: ResourceFormValues;
  problems?: ShownProblem[];
  csrfToken: string;
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:resources.manage.editTitle', { title: resource.title })}</h1>
      <form method="post" action={`/coordinator/resources/${resource.id}`} novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems} />
        <ResourceFields values={values} problems={problems} />
        <p class="actions">
          <button type="submit" class="button">
            {t('applications:resources.manage.saveButton')}
          </button>{' '}
          <a href="/coordinator/resources">{t('applications:confirm.cancel')}</a>
        </p>
      </form>
    </article>
  );
};
