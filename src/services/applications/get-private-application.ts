import type { Application, ApplicationFlags } from '../../core/applications/application';
import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import { DomainError } from '../../core/errors';
import { isAcceptingApplications, type Round } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

export interface PrivateApplication {
  application: Application;
  round: Round;
  flags: ApplicationFlags;
  /** Answers may change while the round takes applications and the application is still in it. */
  canEdit: boolean;
  canWithdraw: boolean;
  /** Waitlisted and not yet declined. */
  canDeclineCarryOver: boolean;
  /** Withdrawn while the round still takes applications: applying again makes it a fresh one. */
  canApplyAgain: boolean;
}

/** A link that opens nothing; it never says whether the token ever existed. */
const unknownLink = () => new DomainError('NOT_FOUND', 'privateLink.unknown');

/**
 * What the holder of a private link may see and do. Unknown or malformed tokens are NOT_FOUND.
 * Reads through `store`, so the use cases that change an application read it in their transaction.
 */
export const getPrivateApplication = async (
  store: Pick<Store, 'applications' | 'rounds' | 'applicantRecords'>,
  now: Date,
  token: string,
): Promise<PrivateApplication> => {
  if (!isWellFormedToken(token)) throw unknownLink();
  const application = await store.applications.findApplicationByTokenHash(hashToken(token));
  if (!application) throw unknownLink();
  const [round, flags] = await Promise.all([
    store.rounds.getRound(application.roundId),
    store.applicantRecords.findFlags(application.id),
  ]);
  const isActive = application.status !== 'withdrawn' && application.status !== 'declined';
  const isAccepting = isAcceptingApplications(round, now);
  return {
    application,
    round,
    flags: flags ?? { declinedCarryOver: false, duplicateOf: null, duplicateReason: null, withdrawnAt: null },
    canEdit: isActive && isAccepting,
    canWithdraw: isActive && round.status !== 'finished',
    canDeclineCarryOver: application.status === 'waitlisted' && !flags?.declinedCarryOver,
    canApplyAgain: application.status === 'withdrawn' && isAccepting,
  };
};

/** The private page's view, for the holder of the link. */
export const viewPrivateApplication = (deps: UseCaseDeps, token: string): Promise<PrivateApplication> =>
  getPrivateApplication(deps.store, deps.clock.now(), token);
