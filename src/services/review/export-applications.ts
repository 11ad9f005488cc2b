import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import { getCountryName } from '../../core/countries';
import type { Viewer } from '../../core/people/viewer';
import type {
  ApplicationFilters,
  ApplicationSort,
  ReviewedApplication,
} from '../../db/repositories/review/application-review-repository';
import { getT } from '../../i18n';
import { assertCoordinator, scopeOf } from '../people/access';
import type { ReviewDeps } from '../ports/review-ports';
import {
  columnHeader,
  EXPORT_COLUMNS,
  type ExportColumn,
  writeAnswerCells,
  writeFlag,
} from './application-csv-columns';

// Re-exported from where they used to be defined, for the modules that import them from here.
export { EXPORT_COLUMNS, type ExportColumn } from './application-csv-columns';

export interface ExportApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  locale: string;
}

export interface ExportedCsv {
  fileName: string;
  content: string;
  rows: number;
}

const toRecord = (
  t: TFunction,
  locale: string,
  application: ReviewedApplication,
): Record<ExportColumn, string> => ({
  id: application.id,
  submittedAt: application.submittedAt.toISOString(),
  status: t(`review:status.${application.status}`),
  name: application.name,
  email: application.email,
  countryCode: application.countryCode,
  country: getCountryName(application.countryCode, locale),
  ...writeAnswerCells(t, locale, application.answers),
  likelyDuplicate: writeFlag(t, application.isLikelyDuplicate),
  declineReason: application.declineReason ?? '',
});

/**
 * A round's applications as CSV, with the list's filters and only the viewer's countries: one row
 * per application, lists joined with "; ", UTF-8 with a byte-order mark so spreadsheet programs
 * read accented names right. Columns and cells are those of application-csv-columns.ts, which
 * the importer reads too, so an export can be imported again.
 */
export const exportApplications = async (
  deps: Pick<ReviewDeps, 'review' | 'rounds'>,
  input: ExportApplicationsInput,
): Promise<ExportedCsv> => {
  const viewer = assertCoordinator(input.viewer, 'export applications');
  const round = await deps.rounds.getRound(input.roundId);
  const applications = await deps.review.listAllApplications(
    round.id,
    scopeOf(viewer),
    input.filters,
    input.sort,
  );
  const t = getT(input.locale);
  const header = EXPORT_COLUMNS.map((column) => columnHeader(t, column));
  const rows = applications.map((application) => {
    const record = toRecord(t, input.locale, application);
    return EXPORT_COLUMNS.map((column) => record[column]);
  });
  const content = `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows' })}`;
  const slug =
    round.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || round.id;
  return { fileName: `applications-${slug}.csv`, content, rows: rows.length };
};
