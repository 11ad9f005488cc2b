import { DomainError } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type {
  ApplicationCounts,
  ApplicationFilters,
  ApplicationNeighbours,
  ApplicationNote,
  ApplicationSort,
  CountryScope,
  ReviewedApplication,
} from '../ports/review';
import { previewCountryQuota, type QuotaPreview } from '../rounds/settle-country-quota';
import { listReviewActions, type ReviewAction } from './review-application';
import { findApplicationUndoable, findViewerUndoable, type UndoableDecisions } from './undo-decisions';

/**
 * What coordinators read while reviewing: always within their countries. The scope goes into each
 * repository query, so another country's application is NOT_FOUND here exactly as a missing one is.
 */
export interface ReviewRound {
  viewer: Viewer;
  scope: CountryScope;
  round: Round;
}

export const loadReviewRound = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<ReviewRound> => {
  const coordinator = assertCoordinator(viewer, 'review applications');
  return {
    viewer: coordinator,
    scope: scopeOf(coordinator),
    round: await deps.store.rounds.getRound(roundId),
  };
};

export interface ApplicationListPage extends ReviewRound {
  items: ReviewedApplication[];
  total: number;
  counts: ApplicationCounts;
  /** The viewer's latest decisions that can still be undone. */
  undoable: UndoableDecisions | undefined;
}

export const listRoundApplications = async (
  deps: UseCaseDeps,
  input: {
    viewer: Viewer | null;
    roundId: string;
    filters: ApplicationFilters;
    sort: ApplicationSort;
    page: number;
    pageSize: number;
  },
): Promise<ApplicationListPage> => {
  const context = await loadReviewRound(deps, input.viewer, input.roundId);
  const { review } = deps.store;
  const [{ items, total }, counts, undoable] = await Promise.all([
    review.listApplications({
      roundId: context.round.id,
      scope: context.scope,
      filters: input.filters,
      sort: input.sort,
      page: input.page,
      pageSize: input.pageSize,
    }),
    review.countApplications(context.round.id, context.scope),
    findViewerUndoable(deps.store, context.viewer, context.round, deps.clock.now()),
  ]);
  return { ...context, items, total, counts, undoable };
};

export interface RoundCounts extends ReviewRound {
  counts: ApplicationCounts;
  /** While the round takes applications: what settling the quota now would do. */
  quota: QuotaPreview | undefined;
}

export const countRoundApplications = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<RoundCounts> => {
  const context = await loadReviewRound(deps, viewer, roundId);
  const { round, scope } = context;
  const [counts, quota] = await Promise.all([
    deps.store.review.countApplications(round.id, scope),
    round.status === 'draft' || round.status === 'open'
      ? previewCountryQuota(deps.store, round, scope)
      : undefined,
  ]);
  return { ...context, counts, quota };
};

export interface ApplicationDetail extends ReviewRound {
  application: ReviewedApplication;
  notes: ApplicationNote[];
  actions: ReviewAction[];
  /** This application's latest decision, while it can be undone; else the viewer's latest ones. */
  undoable: UndoableDecisions | undefined;
  /** The applications before and after this one in the list it was opened from. */
  neighbours: ApplicationNeighbours;
}

export const getApplicationDetail = async (
  deps: UseCaseDeps,
  input: {
    viewer: Viewer | null;
    roundId: string;
    applicationId: string;
    /** The list it was opened from (for previous and next); the whole round in submission order if omitted. */
    list?: { filters: ApplicationFilters; sort: ApplicationSort } | undefined;
  },
): Promise<ApplicationDetail> => {
  const context = await loadReviewRound(deps, input.viewer, input.roundId);
  const application = await deps.store.review.findApplicationInScope(input.applicationId, context.scope);
  if (!application || application.roundId !== context.round.id) {
    throw new DomainError('NOT_FOUND', 'application.notInRound', {
      applicationId: input.applicationId,
      roundId: input.roundId,
    });
  }
  const now = deps.clock.now();
  const [notes, ownUndoable, neighbours] = await Promise.all([
    deps.store.review.listNotes(application.id),
    findApplicationUndoable(deps.store, application, now),
    deps.store.review.findNeighbours({
      roundId: context.round.id,
      scope: context.scope,
      filters: input.list?.filters ?? {},
      sort: input.list?.sort ?? 'submitted',
      applicationId: application.id,
    }),
  ]);
  return {
    ...context,
    application,
    notes,
    actions: listReviewActions(application.status),
    undoable: ownUndoable ?? (await findViewerUndoable(deps.store, context.viewer, context.round, now)),
    neighbours,
  };
};
