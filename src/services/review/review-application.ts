import type { ApplicationStatus } from '../../core/applications/application-status';
import { isUndoableAction, undoDeadlineOf } from '../../core/applications/decision-undo';
import { DomainError, invalidInput } from '../../core/errors';
import { type MessageKind, roundFactsOf } from '../../core/messages/messages';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { ReviewedApplication } from '../ports/review';
import type { Store } from '../ports/store';

/**
 * A coordinator decides about one application: accept it, decline it (with a reason only
 * coordinators see), move it to the waitlist or back from the waitlist (or undo a decline). Country
 * coordinators may only act on applications of their countries; anything else is NOT_FOUND, as if
 * it did not exist. Each change is audited and, where the applicant should know, emailed once per
 * status (dedupe key), in the same transaction. Accepting, declining and waitlisting can be undone
 * for a few minutes (undo-decisions.ts); their emails wait until then.
 */
export const REVIEW_ACTIONS = ['accept', 'decline', 'waitlist', 'restore'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const isReviewAction = (value: unknown): value is ReviewAction =>
  typeof value === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(value);

const MOVES: Record<
  ReviewAction,
  {
    from: readonly ApplicationStatus[];
    to: ApplicationStatus;
    message?: Extract<
      MessageKind,
      'application-accepted' | 'application-declined' | 'application-waitlisted'
    >;
  }
> = {
  accept: { from: ['pending', 'waitlisted'], to: 'accepted', message: 'application-accepted' },
  decline: { from: ['pending', 'waitlisted', 'accepted'], to: 'declined', message: 'application-declined' },
  waitlist: { from: ['pending', 'accepted'], to: 'waitlisted', message: 'application-waitlisted' },
  restore: { from: ['waitlisted', 'declined'], to: 'pending' },
};

/** The actions that make sense for an application in this status (the buttons to show). */
export const listReviewActions = (status: ApplicationStatus): ReviewAction[] =>
  REVIEW_ACTIONS.filter((action) => MOVES[action].from.includes(status));

export const MAX_DECLINE_REASON = 1000;

export const checkDeclineReason = (action: ReviewAction, reason: string | undefined): string | null => {
  if (action !== 'decline') return null;
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') {
    throw invalidInput([{ field: 'declineReason', code: 'review.declineReason' }]);
  }
  if (trimmed.length > MAX_DECLINE_REASON) {
    throw invalidInput([
      { field: 'declineReason', code: 'review.declineReasonTooLong', params: { max: MAX_DECLINE_REASON } },
    ]);
  }
  return trimmed;
};

/** The dedupe keys of the emails a decision about the application sends (one per status). */
const decisionMailKeys = (applicationId: string) =>
  (['application-accepted', 'application-declined', 'application-waitlisted'] as const).map(
    (kind) => `${kind}:${applicationId}`,
  );

/** What a decision made in the review pages records so that it can be undone for a while. */
export interface UndoableChange {
  /** The decision's own id, and its batch's (a bulk action shares one; a single decision uses its own). */
  decisionId: string;
  batchId: string;
}

/**
 * Applies one action inside the caller's transaction. Returns the new status, or undefined when the
 * action does not apply to the application's current status (nothing is changed then).
 *
 * An email about an earlier decision that has not gone yet is taken back first: whoever changes
 * their mind within the undo window by deciding again sends the applicant one email, not two. With
 * `undoable`, the decision is recorded and its email waits until the undo window ends
 * (core/applications/decision-undo.ts).
 */
export const applyReviewAction = async (
  store: Store,
  change: {
    actorPersonId: string | null;
    application: ReviewedApplication;
    round: Round;
    action: ReviewAction;
    declineReason: string | null;
    via: 'single' | 'bulk' | 'waitlist-admission';
    now: Date;
    undoable?: UndoableChange | undefined;
  },
): Promise<ApplicationStatus | undefined> => {
  const { application, round, action, now } = change;
  const move = MOVES[action];
  if (!move.from.includes(application.status)) return undefined;
  const changed = await store.review.changeStatus(
    application.id,
    { from: application.status, to: move.to, declineReason: change.declineReason },
    now,
  );
  if (!changed) return undefined;
  await store.audit.record(
    {
      actorPersonId: change.actorPersonId,
      action: `application.${action}`,
      subjectType: 'application',
      subjectId: application.id,
      details: {
        roundId: round.id,
        from: application.status,
        to: move.to,
        via: change.via,
        ...(change.declineReason ? { declineReason: change.declineReason } : {}),
      },
    },
    now,
  );
  await store.messages.cancelUnsent({ dedupeKeys: decisionMailKeys(application.id) });
  const undoable = change.undoable && isUndoableAction(action) ? change.undoable : undefined;
  const undoUntil = undoDeadlineOf(now);
  let mailMessageId: string | null = null;
  if (move.message) {
    const queued = await store.messages.enqueue(
      {
        kind: move.message,
        to: application.email,
        locale: application.locale,
        dedupeKey: `${move.message}:${application.id}`,
        payload: { name: application.name, round: roundFactsOf(round) },
      },
      now,
      undoable ? { notBefore: undoUntil } : undefined,
    );
    if (queued.queued) mailMessageId = queued.id;
  }
  if (undoable && isUndoableAction(action)) {
    await store.decisions.recordDecisions([
      {
        id: undoable.decisionId,
        batchId: undoable.batchId,
        roundId: round.id,
        applicationId: application.id,
        actorPersonId: change.actorPersonId,
        action,
        fromStatus: application.status,
        toStatus: move.to,
        mailMessageId,
        decidedAt: now,
        undoUntil,
        undoneAt: null,
      },
    ]);
  }
  return move.to;
};

/** The email that tells the applicant about a status, for putting it back after an undo. */
export const messageOfStatus = (status: ApplicationStatus) =>
  Object.values(MOVES).find((move) => move.to === status)?.message;

export interface ReviewApplicationInput {
  viewer: Viewer | null;
  roundId: string;
  applicationId: string;
  action: ReviewAction;
  declineReason?: string | undefined;
}

export interface ReviewApplicationResult {
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** The application's name, for saying what was done. */
  name: string;
}

export const reviewApplication = async (
  deps: UseCaseDeps,
  input: ReviewApplicationInput,
): Promise<ReviewApplicationResult> => {
  const viewer = assertCoordinator(input.viewer, 'review applications');
  if (!isReviewAction(input.action)) {
    throw invalidInput([{ field: 'action', code: 'review.action' }], { action: String(input.action) });
  }
  const declineReason = checkDeclineReason(input.action, input.declineReason);
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const application = await store.review.findApplicationInScope(input.applicationId, scopeOf(viewer));
    if (!application || application.roundId !== input.roundId) {
      throw new DomainError('NOT_FOUND', 'application.notInRound', {
        applicationId: input.applicationId,
        roundId: input.roundId,
      });
    }
    const round = await store.rounds.getRound(input.roundId);
    const decisionId = deps.ids.newId();
    const to = await applyReviewAction(store, {
      actorPersonId: actorIdOf(viewer),
      application,
      round,
      action: input.action,
      declineReason,
      via: 'single',
      now,
      undoable: { decisionId, batchId: decisionId },
    });
    if (!to) {
      throw new DomainError('CONFLICT', 'review.notApplicable', {
        name: application.name,
        status: application.status,
        action: input.action,
      });
    }
    return { from: application.status, to, name: application.name };
  });
};
