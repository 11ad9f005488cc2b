import type { PairExplanation } from '../../../core/matchmaking';
import type { LocalSpan } from '../../../core/time';
import { labelFor } from '../../../i18n/labels';
import { describeCallTimes, formatDuration, localDateOf } from '../../../i18n/partners';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

/**
 * When two partners can both call, per period of the round (clocks change with daylight saving):
 * each shared window in the viewer's time and in the partner's, as a table a screen reader can read.
 */
const Span = ({ span }: { span: LocalSpan }) => {
  const { t } = useShell();
  const day = (id: string) => labelFor(t, 'dayOfWeek', id);
  return (
    <>
      {span.startDay === span.endDay
        ? t('participant:partnership.spanSameDay', {
            day: day(span.startDay),
            startTime: span.startTime,
            endTime: span.endTime,
          })
        : t('participant:partnership.span', {
            startDay: day(span.startDay),
            startTime: span.startTime,
            endDay: day(span.endDay),
            endTime: span.endTime,
          })}
    </>
  );
};

export const CallTimes = ({
  pair,
  mine,
  partnerName,
  timeZone,
}: {
  pair: PairExplanation;
  /** The viewer's side of the pair's local times. */
  mine: 0 | 1;
  partnerName: string;
  /** The viewer's zone, for the periods' dates. */
  timeZone: string;
}) => {
  const { t, locale } = useShell();
  const theirs = mine === 0 ? 1 : 0;
  const day = (at: string) => formatCalendarDate(localDateOf(at, timeZone), locale);
  return (
    <>
      <h3>{t('participant:partnership.callsHeading')}</h3>
      <p>{describeCallTimes(t, pair.overlap.callMode, pair.overlap.guaranteedWeeklyMinutes)}</p>
      {pair.overlap.periods.length > 0 && <p>{t('participant:partnership.callsLead')}</p>}
      {pair.overlap.periods.map((period) => {
        const dates = { from: day(period.fromAt), to: day(period.toAt) };
        const label = t('participant:partnership.period', dates);
        return period.sharedWindows.length === 0 ? (
          <p>
            {label}: {t('participant:partnership.noWindows')}
          </p>
        ) : (
          <div class="table-scroll">
            <table class="table table--stack">
              <caption>{t('participant:partnership.periodCaption', { name: partnerName, ...dates })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participant:partnership.yourTime')}</th>
                  <th scope="col">{t('participant:partnership.theirTime', { name: partnerName })}</th>
                  <th scope="col">{t('participant:partnership.length')}</th>
                </tr>
              </thead>
              <tbody>
                {period.sharedWindows.map((window) => (
                  <tr>
                    <td data-label={t('participant:partnership.yourTime')}>
                      <Span span={window.local[mine]} />
                    </td>
                    <td data-label={t('participant:partnership.theirTime', { name: partnerName })}>
                      <Span span={window.local[theirs]} />
                    </td>
                    <td data-label={t('participant:partnership.length')}>
                      {formatDuration(t, window.minutes)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
};
