import { getCountryName } from '../../../core/countries';
import type { Round } from '../../../core/rounds';
import { labelFor } from '../../../i18n/labels';
import type { ShownProblem } from '../../../i18n/problems';
import type { ApplicationCounts } from '../../../services/ports/review';
import type { AdmitFromWaitlistResult } from '../../../services/review/admit-from-waitlist';
import type { QuotaPreview } from '../../../services/rounds/settle-country-quota';
import { BackLink, CsrfField, ErrorSummary, TextField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { applicationsPath } from './list-view';

/** Counts and waitlist admission (the CSV import's pages are in import-views.tsx). */

/** A table of counts; a row with `href` links its label and count to the list it counts. */
const CountTable = ({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; count: number; href?: string }[];
}) => {
  const { t } = useShell();
  return (
    <table class="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" class="num">
            {t('review:counts.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
            <td class="num">
              {row.href ? (
                <a href={row.href} class="counts-link" aria-label={`${row.label}: ${row.count}`}>
                  {row.count}
                </a>
              ) : (
                row.count
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

export const CountsView = ({
  round,
  counts,
  quota,
}: {
  round: Round;
  counts: ApplicationCounts;
  /** Only while the round takes applications: what the close would settle. */
  quota?: QuotaPreview | undefined;
}) => {
  const { t, locale } = useShell();
  const list = applicationsPath(round.id);
  return (
    <section>
      <BackLink href={list} label={t('review:counts.backToList')} />
      <h1>{t('review:counts.title', { round: round.name })}</h1>
      <p class="lead">
        <a href={list}>{t('review:counts.total', { count: counts.total })}</a>
      </p>
      <div class="counts-grid">
        <CountTable
          caption={t('review:counts.byStatus')}
          rows={Object.entries(counts.byStatus).map(([status, count]) => ({
            label: t(`review:status.${status}`),
            count: count ?? 0,
            href: `${list}?status=${encodeURIComponent(status)}`,
          }))}
        />
        <CountTable
          caption={t('review:counts.byCountry')}
          rows={counts.byCountry.map((row) => ({
            label: getCountryName(row.countryCode, locale),
            count: row.count,
            href: `${list}?country=${encodeURIComponent(row.countryCode)}`,
          }))}
        />
        <CountTable
          caption={t('review:counts.bySector')}
          rows={counts.bySector.map((row) => ({
            label: labelFor(t, 'sector', row.sector),
            count: row.count,
            href: `${list}?sector=${encodeURIComponent(row.sector)}`,
          }))}
        />
      </div>
      {quota && <QuotaPreviewSection quota={quota} list={list} />}
    </section>
  );
};

const QuotaPreviewSection = ({ quota, list }: { quota: QuotaPreview; list: string }) => {
  const { t, locale } = useShell();
  return (
    <section aria-labelledby="quota-preview">
      <h2 id="quota-preview">{t('review:counts.quotaHeading')}</h2>
      {quota.capPerCountry === null ? (
        <p>{t('review:counts.quotaOff')}</p>
      ) : (
        <>
          <p>{t('review:counts.quotaIntro', { cap: quota.capPerCountry })}</p>
          {quota.overCap.length === 0 ? (
            <p>{t('review:counts.quotaNone')}</p>
          ) : (
            <CountTable
              caption={t('review:counts.quotaOver')}
              rows={quota.overCap.map((row) => ({
                label: getCountryName(row.countryCode, locale),
                count: row.waitlisted,
                href: `${list}?country=${encodeURIComponent(row.countryCode)}&status=pending`,
              }))}
            />
          )}
        </>
      )}
    </section>
  );
};

export const AdmitView = ({
  round,
  preview,
  places,
  csrfToken,
  problems,
}: {
  round: Round;
  preview: AdmitFromWaitlistResult;
  places: string;
  csrfToken: string;
  problems: ShownProblem[];
}) => {
  const { t, locale } = useShell();
  const times = useTimes(round.programTimeZone);
  const base = `/coordinator/rounds/${round.id}/waitlist`;
  const cap = Number.isFinite(preview.capPerCountry) ? String(preview.capPerCountry) : '∞';
  return (
    <section>
      <BackLink href={applicationsPath(round.id)} label={t('review:counts.backToList')} />
      <h1>{t('review:admit.title', { round: round.name })}</h1>
      <p class="lead">{t('review:admit.intro', { cap })}</p>
      <form method="get" action={base} class="inline-form">
        <ErrorSummary errors={problems} />
        <TextField
          name="places"
          label={t('review:admit.places')}
          hint={t('review:admit.placesHint')}
          value={places}
          error={problems.find((problem) => problem.field === 'places')?.message}
          inputmode="numeric"
        />
        <button type="submit" class="button button--secondary">
          {t('review:admit.preview')}
        </button>
      </form>
      <h2>{t('review:admit.previewHeading')}</h2>
      {preview.admitted.length === 0 ? (
        <p>{t('review:admit.nobody')}</p>
      ) : (
        <>
          <p>{t('review:admit.wouldAdmit', { count: preview.admitted.length })}</p>
          <ol class="admit-list">
            {preview.admitted.map((row) => (
              <li>
                {row.name} ({getCountryName(row.countryCode, locale)}, {times.format(row.submittedAt)})
              </li>
            ))}
          </ol>
          <p>{t('review:admit.stillWaitlisted', { count: preview.stillWaitlisted })}</p>
          <form method="post" action={base}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="places" value={places} />
            <button type="submit" class="button">
              {t('review:admit.confirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
};
