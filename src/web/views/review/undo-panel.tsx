import type { TFunction } from 'i18next';
import { DECISION_UNDO_MINUTES } from '../../../core/applications/decision-undo';
import type { UndoableDecisions } from '../../../services/review/undo-decisions';
import { CsrfField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';

/** "Ana Souza, Bia Lima, Carl Jung and 4 others": a few names in alphabetical order, then how many more. */
export const listNames = (t: TFunction, locale: string, names: readonly string[], shown = 3): string => {
  const sorted = [...names].sort(new Intl.Collator(locale).compare);
  const rest = sorted.length > shown + 1 ? sorted.length - shown : 0;
  const listed = rest > 0 ? sorted.slice(0, shown) : sorted;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    rest > 0 ? [...listed, t('review:names.more', { count: rest })] : listed,
  );
};

export const undoPath = (roundId: string, batchId: string) =>
  `/coordinator/rounds/${roundId}/applications/decisions/${encodeURIComponent(batchId)}/undo`;

/**
 * Decisions that can still be undone, with the button that undoes them: on the review list and on
 * an application's page, until the decisions' emails go.
 */
export const UndoPanel = ({
  roundId,
  programTimeZone,
  undoable,
  back,
  csrfToken,
  applicationId,
}: {
  roundId: string;
  programTimeZone: string;
  undoable: UndoableDecisions;
  /** The list's query string, to come back to after undoing. */
  back: string;
  csrfToken: string;
  /** Undo only this application's decision (its own page). */
  applicationId?: string | undefined;
}) => {
  const { t, locale } = useShell();
  const times = useTimes(programTimeZone);
  const count = undoable.applications.length;
  const names = listNames(
    t,
    locale,
    undoable.applications.map((application) => application.name),
  );
  return (
    <section class="notice notice--info undo-panel" aria-labelledby="undo-heading">
      <h2 id="undo-heading" class="notice__title">
        {t('review:undo.heading')}
      </h2>
      <p>
        {t(`review:undo.summary.${undoable.action}`, {
          count,
          names,
          time: times.format(undoable.decidedAt, 'time'),
        })}
      </p>
      <p>{t('review:undo.window', { count, time: times.format(undoable.undoUntil, 'time') })}</p>
      <form method="post" action={undoPath(roundId, undoable.batchId)}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="back" value={back} />
        {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
        <button type="submit" class="button button--secondary">
          {t('review:undo.button', { count })}
        </button>
      </form>
    </section>
  );
};

/** What to know before deciding: the undo window, and what accepting means while applications are open. */
export const DecisionNotes = ({
  roundStatus,
  isQuotaEnabled,
  countryName,
}: {
  roundStatus: string;
  isQuotaEnabled: boolean;
  /** The application's country (its page); omitted on the list. */
  countryName?: string | undefined;
}) => {
  const { t } = useShell();
  const isOpen = roundStatus === 'draft' || roundStatus === 'open';
  return (
    <div class="decision-notes">
      <p class="field__hint">{t('review:decisions.undoWindow', { minutes: DECISION_UNDO_MINUTES })}</p>
      {isOpen && isQuotaEnabled && (
        <p class="notice notice--warning">
          {countryName
            ? t('review:decisions.openRoundQuota', { country: countryName })
            : t('review:decisions.openRoundQuotaList')}
        </p>
      )}
    </div>
  );
};
