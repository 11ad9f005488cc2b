import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import { DomainError } from '../../core/errors';
import { isAcceptingApplications, type Round } from '../../core/rounds';
import type { ApplicationFlags } from '../../db/repositories/applications/application-records-repository';
import type { StoredApplication } from '../../db/repositories/applications/applications-repository';
import type { ApplicationStore } from '../ports/application-store';

export interface PrivateApplication {
  application: StoredApplication;
  round: Round;
  flags: ApplicationFlags;
  /** Answers may change while the round takes applications and the application is still in it. */
  canEdit: boolean;
  canWithdraw: boolean;
  /** Waitlisted and not yet declined. */
  canDeclineCarryOver: boolean;
}

/** The message for a link that opens nothing; it never says whether the token ever existed. */
const UNKNOWN_LINK =
  'This private link does not open any application. It may be mistyped or replaced by a newer link.';

/** What the holder of a private link may see and do. Unknown or malformed tokens are NOT_FOUND. */
export const getPrivateApplication = async (
  deps: { store: ApplicationStore; now: () => Date },
  token: string,
): Promise<PrivateApplication> => {
  if (!isWellFormedToken(token)) throw new DomainError('NOT_FOUND', UNKNOWN_LINK);
  const application = await deps.store.applications.findApplicationByTokenHash(hashToken(token));
  if (!application) throw new DomainError('NOT_FOUND', UNKNOWN_LINK);
  const [round, flags] = await Promise.all([
    deps.store.rounds.getRound(application.roundId),
    deps.store.records.findFlags(application.id),
  ]);
  const isActive = application.status !== 'withdrawn' && application.status !== 'declined';
  return {
    application,
    round,
    flags: flags ?? { declinedCarryOver: false, duplicateOf: null, duplicateReason: null, withdrawnAt: null },
    canEdit: isActive && isAcceptingApplications(round, deps.now()),
    canWithdraw: isActive && round.status !== 'finished',
    canDeclineCarryOver: application.status === 'waitlisted' && !flags?.declinedCarryOver,
  };
};
