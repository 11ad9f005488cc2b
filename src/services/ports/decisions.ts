import type { ApplicationStatus } from '../../core/applications/application-status';
import type { ApplicationDecision } from '../../core/applications/decision-undo';

/** A decision with the application it is about, as it stands now. */
export interface DecisionWithApplication extends ApplicationDecision {
  applicationName: string;
  countryCode: string;
  currentStatus: ApplicationStatus;
}

/**
 * Coordinators' decisions about applications, kept for their undo window
 * (core/applications/decision-undo.ts). Written in the transaction of the decision itself.
 */
export interface ApplicationDecisionRepository {
  recordDecisions: (decisions: readonly ApplicationDecision[]) => Promise<void>;
  /** The application's most recent decision (undone or not). */
  findLatestForApplication: (applicationId: string) => Promise<ApplicationDecision | undefined>;
  /** The batch of this person's most recent decision in the round that is still open to undo. */
  findLatestOpenBatchId: (roundId: string, actorPersonId: string, now: Date) => Promise<string | undefined>;
  /** A batch's decisions, in the order they were made, with their applications. */
  listBatch: (batchId: string) => Promise<DecisionWithApplication[]>;
  markUndone: (ids: readonly string[], now: Date) => Promise<void>;
}
