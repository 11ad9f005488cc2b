import type { ApplicationStatus } from './application-status';

/**
 * A coordinator's decision (accept, decline, waitlist) can be undone for a few minutes. Its email
 * is queued to go only when that window ends, so a slip of the mouse is taken back before the
 * applicant hears of it; undoing puts the application back where it was and cancels the email.
 * The window closes early if anything else happens to the application since (another decision, a
 * withdrawal): then the current status is no longer the decision's, and undoing it would undo
 * that too.
 */
export const DECISION_UNDO_MINUTES = 5;

export const UNDOABLE_ACTIONS = ['accept', 'decline', 'waitlist'] as const;
export type UndoableAction = (typeof UNDOABLE_ACTIONS)[number];

export const isUndoableAction = (action: string): action is UndoableAction =>
  (UNDOABLE_ACTIONS as readonly string[]).includes(action);

export interface ApplicationDecision {
  id: string;
  /** Decisions made together (one bulk action) share it; a single decision has its own. */
  batchId: string;
  roundId: string;
  applicationId: string;
  actorPersonId: string | null;
  action: UndoableAction;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  /** The email the decision queued; null when none was (the applicant already had that email). */
  mailMessageId: string | null;
  decidedAt: Date;
  undoUntil: Date;
  undoneAt: Date | null;
}

/** When a decision made at `decidedAt` can no longer be undone, and its email goes. */
export const undoDeadlineOf = (decidedAt: Date): Date =>
  new Date(decidedAt.getTime() + DECISION_UNDO_MINUTES * 60_000);

/** Whether the decision can still be undone, given where its application stands now. */
export const canUndoDecision = (
  decision: Pick<ApplicationDecision, 'undoneAt' | 'undoUntil' | 'toStatus'>,
  currentStatus: ApplicationStatus,
  now: Date,
): boolean =>
  decision.undoneAt === null &&
  now.getTime() < decision.undoUntil.getTime() &&
  currentStatus === decision.toStatus;
