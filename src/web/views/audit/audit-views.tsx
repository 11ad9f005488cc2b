import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  type AuditChannel,
  type AuditRecord,
} from '../../../core/audit/audit-entry';
import { type AuditQueryInput, NO_PERSON } from '../../../core/audit/audit-query';
import type { ShownProblem } from '../../../i18n/problems';
import { ErrorSummary, SelectField, TextField } from '../components';
import { useShell } from '../shell-context';

/** The filters as they travel in the page's URL (the form is GET, so a filtered view is a link). */
export const auditQueryString = (query: AuditQueryInput, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...extra })) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** `2027-03-01T09:05:00.000Z` → `2027-03-01 09:05:00 UTC`: the trail's own time, the same for everyone. */
export const formatAuditInstant = (at: string): string => `${at.slice(0, 10)} ${at.slice(11, 19)} UTC`;

/** `{ from: 'pending', to: 'accepted' }` → `from: pending · to: accepted` (values as JSON when not text). */
export const describeDetails = (details: Record<string, unknown>): string =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');

const Channel = ({
  channel,
  clientAddress,
}: {
  channel: AuditChannel | null;
  clientAddress: string | null;
}) => {
  const { t } = useShell();
  const label = t(`audit:channels.${channel ?? 'unknown'}`);
  return clientAddress ? (
    <>
      {label}
      <br />
      <code>{clientAddress}</code>
    </>
  ) : (
    label
  );
};

export interface AuditTrailPageProps {
  query: AuditQueryInput;
  entries: AuditRecord[];
  actors: { personId: string; name: string; email: string }[];
  nextAfter?: string | undefined;
  problems?: ShownProblem[];
}

const FilterForm = ({ query, actors, problems = [] }: Omit<AuditTrailPageProps, 'entries'>) => {
  const { t } = useShell();
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return (
    <form method="get" action="/coordinator/audit" class="audit-filters">
      <ErrorSummary errors={problems} />
      <fieldset>
        <legend>{t('audit:filters.legend')}</legend>
        <SelectField
          name="actor"
          label={t('audit:filters.actor')}
          value={query.actor}
          placeholder={t('audit:filters.anyone')}
          options={[
            { value: NO_PERSON, label: t('audit:filters.noPerson') },
            ...actors.map((actor) => ({ value: actor.personId, label: `${actor.name} <${actor.email}>` })),
          ]}
          error={error('actor')}
        />
        <SelectField
          name="action"
          label={t('audit:filters.action')}
          value={query.action}
          placeholder={t('audit:filters.anyAction')}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit:actions.${action}`) }))}
          error={error('action')}
        />
        <SelectField
          name="subjectType"
          label={t('audit:filters.subjectType')}
          value={query.subjectType}
          placeholder={t('audit:filters.anySubjectType')}
          options={AUDIT_SUBJECT_TYPES.map((type) => ({
            value: type,
            label: t(`audit:subjectTypes.${type}`),
          }))}
          error={error('subjectType')}
        />
        <TextField
          name="subject"
          label={t('audit:filters.subject')}
          hint={t('audit:filters.subjectHint')}
          value={query.subject}
          maxlength={200}
          error={error('subject')}
        />
        <TextField
          name="from"
          type="date"
          label={t('audit:filters.from')}
          value={query.from}
          error={error('from')}
        />
        <TextField name="to" type="date" label={t('audit:filters.to')} value={query.to} error={error('to')} />
      </fieldset>
      <button type="submit" class="button">
        {t('audit:filters.submit')}
      </button>{' '}
      <a href="/coordinator/audit">{t('audit:filters.clear')}</a>
    </form>
  );
};

export const AuditTrailPage = (props: AuditTrailPageProps) => {
  const { t } = useShell();
  const { query, entries, nextAfter } = props;
  const filters = { ...query, after: undefined };
  return (
    <article>
      <h1>{t('audit:title')}</h1>
      <p class="lead">{t('audit:lead')}</p>
      <FilterForm {...props} />
      <p>
        <a
          class="button button--secondary"
          href={`/coordinator/audit/export.csv${auditQueryString(filters)}`}
        >
          {t('audit:export.link')}
        </a>
      </p>
      <p class="field__hint">{t('audit:export.formulaNote')}</p>
      {entries.length === 0 ? (
        <p>{t('audit:empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack audit-table">
            <caption>{t(query.after ? 'audit:table.captionOlder' : 'audit:table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit:table.when')}</th>
                <th scope="col">{t('audit:table.who')}</th>
                <th scope="col">{t('audit:table.action')}</th>
                <th scope="col">{t('audit:table.subject')}</th>
                <th scope="col">{t('audit:table.fromWhere')}</th>
                <th scope="col">{t('audit:table.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td data-label={t('audit:table.when')}>
                    <time datetime={entry.at}>{formatAuditInstant(entry.at)}</time>
                  </td>
                  <td data-label={t('audit:table.who')}>
                    {entry.actor ? (
                      <>
                        {entry.actor.name}
                        <br />
                        {entry.actor.email}
                      </>
                    ) : (
                      t(entry.actorPersonId ? 'audit:table.formerPerson' : 'audit:table.noPerson')
                    )}
                  </td>
                  <th scope="row" data-label={t('audit:table.action')}>
                    {t(`audit:actions.${entry.action}`, { defaultValue: entry.action })}
                  </th>
                  <td data-label={t('audit:table.subject')}>
                    {t(`audit:subjectTypes.${entry.subjectType}`, { defaultValue: entry.subjectType })}
                    <br />
                    <a href={`/coordinator/audit${auditQueryString({ subject: entry.subjectId })}`}>
                      <code>{entry.subjectId}</code>
                    </a>
                  </td>
                  <td data-label={t('audit:table.fromWhere')}>
                    <Channel channel={entry.channel} clientAddress={entry.clientAddress} />
                  </td>
                  <td class="audit-details" data-label={t('audit:table.details')}>
                    {describeDetails(entry.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(query.after || nextAfter) && (
        <nav class="pagination" aria-label={t('audit:pager.label')}>
          <ul>
            {query.after && (
              <li>
                <a href={`/coordinator/audit${auditQueryString(filters)}`}>{t('audit:pager.newest')}</a>
              </li>
            )}
            {nextAfter && (
              <li>
                <a href={`/coordinator/audit${auditQueryString(filters, { after: nextAfter })}`} rel="next">
                  {t('audit:pager.older')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </article>
  );
};
