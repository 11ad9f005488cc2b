import { DateTime } from 'luxon';
import type { Round } from '../../../core/rounds';
import type { ShownProblem } from '../../../i18n/problems';
import { BackLink, CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextField } from '../components';
import { useShell } from '../shell-context';

/** Creating and editing a round: its name, window, dates and country quota. */
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
