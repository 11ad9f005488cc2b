import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { yieldToEventLoop } from '../event-loop';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type {
  ApplicationCursor,
  ApplicationFilters,
  ApplicationSort,
  CountryScope,
  ReviewedApplication,
} from '../ports/review';

export interface ExportApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  /** Applications per page; the default suits the server (a page is one slice of work). */
  pageSize?: number;
}

export interface ApplicationsExport {
  round: Round;
  /**
   * The applications in the list's order, page by page, read when asked for: the caller writes a
   * page before the next is read, so a round of any size is never held in memory at once.
   */
  pages: AsyncIterable<ReviewedApplication[]>;
}

/**
 * Applications per page of an export. A page (its query, and the caller writing it as CSV) is the
 * slice of work between two turns of the event loop: a few milliseconds on SQLite, whose queries
 * run on the main thread (about 60 µs an application on a 2-core machine; bench/review-reads).
 */
export const EXPORT_PAGE_SIZE = 100;

/**
 * A round's applications for a CSV file, with the list's filters and only the viewer's countries.
 * The web edge writes the file (web/views/review/csv-cells.ts) in the viewer's language; the
 * import reads it back (core csv-row.ts).
 *
 * Who may export and which round are checked before this resolves; the applications follow as
 * keyset pages (ApplicationReviewRepository.listApplicationsAfter), each costing its own rows, with
 * a turn of the event loop between pages, so other requests are answered while a round of tens of
 * thousands is exported. Each page is its own query, not one snapshot: an application changed
 * while the export runs appears as it was when its page was read.
 */
export const exportApplications = async (
  deps: UseCaseDeps,
  input: ExportApplicationsInput,
): Promise<ApplicationsExport> => {
  const viewer = assertCoordinator(input.viewer, 'export applications');
  const round = await deps.store.rounds.getRound(input.roundId);
  return {
    round,
    pages: readPages(deps, {
      roundId: round.id,
      scope: scopeOf(viewer),
      filters: input.filters,
      sort: input.sort,
      pageSize: input.pageSize ?? EXPORT_PAGE_SIZE,
    }),
  };
};

async function* readPages(
  deps: UseCaseDeps,
  query: {
    roundId: string;
    scope: CountryScope;
    filters: ApplicationFilters;
    sort: ApplicationSort;
    pageSize: number;
  },
): AsyncGenerator<ReviewedApplication[]> {
  let after: ApplicationCursor | undefined;
  for (;;) {
    const page = await deps.store.review.listApplicationsAfter({
      roundId: query.roundId,
      scope: query.scope,
      filters: query.filters,
      sort: query.sort,
      after,
      limit: query.pageSize,
    });
    if (page.items.length > 0) yield page.items;
    if (page.next === undefined) return;
    after = page.next;
    await yieldToEventLoop();
  }
}
