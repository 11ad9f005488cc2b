import { invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import {
  applyReviewAction,
  checkDeclineReason,
  isReviewAction,
  type ReviewAction,
} from './review-application';

/**
 * One action on several selected applications of a round, in one transaction. Applications the
 * action does not apply to (already accepted, say) are skipped and counted; ids outside the
 * viewer's countries or round are skipped as not found, without saying more.
 */
export const MAX_BULK_SELECTION = 500;

export interface BulkReviewInput {
  viewer: Viewer | null;
  roundId: string;
  applicationIds: string[];
  action: ReviewAction;
  declineReason?: string | undefined;
}

export interface BulkReviewResult {
  changed: string[];
  /** The names of the changed applications, in the same order (for saying whom the action changed). */
  changedNames: string[];
  /** The decisions' batch, to undo them together (undo-decisions.ts). */
  batchId: string;
  /** The action did not apply to their current status. */
  unchanged: string[];
  notFound: string[];
}

export const bulkReview = async (deps: UseCaseDeps, input: BulkReviewInput): Promise<BulkReviewResult> => {
  const viewer = assertCoordinator(input.viewer, 'review applications');
  if (!isReviewAction(input.action)) {
    throw invalidInput([{ field: 'action', code: 'bulk.action' }]);
  }
  const ids = [...new Set(input.applicationIds.filter((id) => id.trim() !== ''))];
  if (ids.length === 0) {
    throw invalidInput([{ field: 'ids', code: 'bulk.none' }]);
  }
  if (ids.length > MAX_BULK_SELECTION) {
    throw invalidInput([{ field: 'ids', code: 'bulk.tooMany', params: { max: MAX_BULK_SELECTION } }]);
  }
  const declineReason = checkDeclineReason(input.action, input.declineReason);
  const now = deps.clock.now();
  const scope = scopeOf(viewer);
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    const batchId = deps.ids.newId();
    const result: BulkReviewResult = { changed: [], changedNames: [], batchId, unchanged: [], notFound: [] };
    for (const id of ids) {
      const application = await store.review.findApplicationInScope(id, scope);
      if (!application || application.roundId !== round.id) {
        result.notFound.push(id);
        continue;
      }
      const to = await applyReviewAction(store, {
        actorPersonId: actorIdOf(viewer),
        application,
        round,
        action: input.action,
        declineReason,
        via: 'bulk',
        now,
        undoable: { decisionId: deps.ids.newId(), batchId },
      });
      if (to) {
        result.changed.push(id);
        result.changedNames.push(application.name);
      } else {
        result.unchanged.push(id);
      }
    }
    return result;
  });
};
