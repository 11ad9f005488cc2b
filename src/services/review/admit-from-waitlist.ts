import { admitFromWaitlist, computeCountryCap, PLACE_HOLDING_STATUSES } from '../../core/applications';
import { DomainError, invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { RoundStatus } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { QuotaRow } from '../ports/review';
import { applyReviewAction } from './review-application';

/**
 * When places free up (withdrawals, declines), a program coordinator offers them to the waitlist:
 * earliest first, never taking a country over its cap (core admitFromWaitlist). The same call
 * with `dryRun` is the preview the page shows before the button is pressed. Admitted applications
 * are accepted and emailed like any acceptance.
 */
export interface AdmitFromWaitlistInput {
  viewer: Viewer | null;
  roundId: string;
  /** How many places to fill; all the caps allow when omitted. */
  places?: number | undefined;
  dryRun: boolean;
}

export interface AdmitFromWaitlistResult {
  admitted: QuotaRow[];
  stillWaitlisted: number;
  capPerCountry: number;
}

const ADMITTING: readonly RoundStatus[] = ['open', 'closed', 'matching'];

export const admitWaitlistedApplications = async (
  deps: UseCaseDeps,
  input: AdmitFromWaitlistInput,
): Promise<AdmitFromWaitlistResult> => {
  const viewer = assertProgramCoordinator(input.viewer, 'admit applicants from the waitlist');
  if (
    input.places !== undefined &&
    (!Number.isInteger(input.places) || input.places < 1 || input.places > 10_000)
  ) {
    throw invalidInput([{ field: 'places', code: 'waitlist.places' }]);
  }
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    if (!ADMITTING.includes(round.status)) {
      throw new DomainError('CONFLICT', 'waitlist.roundNotAdmitting', {
        round: round.name,
        status: round.status,
      });
    }
    const rows = await store.review.listQuotaRows(round.id);
    const toCandidate = (row: QuotaRow) => ({ id: row.id, countryOfResidence: row.countryCode });
    const holdingPlaces = rows.filter((row) => PLACE_HOLDING_STATUSES.includes(row.status)).map(toCandidate);
    const waitlist = rows.filter((row) => row.status === 'waitlisted');
    const decision = admitFromWaitlist({
      holdingPlaces,
      waitlist: waitlist.map(toCandidate),
      settings: round.quota,
      maxAdmissions: input.places,
    });
    const admittedIds = new Set(decision.admitted);
    const admitted = waitlist.filter((row) => admittedIds.has(row.id));
    const result: AdmitFromWaitlistResult = {
      admitted,
      stillWaitlisted: decision.stillWaitlisted.length,
      capPerCountry: computeCountryCap(holdingPlaces.length + waitlist.length, round.quota),
    };
    if (input.dryRun) return result;
    for (const row of admitted) {
      const application = await store.review.findApplicationInScope(row.id, { kind: 'all' });
      if (!application) continue;
      await applyReviewAction(store, {
        actorPersonId: actorIdOf(viewer),
        application,
        round,
        action: 'accept',
        declineReason: null,
        via: 'waitlist-admission',
        now,
      });
    }
    return result;
  });
};
