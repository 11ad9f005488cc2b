import { CHECK_IN_ANSWERS } from '../../../core/checkins/check-in';
import { PARTICIPANT_AREA_PATH } from '../../../core/people/participant-area';
import type { MyCheckIns } from '../../../services/checkins/my-check-ins';
import { ANSWER_KEYS } from '../checkins/check-in-words';
import { BackLink, CsrfField, fieldId, RadioGroup } from '../components';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

/** /participant/check-ins: this fortnight's question for each running partnership, and every answer given. */
export const CHECK_INS_PATH = `${PARTICIPANT_AREA_PATH}/check-ins`;

export const MyCheckInsView = ({ checkIns, csrfToken }: { checkIns: MyCheckIns; csrfToken: string }) => {
  const { t, locale } = useShell();
  const list = (names: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  const day = (at: Date) => formatCalendarDate(at.toISOString().slice(0, 10), locale);
  return (
    <section>
      <BackLink href={PARTICIPANT_AREA_PATH} label={t('checkins:area.back')} />
      <h1>{t('checkins:area.title')}</h1>
      <p class="lead">{t('checkins:area.lead')}</p>
      {checkIns.current.length === 0 && <p>{t('checkins:area.noneNow')}</p>}
      {checkIns.current.map((current) => (
        <form
          method="post"
          action={CHECK_INS_PATH}
          class="round-box"
          data-partnership-id={current.partnershipId}
        >
          <h2>
            {t('checkins:area.fortnightHeading', { round: current.round.name, fortnight: current.fortnight })}
          </h2>
          {current.answer && current.answeredAt && (
            <p>
              {t('checkins:area.answered', {
                answer: t(ANSWER_KEYS[current.answer]),
                date: day(current.answeredAt),
              })}
            </p>
          )}
          <CsrfField token={csrfToken} />
          <input type="hidden" name="partnershipId" value={current.partnershipId} />
          <RadioGroup
            name="answer"
            id={fieldId(`answer-${current.partnershipId}`)}
            legend={
              current.partnerNames.length > 0
                ? t('checkins:area.legend', { partners: list(current.partnerNames) })
                : t('checkins:link.legend')
            }
            options={CHECK_IN_ANSWERS.map((answer) => ({ value: answer, label: t(ANSWER_KEYS[answer]) }))}
            value={current.answer}
            required
          />
          <p>
            <button type="submit" class="button">
              {current.answer ? t('checkins:area.change') : t('checkins:link.button')}
            </button>
          </p>
        </form>
      ))}
      <h2>{t('checkins:area.historyHeading')}</h2>
      {checkIns.history.length === 0 ? (
        <p>{t('checkins:area.noHistory')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack">
            <caption>{t('checkins:area.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('checkins:area.columns.round')}</th>
                <th scope="col" class="num">
                  {t('checkins:area.columns.fortnight')}
                </th>
                <th scope="col">{t('checkins:area.columns.answer')}</th>
                <th scope="col">{t('checkins:area.columns.date')}</th>
              </tr>
            </thead>
            <tbody>
              {checkIns.history.map((past) => (
                <tr>
                  <td data-label={t('checkins:area.columns.round')}>{past.roundName}</td>
                  <td class="num" data-label={t('checkins:area.columns.fortnight')}>
                    {past.fortnight}
                  </td>
                  <td data-label={t('checkins:area.columns.answer')}>{t(ANSWER_KEYS[past.answer])}</td>
                  <td data-label={t('checkins:area.columns.date')}>{day(past.answeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
