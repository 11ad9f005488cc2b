import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import type { ApplicationAnswers } from '../../../core/applications';
import {
  type AnswerColumn,
  EXPORT_COLUMNS,
  type ExportColumn,
  IMPORT_FIELD_OF_EXPORT_COLUMN,
  IMPORT_FIELDS,
  type ImportField,
  LIST_SEPARATOR,
  neutraliseFormula,
} from '../../../core/applications/csv-columns';
import { getCountryName } from '../../../core/countries';
import { getT, supportedLocales } from '../../../i18n';
import { describeAvailability, describeLanguages, labelFor } from '../../../i18n/labels';
import type { ReviewedApplication } from '../../../services/ports/review';

/**
 * How the CSV export writes cells, in the viewer's language: headers, labels of closed choices,
 * lists joined with "; ". The import (core csv-row.ts) reads every one of these back.
 *
 * Every cell of the header and of each row goes through neutraliseFormula: a name such as
 * `=HYPERLINK(…)` typed into the public form would otherwise run when a coordinator opens the file
 * in a spreadsheet. The import removes exactly the apostrophe added, so re-imported values are
 * unchanged.
 */
export const columnHeader = (t: TFunction, column: ExportColumn): string => t(`review:csv.columns.${column}`);

export const writeFlag = (t: TFunction, value: boolean): string =>
  t(value ? 'review:csv.yes' : 'review:csv.no');

/** Answer cells as the export writes them: labels in the viewer's language, lists joined. */
export const writeAnswerCells = (
  t: TFunction,
  locale: string,
  answers: ApplicationAnswers,
): Record<AnswerColumn, string> => {
  const list = (items: string[]) => items.join(LIST_SEPARATOR);
  return {
    timeZone: answers.timeZone,
    languages: list(describeLanguages(t, locale, answers)),
    sector: labelFor(t, 'sector', answers.sector),
    role: answers.role,
    careerStage: labelFor(t, 'careerStage', answers.careerStage),
    yearsInProfession: String(answers.yearsInProfession),
    interests: list(answers.interests.map((id) => labelFor(t, 'interest', id))),
    otherInterests: answers.otherInterests,
    partnerOpenToAnyone: writeFlag(t, answers.partnerPreference.openToAnyone),
    partnerSectors: list(answers.partnerPreference.sectors.map((id) => labelFor(t, 'sector', id))),
    partnerCareerStages: list(
      answers.partnerPreference.careerStages.map((id) => labelFor(t, 'careerStage', id)),
    ),
    emailOnly: writeFlag(t, answers.availability.emailOnly),
    availability: list(describeAvailability(t, answers)),
    hopes: answers.hopes,
    heardFrom: labelFor(t, 'referralSource', answers.heardFrom),
    heardFromDetail: answers.heardFromDetail,
  };
};

/** The header row of an export. */
export const exportHeader = (t: TFunction): string[] =>
  EXPORT_COLUMNS.map((column) => neutraliseFormula(columnHeader(t, column)));

/** One application as an export row, in the columns' order. */
export const exportRow = (t: TFunction, locale: string, application: ReviewedApplication): string[] => {
  const record: Record<ExportColumn, string> = {
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
  };
  return EXPORT_COLUMNS.map((column) => neutraliseFormula(record[column]));
};

/**
 * An export file as text, chunk by chunk: a byte-order mark (so spreadsheet programs read accented
 * names right) and the header row first, then one chunk per page of applications, every record
 * ending in CRLF. The chunks put together are the file csv-stringify writes for all the rows at once.
 */
export async function* writeExportCsv(
  t: TFunction,
  locale: string,
  pages: AsyncIterable<readonly ReviewedApplication[]>,
): AsyncGenerator<string> {
  const labels = rememberLabels(t);
  yield `\uFEFF${stringify([exportHeader(labels)], CSV_OPTIONS)}`;
  for await (const page of pages) {
    yield stringify(
      page.map((application) => exportRow(labels, locale, application)),
      CSV_OPTIONS,
    );
  }
}

const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/**
 * `t` translating each key once: a row has about 25 labels of closed choices, and i18next's t
 * costs a few microseconds a call, which was most of an export's time. Right for the cells above,
 * which pass the same options (none, or the English default) whenever they pass the same key.
 */
const rememberLabels = (t: TFunction): TFunction => {
  const translated = new Map<string, string>();
  const remembered = (key: string, options?: object) => {
    let text = translated.get(key);
    if (text === undefined) {
      text = String(t(key, options as never));
      translated.set(key, text);
    }
    return text;
  };
  return remembered as unknown as TFunction;
};

/**
 * The headers the program writes for an import field, in every language the interface speaks (the
 * export's column headers, and the field's own label): what the import tries first when guessing
 * which column holds the field.
 */
export const importHeaderNames = (field: ImportField): string[] =>
  supportedLocales().flatMap((locale) => {
    const t = getT(locale);
    const columns = EXPORT_COLUMNS.filter((column) => IMPORT_FIELD_OF_EXPORT_COLUMN[column] === field);
    return [
      ...columns.map((column) => columnHeader(t, column)),
      t(`review:csv.columns.${field}`, { defaultValue: field }),
      // The import template's headers (importTemplate below).
      t(`review:import.fields.${field}`),
    ];
  });

/** The example applicant of the import template: every answer filled in, as an applicant would. */
const TEMPLATE_ANSWERS: ApplicationAnswers = {
  name: 'Amina Odhiambo',
  email: 'amina.odhiambo@example.org',
  countryOfResidence: 'KE',
  timeZone: 'Africa/Nairobi',
  languages: [
    { code: 'sw', level: 'native' },
    { code: 'en', level: 'fluent' },
  ],
  sector: 'academic',
  role: 'Systems librarian',
  careerStage: 'early',
  yearsInProfession: 4,
  interests: ['information-technology', 'open-access', 'research-data-management'],
  otherInterests: '',
  partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
  availability: {
    emailOnly: false,
    windows: [
      { day: 'tue', startTime: '17:00', endTime: '19:00' },
      { day: 'sat', startTime: '09:00', endTime: '11:00' },
    ],
  },
  hopes: 'To learn how other university libraries manage research data.',
  heardFrom: 'colleague',
  heardFromDetail: '',
  privacyConsent: true,
  codeOfConductAccepted: true,
};

/**
 * The CSV template offered on the import page: a column for every import field, headed with the
 * field's label (which the column guess recognises), and one example row written as the export
 * writes answers, so the template imports as it is (tested).
 */
export const importTemplate = (t: TFunction, locale: string): string[][] => {
  const answers = TEMPLATE_ANSWERS;
  const record: Record<ImportField, string> = {
    name: answers.name,
    email: answers.email,
    countryOfResidence: getCountryName(answers.countryOfResidence, locale),
    ...writeAnswerCells(t, locale, answers),
    privacyConsent: writeFlag(t, answers.privacyConsent),
    codeOfConductAccepted: writeFlag(t, answers.codeOfConductAccepted),
    submittedAt: '2026-01-15 09:30',
  };
  return [
    IMPORT_FIELDS.map((field) => neutraliseFormula(t(`review:import.fields.${field}`))),
    IMPORT_FIELDS.map((field) => neutraliseFormula(record[field])),
  ];
};
