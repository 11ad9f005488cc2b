import type { MessageParams } from '../errors';

/**
 * The application columns of the CSV files: which columns the export writes and which fields the
 * import reads. Export (web/views/review/csv-cells.ts) and import (csv-row.ts) take them from here,
 * so that whatever the export writes the import can read (the round trip is tested).
 */
/** The answers both files carry, in the export's order; each is written and read below. */
export const ANSWER_COLUMNS = [
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
] as const;
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number];

export const EXPORT_COLUMNS = [
  'id',
  'submittedAt',
  'status',
  'name',
  'email',
  'countryCode',
  'country',
  ...ANSWER_COLUMNS,
  'likelyDuplicate',
  'declineReason',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const IMPORT_FIELDS = [
  'name',
  'email',
  'countryOfResidence',
  ...ANSWER_COLUMNS,
  // Not in an export: the coordinator answers "yes" for every row (consent given on the form).
  'privacyConsent',
  'codeOfConductAccepted',
  'submittedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Export columns read back into a field of another name; the others keep their name. */
export const IMPORT_FIELD_OF_EXPORT_COLUMN: Partial<Record<ExportColumn, ImportField>> = {
  countryCode: 'countryOfResidence',
  country: 'countryOfResidence',
};

/** Headers and choices compared without case, accents, spaces or punctuation. */
export const normalise = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export const LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (CSV injection): one starting with =, +, - or @
 * (their full-width forms too, and after spaces), or with a tab, carriage return or line feed.
 * Apostrophes already in front are part of the pattern, so that neutralising can be undone exactly.
 */
const FORMULA_CELL = /^'*(?:[\t\r\n]|[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * What the export writes for a cell: a formula cell behind an apostrophe, which spreadsheets take
 * as "this is text" (OWASP's advice); anything else as it is.
 */
export const neutraliseFormula = (cell: string): string => (FORMULA_CELL.test(cell) ? `'${cell}` : cell);

/**
 * What the import reads from a cell: the exact inverse of neutraliseFormula, so a file exported and
 * imported again (any number of times) gives back the values as they were, and a value that starts
 * with an apostrophe of its own keeps it.
 */
export const restoreFormula = (cell: string): string =>
  cell.startsWith("'") && FORMULA_CELL.test(cell.slice(1)) ? cell.slice(1) : cell;

/** A list cell: the export's "; ", and also the line breaks or "|" other spreadsheets use. */
export const splitList = (value: string) =>
  value
    .split(/[;\n|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The words taken for "yes" in a yes/no column (compared without case); anything else is "no". */
export const YES_WORDS = ['yes', 'y', 'true', '1', 'x', 'on', 'agreed', 'agree', 'si', 'oui', 'ja'] as const;
const YES = new Set<string>(YES_WORDS);

/** undefined when the column is not in the file, so that the caller can choose the default. */
export const readFlag = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : YES.has(value.toLowerCase());

/**
 * Fields the coordinator must place before importing. Consent is among them: an application
 * stands only on the applicant's agreement, so the coordinator either names the column that
 * records it or says everyone gave it on the original form ("yes" below); a file silent on it is
 * stopped at the mapping, not row by row.
 */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'email',
  'countryOfResidence',
  'privacyConsent',
  'codeOfConductAccepted',
];
/** The consent fields: a missing choice for them is explained as such (import.consentRequired). */
export const CONSENT_IMPORT_FIELDS: readonly ImportField[] = ['privacyConsent', 'codeOfConductAccepted'];
/** Fields that may be set to "yes" for every row (consent given on the original form). */
export const CONSTANT_YES_FIELDS: readonly ImportField[] = [
  'privacyConsent',
  'codeOfConductAccepted',
  'emailOnly',
  'partnerOpenToAnyone',
];

/** A column index, "none" (not in the file) or "yes" (every row, for the fields above). */
export type ColumnChoice = number | 'none' | 'yes';
export type ColumnMapping = Record<ImportField, ColumnChoice>;

export interface ImportRowProblem {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  field: ImportField | '';
  /** Key of the `validation` namespace. */
  code: string;
  params?: MessageParams;
  /** The cell as the file has it (cut short), so the report can quote what was not accepted. */
  value?: string;
}
