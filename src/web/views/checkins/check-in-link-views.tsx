import { CHECK_IN_ANSWERS, type CheckInAnswer, type CheckInOutcome } from '../../../core/checkins/check-in';
import { PARTICIPANT_AREA_PATH } from '../../../core/people/participant-area';
import { CsrfField, ErrorSummary, fieldId, Notice, RadioGroup } from '../components';
import { useShell } from '../shell-context';
import { ANSWER_KEYS } from './check-in-words';

/**
 * What a check-in link opens (no sign-in, no script): the question with the answer that was clicked
 * preselected and one button, and the pages for a link that no longer works. Opening the page
 * records nothing; the button does.
 */
export const CHECK_IN_CONFIRM_PATH = '/check-in';

export const CheckInLinkForm = ({
  token,
  csrfToken,
  roundName,
  fortnight,
  partnerNames,
  current,
  chosen,
  isMissing = false,
}: {
  token: string;
  csrfToken: string;
  roundName: string;
  fortnight: number;
  partnerNames: string[];
  current: CheckInAnswer | undefined;
  chosen: CheckInAnswer | undefined;
  isMissing?: boolean;
}) => {
  const { t, locale } = useShell();
  const partners = new Intl.ListFormat(locale, { type: 'conjunction' }).format(partnerNames);
  const error = isMissing ? t('checkins:link.chooseOne') : undefined;
  return (
    <section class="check-in">
      <h1>{t('checkins:link.heading')}</h1>
      <p class="lead">
        {partnerNames.length > 0
          ? t('checkins:link.lead', { round: roundName, fortnight, partners })
          : t('checkins:link.leadNoPartner', { round: roundName, fortnight })}
      </p>
      {current && (
        <Notice>
          <p>{t('checkins:link.already', { answer: t(ANSWER_KEYS[current]) })}</p>
        </Notice>
      )}
      <form method="post" action={CHECK_IN_CONFIRM_PATH}>
        <ErrorSummary errors={error ? [{ field: 'answer', message: error }] : []} />
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <RadioGroup
          name="answer"
          id={fieldId('answer')}
          legend={t('checkins:link.legend')}
          options={CHECK_IN_ANSWERS.map((answer) => ({ value: answer, label: t(ANSWER_KEYS[answer]) }))}
          value={chosen ?? current}
          error={error}
          required
        />
        <p>
          <button type="submit" class="button">
            {t('checkins:link.button')}
          </button>
        </p>
      </form>
      <p class="field__hint">{t('checkins:link.nothingYet')}</p>
    </section>
  );
};

export type CheckInLinkOutcome = 'invalid' | 'expired' | 'round-over' | 'left' | 'malformed' | CheckInOutcome;

const OUTCOME_KEYS: Record<CheckInLinkOutcome, { title: string; body: string }> = {
  invalid: { title: 'checkins:link.invalid.title', body: 'checkins:link.invalid.body' },
  expired: { title: 'checkins:link.expired.title', body: 'checkins:link.expired.body' },
  'round-over': { title: 'checkins:link.roundOver.title', body: 'checkins:link.roundOver.body' },
  left: { title: 'checkins:link.left.title', body: 'checkins:link.left.body' },
  malformed: { title: 'checkins:link.malformed.title', body: 'checkins:link.malformed.body' },
  recorded: { title: 'checkins:link.recorded.title', body: 'checkins:link.recorded.body' },
  unchanged: { title: 'checkins:link.unchanged.title', body: 'checkins:link.unchanged.body' },
  changed: { title: 'checkins:link.changed.title', body: 'checkins:link.changed.body' },
};

export const checkInOutcomeTitle = (t: ReturnType<typeof useShell>['t'], outcome: CheckInLinkOutcome) =>
  t(OUTCOME_KEYS[outcome].title);

export const CheckInOutcomePage = ({
  outcome,
  answer,
}: {
  outcome: CheckInLinkOutcome;
  answer?: CheckInAnswer | undefined;
}) => {
  const { t } = useShell();
  return (
    <section class="check-in">
      <h1>{t(OUTCOME_KEYS[outcome].title)}</h1>
      {answer && <p class="lead">{t('checkins:link.yourAnswer', { answer: t(ANSWER_KEYS[answer]) })}</p>}
      <p>{t(OUTCOME_KEYS[outcome].body)}</p>
      <p>
        <a href={PARTICIPANT_AREA_PATH}>{t('checkins:link.areaLink')}</a>
      </p>
    </section>
  );
};
