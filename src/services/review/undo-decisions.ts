import type { ApplicationStatus } from '../../core/applications/application-status';
import {
  type ApplicationDecision,
  canUndoDecision,
  type UndoableAction,
  undoDeadlineOf,
} from '../../core/applications/decision-undo';
import { DomainError } from '../../core/errors';
import { roundFactsOf } from '../../core/messages/messages';
import { actorIdOf, canSeeCountry, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator } from '../people/access';
import type { DecisionWithApplication } from '../ports/decisions';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { messageOfStatus } from './review-application';

/**
 * Undoing a decision within its window (core/applications/decision-undo.ts): the application goes
 * back to where it was, the decision's email, still waiting in the queue, is taken back, and the
 * undo is audited. A bulk action is undone as a whole (its batch) or one application at a time.
 */

/** Decisions that can still be undone, as the review pages offer them. */
export interface UndoableDecisions {
  batchId: string;
  action: UndoableAction;
  decidedAt: Date;
  undoUntil: Date;
  /** The applications whose decision can still be undone, in the order they were decided. */
  applications: { id: string; name: string }[];
}

const isOpen = (viewer: Viewer, decision: DecisionWithApplication, now: Date) =>
  canSeeCountry(viewer, decision.countryCode) && canUndoDecision(decision, decision.currentStatus, now);

const summarise = (decisions: DecisionWithApplication[]): UndoableDecisions | undefined => {
  const [first] = decisions;
  if (!first) return undefined;
  return {
    batchId: first.batchId,
    action: first.action,
    decidedAt: first.decidedAt,
    undoUntil: new Date(Math.max(...decisions.map((decision) => decision.undoUntil.getTime()))),
    applications: decisions.map((d) => ({ id: d.applicationId, name: d.applicationName })),
  };
};

/** The viewer's own latest decisions in the round that can still be undone (list and detail pages). */
export const findViewerUndoable = async (
  store: Store,
  viewer: Viewer,
  round: Round,
  now: Date,
): Promise<UndoableDecisions | undefined> => {
  const actor = actorIdOf(viewer);
  if (!actor) return undefined;
  const batchId = await store.decisions.findLatestOpenBatchId(round.id, actor, now);
  if (!batchId) return undefined;
  const batch = await store.decisions.listBatch(batchId);
  return summarise(batch.filter((decision) => isOpen(viewer, decision, now)));
};

/** The application's latest decision if it can still be undone, whoever made it. */
export const findApplicationUndoable = async (
  store: Store,
  application: { id: string; name: string; status: ApplicationStatus },
  now: Date,
): Promise<UndoableDecisions | undefined> => {
  const latest: ApplicationDecision | undefined = await store.decisions.findLatestForApplication(
    application.id,
  );
  if (!latest || !canUndoDecision(latest, application.status, now)) return undefined;
  return {
    batchId: latest.batchId,
    action: latest.action,
    decidedAt: latest.decidedAt,
    undoUntil: latest.undoUntil,
    applications: [{ id: application.id, name: application.name }],
  };
};

export interface UndoDecisionsInput {
  viewer: Viewer | null;
  roundId: string;
  batchId: string;
  /** Only this application's decision of the batch; every one of them when omitted. */
  applicationId?: string | undefined;
}

export interface UndoDecisionsResult {
  action: UndoableAction;
  /** Names of the applications put back, and the status each went back to. */
  undone: { id: string; name: string; status: ApplicationStatus }[];
  /** Names of those whose window had closed, or that changed since. */
  tooLate: string[];
}

export const undoDecisions = async (
  deps: UseCaseDeps,
  input: UndoDecisionsInput,
): Promise<UndoDecisionsResult> => {
  const viewer = assertCoordinator(input.viewer, 'undo decisions');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const batch = (await store.decisions.listBatch(input.batchId)).filter(
      (decision) =>
        decision.roundId === input.roundId &&
        canSeeCountry(viewer, decision.countryCode) &&
        (input.applicationId === undefined || decision.applicationId === input.applicationId),
    );
    const [first] = batch;
    if (!first) {
      throw new DomainError('NOT_FOUND', 'decision.notFound', {
        batchId: input.batchId,
        roundId: input.roundId,
      });
    }
    const round = await store.rounds.getRound(input.roundId);
    const result: UndoDecisionsResult = { action: first.action, undone: [], tooLate: [] };
    const undoneIds: string[] = [];
    for (const decision of batch) {
      if (decision.undoneAt) continue;
      if (!(await undoOne(store, round, decision, viewer, now))) {
        result.tooLate.push(decision.applicationName);
        continue;
      }
      undoneIds.push(decision.id);
      result.undone.push({
        id: decision.applicationId,
        name: decision.applicationName,
        status: decision.fromStatus,
      });
    }
    if (undoneIds.length === 0) {
      throw new DomainError('CONFLICT', 'decision.tooLate', {
        names: result.tooLate.join(', '),
        count: result.tooLate.length,
      });
    }
    await store.decisions.markUndone(undoneIds, now);
    return result;
  });
};

/** Undoes one decision; false when its window has closed or the application changed since. */
const undoOne = async (
  store: Store,
  round: Round,
  decision: DecisionWithApplication,
  viewer: Viewer,
  now: Date,
): Promise<boolean> => {
  if (!canUndoDecision(decision, decision.currentStatus, now)) return false;
  const kind = messageOfStatus(decision.toStatus);
  if (kind) {
    const cancelled = await store.messages.cancelUnsent({
      dedupeKeys: [`${kind}:${decision.applicationId}`],
    });
    // The decision queued an email and none is waiting any more: the worker has it, it is too late.
    if (decision.mailMessageId && cancelled.length === 0) return false;
  }
  const changed = await store.review.changeStatus(
    decision.applicationId,
    { from: decision.toStatus, to: decision.fromStatus, declineReason: null },
    now,
  );
  // Checked above inside this transaction; a concurrent change got in between. Nothing may stay
  // half done (the email already taken back), so the whole undo is refused and rolled back.
  if (!changed) {
    throw new DomainError('CONFLICT', 'decision.tooLate', { names: decision.applicationName, count: 1 });
  }
  // The status it goes back to may have had an email that this decision took back while it was
  // waiting: queue it again. Its dedupe key makes this nothing when that email already went.
  const restored = messageOfStatus(decision.fromStatus);
  if (restored) {
    const application = await store.review.findApplicationInScope(decision.applicationId, { kind: 'all' });
    if (application) {
      await store.messages.enqueue(
        {
          kind: restored,
          to: application.email,
          locale: application.locale,
          dedupeKey: `${restored}:${application.id}`,
          payload: { name: application.name, round: roundFactsOf(round) },
        },
        now,
        { notBefore: undoDeadlineOf(now) },
      );
    }
  }
  await store.audit.record(
    {
      actorPersonId: actorIdOf(viewer),
      action: 'application.decision-undone',
      subjectType: 'application',
      subjectId: decision.applicationId,
      details: {
        roundId: round.id,
        decisionId: decision.id,
        undid: decision.action,
        from: decision.toStatus,
        to: decision.fromStatus,
        decidedBy: decision.actorPersonId,
      },
    },
    now,
  );
  return true;
};
