import { CHECK_IN_ANSWERS } from '../../../core/checkins/check-in';
import { getCountryName } from '../../../core/countries';
import { pickText } from '../../../core/surveys/survey';
import type { RoundDashboard } from '../../../services/dashboard/load-round-dashboard';
import { layoutBars } from '../charts/chart-layout';
import { ANSWER_KEYS } from '../checkins/check-in-words';
import { roundCheckInsPath } from '../checkins/round-check-ins-view';
import { BackLink } from '../components';
import { formatCalendarDate } from '../format';
import { formatNumber } from '../matching/matching-words';
import { useShell } from '../shell-context';
import { formatPercent, kindLabel, phaseLabel } from '../surveys/survey-labels';
import { countLayout, DashboardFigure } from './dashboard-figure';

/** /coordinator/rounds/:roundId/dashboard. */
export const roundDashboardPath = (roundId: string) =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/dashboard`;

/** Countries shown in the chart; the table below it lists every one. */
const CHART_COUNTRIES = 15;

const ApplicationsSection = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  const day = (at: Date) => formatCalendarDate(at.toISOString().slice(0, 10), locale);
  const { weeks, total } = view.applications;
  return (
    <section aria-labelledby="dashboard-applications">
      <h2 id="dashboard-applications">{t('dashboard:applications.heading')}</h2>
      <p>{t('dashboard:applications.total', { count: total })}</p>
      {weeks.length > 0 && (
        <DashboardFigure
          id="applications"
          caption={t('dashboard:applications.caption')}
          formatTick={n}
          layout={countLayout(
            weeks.map((week) => ({
              label: t('dashboard:applications.week', { week: week.week, date: day(week.startsAt) }),
              bars: [{ value: week.count, series: 0, text: n(week.count) }],
            })),
          )}
        >
          <thead>
            <tr>
              <th scope="col">{t('dashboard:applications.columns.week')}</th>
              <th scope="col" class="num">
                {t('dashboard:applications.columns.count')}
              </th>
              <th scope="col" class="num">
                {t('dashboard:applications.columns.cumulative')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr>
                <th scope="row">
                  {t('dashboard:applications.week', { week: week.week, date: day(week.startsAt) })}
                </th>
                <td class="num">{n(week.count)}</td>
                <td class="num">{n(week.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </DashboardFigure>
      )}
    </section>
  );
};

const ParticipantsSection = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  const { byCountry, total } = view.participants;
  const share = (count: number) => formatPercent(locale, total > 0 ? (count / total) * 100 : null);
  return (
    <section aria-labelledby="dashboard-participants">
      <h2 id="dashboard-participants">{t('dashboard:participants.heading')}</h2>
      {total === 0 ? (
        <p>{t('dashboard:participants.none')}</p>
      ) : (
        <>
          <p>{t('dashboard:participants.total', { count: total, countries: byCountry.length })}</p>
          <DashboardFigure
            id="participants"
            caption={t(
              byCountry.length > CHART_COUNTRIES
                ? 'dashboard:participants.captionTop'
                : 'dashboard:participants.caption',
              { count: CHART_COUNTRIES },
            )}
            formatTick={n}
            layout={countLayout(
              byCountry.slice(0, CHART_COUNTRIES).map((row) => ({
                label: getCountryName(row.countryCode, locale),
                bars: [{ value: row.count, series: 0, text: n(row.count) }],
              })),
            )}
          >
            <thead>
              <tr>
                <th scope="col">{t('dashboard:participants.columns.country')}</th>
                <th scope="col" class="num">
                  {t('dashboard:participants.columns.count')}
                </th>
                <th scope="col" class="num">
                  {t('dashboard:participants.columns.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byCountry.map((row) => (
                <tr>
                  <th scope="row">{getCountryName(row.countryCode, locale)}</th>
                  <td class="num">{n(row.count)}</td>
                  <td class="num">{share(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </DashboardFigure>
        </>
      )}
    </section>
  );
};

const FitSection = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  const band = (from: number, to: number) => t('dashboard:fit.band', { from: n(from), to: n(to) });
  return (
    <section aria-labelledby="dashboard-fit">
      <h2 id="dashboard-fit">{t('dashboard:fit.heading')}</h2>
      {view.fit.partnerships === 0 ? (
        <p>{t('dashboard:fit.none')}</p>
      ) : (
        <DashboardFigure
          id="fit"
          caption={t('dashboard:fit.caption', { count: view.fit.partnerships })}
          formatTick={n}
          layout={countLayout(
            view.fit.bands.map((row) => ({
              label: band(row.from, row.to),
              bars: [{ value: row.count, series: 0, text: n(row.count) }],
            })),
          )}
        >
          <thead>
            <tr>
              <th scope="col">{t('dashboard:fit.columns.band')}</th>
              <th scope="col" class="num">
                {t('dashboard:fit.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.fit.bands.map((row) => (
              <tr>
                <th scope="row">{band(row.from, row.to)}</th>
                <td class="num">{n(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </DashboardFigure>
      )}
    </section>
  );
};

const EngagementSection = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  const { fortnights, activeParticipants } = view.engagement;
  const fortnightLabel = (fortnight: number) => t('dashboard:engagement.fortnight', { fortnight });
  return (
    <section aria-labelledby="dashboard-engagement">
      <h2 id="dashboard-engagement">{t('dashboard:engagement.heading')}</h2>
      {fortnights.length === 0 ? (
        <p>{t('dashboard:engagement.none')}</p>
      ) : (
        <>
          <p>{t('dashboard:engagement.active', { count: activeParticipants })}</p>
          <DashboardFigure
            id="engagement"
            caption={t('dashboard:engagement.caption')}
            formatTick={n}
            legend={CHECK_IN_ANSWERS.map((answer) => t(ANSWER_KEYS[answer]))}
            layout={countLayout(
              fortnights.map((row) => ({
                label: fortnightLabel(row.fortnight),
                bars: CHECK_IN_ANSWERS.map((answer, series) => ({
                  value: row.counts[answer],
                  series,
                  text: n(row.counts[answer]),
                })),
              })),
            )}
          >
            <thead>
              <tr>
                <th scope="col">{t('dashboard:engagement.columns.fortnight')}</th>
                {CHECK_IN_ANSWERS.map((answer) => (
                  <th scope="col" class="num">
                    {t(ANSWER_KEYS[answer])}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('dashboard:engagement.columns.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {fortnights.map((row) => (
                <tr>
                  <th scope="row">{fortnightLabel(row.fortnight)}</th>
                  {CHECK_IN_ANSWERS.map((answer) => (
                    <td class="num">{n(row.counts[answer])}</td>
                  ))}
                  <td class="num">{formatPercent(locale, row.rate)}</td>
                </tr>
              ))}
            </tbody>
          </DashboardFigure>
          <p class="field__hint">{t('dashboard:engagement.rateNote')}</p>
        </>
      )}
    </section>
  );
};

const SurveysSection = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  const title = (survey: RoundDashboard['surveys'][number]) => pickText(survey.title, locale);
  return (
    <section aria-labelledby="dashboard-surveys">
      <h2 id="dashboard-surveys">{t('dashboard:surveys.heading')}</h2>
      {view.surveys.length === 0 ? (
        <p>{t('dashboard:surveys.none')}</p>
      ) : (
        <DashboardFigure
          id="surveys"
          caption={t('dashboard:surveys.caption')}
          formatTick={(value) => formatPercent(locale, value)}
          layout={layoutBars(
            view.surveys.map((survey) => ({
              label: title(survey),
              bars: [{ value: survey.rate ?? 0, series: 0, text: formatPercent(locale, survey.rate) }],
            })),
            { min: 0, max: 100 },
          )}
        >
          <thead>
            <tr>
              <th scope="col">{t('dashboard:surveys.columns.survey')}</th>
              <th scope="col">{t('dashboard:surveys.columns.phase')}</th>
              <th scope="col" class="num">
                {t('dashboard:surveys.columns.invited')}
              </th>
              <th scope="col" class="num">
                {t('dashboard:surveys.columns.answered')}
              </th>
              <th scope="col" class="num">
                {t('dashboard:surveys.columns.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.surveys.map((survey) => (
              <tr>
                <th scope="row">
                  <a href={`/coordinator/surveys/${encodeURIComponent(survey.surveyId)}/results`}>
                    {title(survey)}
                  </a>{' '}
                  <span class="table__sub">{kindLabel(t, survey.kind)}</span>
                </th>
                <td>{phaseLabel(t, survey.phase)}</td>
                <td class="num">{n(survey.invited)}</td>
                <td class="num">{n(survey.answered)}</td>
                <td class="num">{formatPercent(locale, survey.rate)}</td>
              </tr>
            ))}
          </tbody>
        </DashboardFigure>
      )}
    </section>
  );
};

const InterventionsSection = ({ view }: { view: RoundDashboard }) => {
  const { t } = useShell();
  return (
    <section aria-labelledby="dashboard-interventions">
      <h2 id="dashboard-interventions">{t('dashboard:interventions.heading')}</h2>
      <p data-interventions={view.interventions.open}>
        {t('dashboard:interventions.open', { count: view.interventions.open })}
        {view.interventions.dismissed > 0 && (
          <> {t('dashboard:interventions.dismissed', { count: view.interventions.dismissed })}</>
        )}
      </p>
      <p>
        <a href={roundCheckInsPath(view.round.id)}>{t('dashboard:interventions.link')}</a>
      </p>
    </section>
  );
};

const MailSection = ({ mail }: { mail: NonNullable<RoundDashboard['mail']> }) => {
  const { t, locale } = useShell();
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section aria-labelledby="dashboard-mail">
      <h2 id="dashboard-mail">{t('dashboard:mail.heading')}</h2>
      <p>{t('dashboard:mail.scope')}</p>
      <dl data-mail-health>
        <div>
          <dt>{t('dashboard:mail.queued')}</dt>
          <dd>{n(mail.queued)}</dd>
        </div>
        <div>
          <dt>{t('dashboard:mail.retrying')}</dt>
          <dd>{n(mail.retrying)}</dd>
        </div>
        <div>
          <dt>{t('dashboard:mail.deadLetters')}</dt>
          <dd>{n(mail.deadLetters)}</dd>
        </div>
      </dl>
      <p class="link-list">
        <a href="/outbox">{t('dashboard:mail.outboxLink')}</a>{' '}
        <a href="/outbox/dead-letters">{t('dashboard:mail.deadLettersLink')}</a>
      </p>
    </section>
  );
};

export const RoundDashboardView = ({ view }: { view: RoundDashboard }) => {
  const { t, locale } = useShell();
  const countries = view.countryCodes?.map((code) => getCountryName(code, locale)).join(', ');
  return (
    <section class="dashboard">
      <BackLink href="/coordinator" label={t('dashboard:back')} />
      <h1>{t('dashboard:title', { round: view.round.name })}</h1>
      <p class="lead">
        {view.countryCodes ? t('dashboard:scopeCountries', { countries }) : t('dashboard:scopeAll')}
      </p>
      <ApplicationsSection view={view} />
      <ParticipantsSection view={view} />
      <FitSection view={view} />
      <EngagementSection view={view} />
      <SurveysSection view={view} />
      <InterventionsSection view={view} />
      {view.mail && <MailSection mail={view.mail} />}
    </section>
  );
};
