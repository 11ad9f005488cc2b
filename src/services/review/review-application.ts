import type { ApplicationStatus } from '../../core/applications/application-status';
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
 * status (dedupe key), in the same transaction.
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

/**
 * Applies one action inside the caller's transaction. Returns the new status, or undefined when the
 * action does not apply to the application's current status (nothing is changed then).
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
  if (move.message) {
    await store.messages.enqueue(
      {
        kind: move.message,
        to: application.email,
        locale: application.locale,
        dedupeKey: `${move.message}:${application.id}`,
        payload: { name: application.name, round: roundFactsOf(round) },
      },
      now,
    );
  }
  return move.to;
};

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
    const to = await applyReviewAction(store, {
      actorPersonId: actorIdOf(viewer),
      application,
      round,
      action: input.action,
      declineReason,
      via: 'single',
      now,
    });
    if (!to) {
      throw new DomainError('CONFLICT', 'review.notApplicable', {
        name: application.name,
        status: application.status,
        action: input.action,
      });
    }
    return { from: application.status, to };
  });
};
