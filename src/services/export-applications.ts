import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import { getCountryName } from '../core/countries';
import type { Viewer } from '../core/people/viewer';
import type {
  ApplicationFilters,
  ApplicationSort,
  ReviewedApplication,
} from '../db/repositories/application-review-repository';
import { getT } from '../i18n';
import { describeAvailability, describeLanguages, labelFor } from './application-labels';
import { assertCoordinator, scopeOf } from './review-access';
import type { ReviewDeps } from './review-ports';

/**
 * A round's applications as CSV, with the list's filters and only the viewer's countries: one row
 * per application, lists joined with "; ", UTF-8 with a byte-order mark so spreadsheet programs
 * read accented names right. The headers are the ones the importer recognises, so an export can
 * be imported again.
 */
export const EXPORT_COLUMNS = [
  'id',
  'submittedAt',
  'status',
  'name',
  'email',
  'countryCode',
  'country',
  'timeZone',
  'languages',
  'sector',
  'role',
  'careerStage',
  'yearsInProfession',
  'interests',
  'otherInterests',
  'partnerOpenToAnyone',
  'partnerSectors',
  'partnerCareerStages',
  'emailOnly',
  'availability',
  'hopes',
  'heardFrom',
  'heardFromDetail',
  'likelyDuplicate',
  'declineReason',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const LIST_SEPARATOR = '; ';

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
): Record<ExportColumn, string> => {
  const { answers } = application;
  const yesNo = (value: boolean) => t(value ? 'review:csv.yes' : 'review:csv.no');
  const list = (items: string[]) => items.join(LIST_SEPARATOR);
  return {
    id: application.id,
    submittedAt: application.submittedAt.toISOString(),
    status: t(`review:status.${application.status}`),
    name: application.name,
    email: application.email,
    countryCode: application.countryCode,
    country: getCountryName(application.countryCode, locale),
    timeZone: answers.timeZone,
    languages: list(describeLanguages(t, locale, answers)),
    sector: labelFor(t, 'sector', answers.sector),
    role: answers.role,
    careerStage: labelFor(t, 'careerStage', answers.careerStage),
    yearsInProfession: String(answers.yearsInProfession),
    interests: list(answers.interests.map((id) => labelFor(t, 'interest', id))),
    otherInterests: answers.otherInterests,
    partnerOpenToAnyone: yesNo(answers.partnerPreference.openToAnyone),
    partnerSectors: list(answers.partnerPreference.sectors.map((id) => labelFor(t, 'sector', id))),
    partnerCareerStages: list(
      answers.partnerPreference.careerStages.map((id) => labelFor(t, 'careerStage', id)),
    ),
    emailOnly: yesNo(answers.availability.emailOnly),
    availability: list(describeAvailability(t, answers)),
    hopes: answers.hopes,
    heardFrom: labelFor(t, 'referralSource', answers.heardFrom),
    heardFromDetail: answers.heardFromDetail,
    likelyDuplicate: yesNo(application.isLikelyDuplicate),
    declineReason: application.declineReason ?? '',
  };
};

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
  const header = EXPORT_COLUMNS.map((column) => t(`review:csv.columns.${column}`));
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
