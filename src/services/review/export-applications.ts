import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { ApplicationFilters, ApplicationSort, ReviewedApplication } from '../ports/review';

export interface ExportApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  filters: ApplicationFilters;
  sort: ApplicationSort;
}

export interface ApplicationsExport {
  round: Round;
  applications: ReviewedApplication[];
}

/**
 * A round's applications for a CSV file, with the list's filters and only the viewer's countries.
 * The web edge writes the file (web/views/review/csv-cells.ts) in the viewer's language; the
 * import reads it back (core csv-row.ts).
 */
export const exportApplications = async (
  deps: UseCaseDeps,
  input: ExportApplicationsInput,
): Promise<ApplicationsExport> => {
  const viewer = assertCoordinator(input.viewer, 'export applications');
  const round = await deps.store.rounds.getRound(input.roundId);
  const applications = await deps.store.review.listAllApplications(
    round.id,
    scopeOf(viewer),
    input.filters,
    input.sort,
  );
  return { round, applications };
};
