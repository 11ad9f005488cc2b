import type { Round, RoundPhase } from '../../../core/rounds';
import { assetUrl } from '../../assets';
import { LocalTime } from '../components';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

/** The dates of a round: applications open and close (live in the reader's zone too), start, end. */
export const RoundDates = ({ round }: { round: Round }) => {
  const { t, locale } = useShell();
  return (
    <dl class="round-box__dates">
      <dt>{t('applications:round.opens')}</dt>
      <dd>
        <LocalTime at={round.applicationsOpenAt.toISOString()} timeZone={round.programTimeZone} />
      </dd>
      <dt>{t('applications:round.closes')}</dt>
      <dd>
        <LocalTime at={round.applicationsCloseAt.toISOString()} timeZone={round.programTimeZone} />
      </dd>
      <dt>{t('applications:round.runs')}</dt>
      <dd>
        {t('applications:round.runsValue', {
          start: formatCalendarDate(round.startsOn, locale),
          end: formatCalendarDate(round.endsOn, locale),
        })}
      </dd>
    </dl>
  );
};

/** The application form's enhancements (/static/apply.js); include once per page. */
export const ApplyScript = () => <script src={assetUrl('apply.js')} defer />;

/** A live countdown to the deadline, filled in by /static/apply.js (empty without JavaScript). */
export const DeadlineCountdown = ({ round }: { round: Round }) => {
  const { t } = useShell();
  return (
    <p
      class="deadline-countdown"
      data-deadline={round.applicationsCloseAt.toISOString()}
      data-label-days={t('applications:round.countdownDays', { days: '{days}', hours: '{hours}' })}
      data-label-hours={t('applications:round.countdownHours', { hours: '{hours}', minutes: '{minutes}' })}
      data-label-closed={t('applications:round.countdownClosed')}
      aria-live="off"
    />
  );
};

const phaseText = (phase: RoundPhase | undefined) =>
  phase === 'accepting-applications'
    ? 'applications:round.phase.open'
    : phase === 'opening-soon'
      ? 'applications:round.phase.soon'
      : 'applications:round.phase.closed';

/** The public page of one round. */
export const RoundPage = ({ round, phase }: { round: Round; phase: RoundPhase | undefined }) => {
  const { t } = useShell();
  const isOpen = phase === 'accepting-applications';
  return (
    <article>
      <h1>{round.name}</h1>
      <p class="lead">{t(phaseText(phase))}</p>
      <section
        class={isOpen ? 'round-box round-box--highlight' : 'round-box'}
        aria-labelledby="dates-heading"
      >
        <h2 id="dates-heading">{t('applications:round.datesHeading')}</h2>
        <RoundDates round={round} />
        {isOpen && <DeadlineCountdown round={round} />}
        {isOpen && <ApplyScript />}
        {isOpen && (
          <p>
            <a class="button" href={`/rounds/${encodeURIComponent(round.id)}/apply`}>
              {t('applications:round.applyButton', { name: round.name })}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('applications:round.howHeading')}</h2>
        <p>{t('applications:round.howBody')}</p>
        <p>
          <a href="/how-it-works">{t('applications:round.howLink')}</a>
          {' · '}
          <a href="/faq">{t('applications:round.faqLink')}</a>
        </p>
      </section>
    </article>
  );
};

/** /apply when no round takes applications: when the next one opens, or that none is announced. */
export const NoOpenRoundPage = ({ next }: { next: Round | undefined }) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:noOpenRound.title')}</h1>
      {next ? (
        <>
          <p class="lead">{t('applications:noOpenRound.nextBody', { name: next.name })}</p>
          <dl class="round-box__dates">
            <dt>{t('applications:round.opens')}</dt>
            <dd>
              <LocalTime at={next.applicationsOpenAt.toISOString()} timeZone={next.programTimeZone} />
            </dd>
          </dl>
          <p>
            <a href={`/rounds/${encodeURIComponent(next.id)}`}>
              {t('applications:noOpenRound.roundLink', { name: next.name })}
            </a>
          </p>
        </>
      ) : (
        <p class="lead">{t('applications:noOpenRound.noneBody')}</p>
      )}
      <p>
        <a href="/how-it-works">{t('applications:round.howLink')}</a>
      </p>
    </article>
  );
};
