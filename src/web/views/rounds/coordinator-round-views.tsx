import { DateTime } from 'luxon';
import { ROUND_STATUSES, type Round, type RoundStatus } from '../../../core/rounds';
import type { ShownProblem } from '../../../i18n/problems';
import { BackLink, CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextField } from '../components';
import { formatCalendarDate, formatInstant } from '../format';
import { useShell } from '../shell-context';

/** The round pages: list, create/edit form, and the round's own page with its stage buttons. */

export type RoundFormValues = Record<string, string>;

/** A round's settings as the form shows them: dates and times in the program's zone. */
export const toRoundFormValues = (round: Round): RoundFormValues => {
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: round.programTimeZone });
  const open = local(round.applicationsOpenAt);
  const close = local(round.applicationsCloseAt);
  return {
    name: round.name,
    programTimeZone: round.programTimeZone,
    applicationsOpenOn: open.toISODate() ?? '',
    applicationsOpenTime: open.toFormat('HH:mm'),
    applicationsCloseOn: close.toISODate() ?? '',
    applicationsCloseTime: close.toFormat('HH:mm'),
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    quotaEnabled: round.quota.enabled ? 'on' : '',
    quotaCapPercent: String(round.quota.capPercent),
    quotaMinimumPlaces: String(round.quota.minimumPlaces),
  };
};

export const RoundStatusLabel = ({ status }: { status: RoundStatus }) => {
  const { t } = useShell();
  return <>{t(`review:roundStatus.${status}`)}</>;
};

