import { LOST_LINK_PATH } from '../../../core/applications/private-link';
import type { Round, RoundPhase } from '../../../core/rounds';
import type { DemoSignIns } from '../../../services/demo/demo-setting';
import { LocalTime, Notice, translateList } from '../components';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

export interface HomePageProps {
  current: { round: Round; phase: RoundPhase } | undefined;
  /** Set when the demo seeder ran: the addresses to sign in with. */
  demo: DemoSignIns | undefined;
}

const RoundBox = ({ current }: Pick<HomePageProps, 'current'>) => {
  const { t, locale } = useShell();
  if (!current) {
    return (
      <section class="round-box" aria-labelledby="round-heading">
        <h2 id="round-heading">{t('public:home.round.noneTitle')}</h2>
        <p>{t('public:home.round.noneBody')}</p>
      </section>
    );
  }
  const { round, phase } = current;
  const runs = t('public:home.round.runs', {
    start: formatCalendarDate(round.startsOn, locale),
    end: formatCalendarDate(round.endsOn, locale),
  });
  if (phase === 'in-progress') {
    return (
      <section class="round-box" aria-labelledby="round-heading">
        <h2 id="round-heading">{t('public:home.round.underwayTitle', { name: round.name })}</h2>
        <p>{t('public:home.round.underwayBody', { end: formatCalendarDate(round.endsOn, locale) })}</p>
      </section>
    );
  }
  const isOpen = phase === 'accepting-applications';
  return (
    <section class="round-box round-box--highlight" aria-labelledby="round-heading">
      <h2 id="round-heading">
        {t(isOpen ? 'public:home.round.openTitle' : 'public:home.round.soonTitle', { name: round.name })}
      </h2>
      <dl class="round-box__dates">
        <dt>{t(isOpen ? 'public:home.round.closes' : 'public:home.round.opens')}</dt>
        <dd>
          <LocalTime
            at={(isOpen ? round.applicationsCloseAt : round.applicationsOpenAt).toISOString()}
            timeZone={round.programTimeZone}
          />
        </dd>
      </dl>
      <p>{runs}</p>
      {isOpen && (
        <p>
          <a class="button" href="/apply">
            {t('public:home.round.apply', { name: round.name })}
          </a>
        </p>
      )}
    </section>
  );
};

export const HomePage = ({ current, demo }: HomePageProps) => {
  const { t } = useShell();
  const steps = translateList<{ title: string; body: string }>(t, 'public:home.steps');
  return (
    <>
      <h1>{t('program.name')}</h1>
      <p class="lead">{t('public:home.lead')}</p>
      {demo && (
        <Notice kind="warning" title={t('public:home.demo.title')}>
          <p>{t('public:home.demo.body', { email: demo.coordinatorEmail })}</p>
          <p>{t('public:home.demo.rounds')}</p>
          {demo.participantEmails.length > 0 && (
            <p>{t('public:home.demo.participant', { emails: demo.participantEmails.join(', ') })}</p>
          )}
          <p>
            <a href="/sign-in">{t('public:home.demo.signIn')}</a>
            {' · '}
            <a href="/outbox">{t('public:home.demo.outbox')}</a>
          </p>
        </Notice>
      )}
      <RoundBox current={current} />
      <p>
        {t('public:home.lostLink')} <a href={LOST_LINK_PATH}>{t('public:home.lostLinkLink')}</a>
      </p>
      <section aria-labelledby="who-heading">
        <h2 id="who-heading">{t('public:home.whoHeading')}</h2>
        {translateList<string>(t, 'public:home.who').map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('public:home.stepsHeading')}</h2>
        <ol class="steps">
          {steps.map((step) => (
            <li>
              <h3>{step.title}</h3>
              <p>{step.body}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t('public:home.askHeading')}</h2>
        <ul>
          {translateList<string>(t, 'public:home.ask').map((item) => (
            <li>{item}</li>
          ))}
        </ul>
        <p class="actions">
          <a class="button button--secondary" href="/how-it-works">
            {t('public:home.more')}
          </a>{' '}
          <a class="button button--secondary" href="/faq">
            {t('public:home.questions')}
          </a>
        </p>
      </section>
    </>
  );
};