export const RoundsListView = ({ rounds, canManage }: { rounds: Round[]; canManage: boolean }) => {
  const { t, locale } = useShell();
  return (
    <section>
      <h1>{t('review:rounds.title')}</h1>
      <p class="lead">{t('review:rounds.intro')}</p>
      {canManage && (
        <p>
          <a class="button" href="/coordinator/rounds/new">
            {t('review:rounds.newRound')}
          </a>
        </p>
      )}
      {rounds.length === 0 ? (
        <p>{t('review:rounds.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('review:rounds.columns.name')}</th>
                <th scope="col">{t('review:rounds.columns.status')}</th>
                <th scope="col">{t('review:rounds.columns.applications')}</th>
                <th scope="col">{t('review:rounds.columns.dates')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr data-round-id={round.id}>
                  <th scope="row">
                    {canManage ? <a href={`/coordinator/rounds/${round.id}`}>{round.name}</a> : round.name}
                    <br />
                    <a class="table__sub" href={`/coordinator/rounds/${round.id}/applications`}>
                      {t('review:rounds.review')}
                    </a>
                  </th>
                  <td>
                    <div class={`tag tag--${round.status}`}>
                      <RoundStatusLabel status={round.status} />
                    </div>
                  </td>
                  <td>
                    {t('review:rounds.window', {
                      open: formatInstant(round.applicationsOpenAt, locale, round.programTimeZone),
                      close: formatInstant(round.applicationsCloseAt, locale, round.programTimeZone),
                    })}
                  </td>
                  <td>
                    {t('review:rounds.dates', {
                      start: formatCalendarDate(round.startsOn, locale),
                      end: formatCalendarDate(round.endsOn, locale),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

const listTimeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};

/**
 * An instant as a date and a time of day in the program's time zone, side by side: the form
 * asks this way for when applications open and close (toRoundFormValues splits the instants).
 */
const DateTimeFields = ({
  dateName,
  timeName,
  dateLabel,
  timeLabel,
  values,
  errorOf,
}: {
  dateName: string;
  timeName: string;
  dateLabel: string;
  timeLabel: string;
  values: RoundFormValues;
  errorOf: (field: string) => string | undefined;
}) => {
  const { t } = useShell();
  return (
    <div class="field-row">
      <TextField
        type="date"
        name={dateName}
        label={dateLabel}
        hint={t('review:rounds.form.dateHint')}
        value={values[dateName]}
        error={errorOf(dateName)}
        required
      />
      <TextField
        name={timeName}
        label={timeLabel}
        hint={t('review:rounds.form.timeHint')}
        value={values[timeName]}
        error={errorOf(timeName)}
        inputmode="numeric"
      />
    </div>
  );
};

export const RoundFormView = ({
  title,
  action,
  values,
  problems,
  csrfToken,
  submitLabel,
}: {
  title: string;
  action: string;
  values: RoundFormValues;
  problems: ShownProblem[];
  csrfToken: string;
  submitLabel: string;
}) => {
  const { t } = useShell();
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const zones = listTimeZones();
  const zoneOptions = (
    zones.includes(values.programTimeZone ?? '') ? zones : [values.programTimeZone ?? 'UTC', ...zones]
  ).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
  return (
    <section>
      <BackLink href="/coordinator/rounds" label={t('review:rounds.backToRounds')} />
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary errors={problems.filter((problem) => problem.field !== '')} />
        <TextField
          name="name"
          label={t('review:rounds.form.name')}
          hint={t('review:rounds.form.nameHint')}
          value={values.name}
          error={errorOf('name')}
          required
          maxlength={120}
        />
        <SelectField
          name="programTimeZone"
          label={t('review:rounds.form.timeZone')}
          hint={t('review:rounds.form.timeZoneHint')}
          options={zoneOptions}
          value={values.programTimeZone}
          error={errorOf('programTimeZone')}
          required
        />
        <DateTimeFields
          dateName="applicationsOpenOn"
          timeName="applicationsOpenTime"
          dateLabel={t('review:rounds.form.openOn')}
          timeLabel={t('review:rounds.form.openTime')}
          values={values}
          errorOf={errorOf}
        />
        <DateTimeFields
          dateName="applicationsCloseOn"
          timeName="applicationsCloseTime"
          dateLabel={t('review:rounds.form.closeOn')}
          timeLabel={t('review:rounds.form.closeTime')}
          values={values}
          errorOf={errorOf}
        />
        <div class="field-row">
          <TextField
            type="date"
            name="startsOn"
            label={t('review:rounds.form.startsOn')}
            hint={t('review:rounds.form.dateHint')}
            value={values.startsOn}
            error={errorOf('startsOn')}
            required
          />
          <TextField
            type="date"
            name="endsOn"
            label={t('review:rounds.form.endsOn')}
            hint={t('review:rounds.form.endsOnHint')}
            value={values.endsOn}
            error={errorOf('endsOn')}
          />
        </div>
        <CheckboxGroup
          name="quotaEnabled"
          legend={t('review:rounds.form.quotaLegend')}
          options={[{ value: 'on', label: t('review:rounds.form.quotaEnabled') }]}
          values={values.quotaEnabled ? ['on'] : []}
          error={errorOf('quotaEnabled')}
        />
        <div class="field-row">
          <TextField
            name="quotaCapPercent"
            label={t('review:rounds.form.quotaCapPercent')}
            value={values.quotaCapPercent}
            error={errorOf('quotaCapPercent')}
            inputmode="numeric"
          />
          <TextField
            name="quotaMinimumPlaces"
            label={t('review:rounds.form.quotaMinimumPlaces')}
            value={values.quotaMinimumPlaces}
            error={errorOf('quotaMinimumPlaces')}
            inputmode="numeric"
          />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
};

export interface StageOption {
  to: RoundStatus;
  /** Why it cannot happen now, or undefined when it can. */
  refusal: string | undefined;
}

export const RoundPageView = ({
  round,
  stages,
  csrfToken,
}: {
  round: Round;
  stages: StageOption[];
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  return (
    <section>
      <BackLink href="/coordinator/rounds" label={t('review:rounds.backToRounds')} />
      <h1>{round.name}</h1>
      <p>
        <a class="button" href={`/coordinator/rounds/${round.id}/applications`}>
          {t('review:rounds.review')}
        </a>
      </p>
      <h2>{t('review:rounds.stageHeading')}</h2>
      <p>{t('review:rounds.currentStage', { status: t(`review:roundStatus.${round.status}`) })}</p>
      {stages.length === 0 ? (
        <p>{t('review:rounds.finishedNote')}</p>
      ) : (
        <ul class="stage-list">
          {stages.map((stage) => (
            <li>
              <form method="post" action={`/coordinator/rounds/${round.id}/status`}>
                <CsrfField token={csrfToken} />
                <input type="hidden" name="to" value={stage.to} />
                <button
                  type="submit"
                  class="button button--secondary"
                  aria-describedby={stage.refusal ? `refusal-${stage.to}` : undefined}
                >
                  {t(`review:transition.${stage.to}`)}
                </button>
                {stage.refusal && (
                  <p class="field__hint" id={`refusal-${stage.to}`}>
                    {t('review:rounds.unavailable')}: {stage.refusal}
                  </p>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('review:rounds.settingsHeading')}</h2>
      <ul class="settings-list">
        <li>
          {t('review:rounds.window', {
            open: formatInstant(round.applicationsOpenAt, locale, round.programTimeZone),
            close: formatInstant(round.applicationsCloseAt, locale, round.programTimeZone),
          })}{' '}
          ({round.programTimeZone.replaceAll('_', ' ')})
        </li>
        <li>
          {t('review:rounds.dates', {
            start: formatCalendarDate(round.startsOn, locale),
            end: formatCalendarDate(round.endsOn, locale),
          })}
        </li>
        <li>
          {round.quota.enabled
            ? t('review:rounds.quotaOn', {
                percent: round.quota.capPercent,
                minimum: round.quota.minimumPlaces,
              })
            : t('review:rounds.quotaOff')}
        </li>
      </ul>
      {round.status !== 'finished' && (
        <p>
          <a href={`/coordinator/rounds/${round.id}/edit`}>{t('review:rounds.editLink')}</a>
        </p>
      )}
    </section>
  );
};

export const ALL_ROUND_STATUSES = ROUND_STATUSES;
