import { parse } from 'csv-parse/sync';
import {
  type ApplicationAnswers,
  admitFromWaitlist,
  listLikelyDuplicates,
  PLACE_HOLDING_STATUSES,
  validateApplicationAnswers,
} from '../../core/applications';
import { findCountry, getPrimaryTimeZone, listCountries } from '../../core/countries';
import { DomainError } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import type { RoundStatus } from '../../core/rounds';
import type { ApplicationImport } from '../../db/repositories/review/application-review-repository';
import { getT } from '../../i18n';
import { assertProgramCoordinator } from '../people/access';
import type { ReviewDeps } from '../ports/review-ports';
import {
  columnHeader,
  EXPORT_COLUMNS,
  IMPORT_FIELD_OF_EXPORT_COLUMN,
  IMPORT_FIELDS,
  type ImportField,
  normalise,
  readAnswerCells,
  readFlag,
} from './application-csv-columns';

/**
 * Importing applications from a spreadsheet (an export of an old web form, or of this program),
 * in three steps a program coordinator walks through:
 *
 *   1. upload: the CSV is checked for size and shape and kept (application_imports);
 *   2. mapping: each field of the application is matched to a column, guessed from the headers;
 *   3. import: every row is validated with the same schema as the application form and a report
 *      lists each problem by row number (as the spreadsheet shows it: the header is row 1) and
 *      field. All or nothing by default; with `skipBadRows` only the valid rows are imported.
 *
 * Imported applications go through the same rules as submissions: one per email address per
 * round, the country quota and the likely-duplicate flag (core listLikelyDuplicates). While the
 * round is a draft or open they are simply pending, like submissions, and the quota is settled for everyone
 * at the close; into a closed round they are placed at once (core admitFromWaitlist over the
 * places already held, in submission order). No emails are sent.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

// Re-exported from where they used to be defined, for the modules that import them from here.
export { IMPORT_FIELDS, type ImportField } from './application-csv-columns';

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'email', 'countryOfResidence'];
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
  message: string;
}

export interface ImportReport {
  rowCount: number;
  validRowCount: number;
  problems: ImportRowProblem[];
  imported: number;
  waitlisted: number;
  duplicatesFlagged: number;
  /** False when nothing was imported because of problems (all or nothing). */
  isImported: boolean;
}

const ALIASES: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'yourname', 'applicantname'],
  email: ['email', 'emailaddress', 'youremail', 'youremailaddress'],
  countryOfResidence: ['countrycode', 'countryofresidence', 'country', 'countryyoulivein'],
  timeZone: ['timezone', 'yourtimezone'],
  languages: ['languages', 'language', 'languagesyouspeak'],
  sector: ['sector', 'librarysector'],
  role: ['role', 'yourrole', 'jobtitle', 'position'],
  careerStage: ['careerstage', 'stage'],
  yearsInProfession: ['yearsinprofession', 'yearsintheprofession', 'years', 'yearsofexperience'],
  interests: ['interests', 'areasofinterest'],
  otherInterests: ['otherinterests'],
  partnerOpenToAnyone: ['partneropentoanyone', 'opentoanyone', 'opentoanypartner'],
  partnerSectors: ['partnersectors', 'preferredsectors'],
  partnerCareerStages: ['partnercareerstages', 'preferredcareerstages'],
  emailOnly: ['emailonly'],
  availability: ['availability', 'timesforcalls'],
  hopes: ['hopes', 'whatyouhopetoget', 'goals'],
  heardFrom: ['heardfrom', 'howdidyouhearaboutus', 'howyouheard'],
  heardFromDetail: ['heardfromdetail'],
  privacyConsent: ['privacyconsent', 'privacy'],
  codeOfConductAccepted: ['codeofconductaccepted', 'codeofconduct'],
  submittedAt: ['submittedat', 'submitted', 'timestamp'],
};

/** Guesses a column for every field from the headers; each column is used at most once. */
export function guessColumnMapping(headers: readonly string[], locale = 'en'): ColumnMapping {
  const t = getT(locale);
  const normalised = headers.map(normalise);
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, 'none'])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    const exportColumns = EXPORT_COLUMNS.filter((column) => IMPORT_FIELD_OF_EXPORT_COLUMN[column] === field);
    const candidates = [
      ...exportColumns.map((column) => normalise(columnHeader(t, column))),
      normalise(t(`review:csv.columns.${field}`, { defaultValue: field })),
      ...ALIASES[field],
    ];
    for (const candidate of candidates) {
      const index = normalised.findIndex((header, i) => header === candidate && !used.has(i));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** The CSV as rows of cells; a byte-order mark and blank lines are ignored. */
export function readCsv(content: string): string[][] {
  try {
    return parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    throw new DomainError('VALIDATION', 'The file could not be read as CSV.', [
      { field: 'file', message: `The file is not a readable CSV file (${(error as Error).message})` },
    ]);
  }
}

let countryCodesByName: Map<string, string> | undefined;
const findCountryCode = (value: string): string => {
  const trimmed = value.trim();
  if (findCountry(trimmed)) return trimmed.toUpperCase();
  countryCodesByName ??= new Map(
    listCountries('en').map((country) => [normalise(country.name), country.code]),
  );
  return countryCodesByName.get(normalise(trimmed)) ?? trimmed;
};

/** Which import field a problem of the answers schema belongs to. */
const fieldOfPath = (path: string): ImportField | '' => {
  if (path.startsWith('partnerPreference.sectors')) return 'partnerSectors';
  if (path.startsWith('partnerPreference.careerStages')) return 'partnerCareerStages';
  if (path.startsWith('partnerPreference')) return 'partnerOpenToAnyone';
  if (path.startsWith('availability.emailOnly')) return 'emailOnly';
  if (path.startsWith('availability')) return 'availability';
  const first = path.split('.')[0] ?? '';
  return (IMPORT_FIELDS as readonly string[]).includes(first) ? (first as ImportField) : '';
};

interface ParsedRow {
  row: number;
  answers?: ApplicationAnswers;
  submittedAt?: Date;
  problems: ImportRowProblem[];
}

/** One data row to application answers, with its problems. Pure. */
export function parseImportRow(cells: readonly string[], mapping: ColumnMapping, row: number): ParsedRow {
  const cell = (field: ImportField): string | undefined => {
    const choice = mapping[field];
    if (choice === 'none') return undefined;
    if (choice === 'yes') return 'yes';
    return (cells[choice] ?? '').trim();
  };
  const problems: ImportRowProblem[] = [];
  const country = findCountryCode(cell('countryOfResidence') ?? '');
  const input = {
    name: cell('name') ?? '',
    email: cell('email') ?? '',
    countryOfResidence: country,
    ...readAnswerCells(cell, findCountry(country) ? getPrimaryTimeZone(country) : ''),
    privacyConsent: readFlag(cell('privacyConsent')) ?? false,
    codeOfConductAccepted: readFlag(cell('codeOfConductAccepted')) ?? false,
  };
  const result = validateApplicationAnswers(input);
  if (!result.ok) {
    for (const problem of result.problems) {
      problems.push({ row, field: fieldOfPath(problem.field), message: problem.message });
    }
  }
  let submittedAt: Date | undefined;
  const submitted = cell('submittedAt');
  if (submitted) {
    const at = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(submitted)
      ? new Date(/Z|[+-]\d{2}:?\d{2}$/.test(submitted) ? submitted : `${submitted.replace(' ', 'T')}Z`)
      : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      problems.push({
        row,
        field: 'submittedAt',
        message: 'Give the submission time as YYYY-MM-DD HH:MM (UTC)',
      });
    } else {
      submittedAt = at;
    }
  }
  return {
    row,
    ...(result.ok ? { answers: result.value } : {}),
    ...(submittedAt ? { submittedAt } : {}),
    problems,
  };
}

const IMPORTING: readonly RoundStatus[] = ['draft', 'open', 'closed', 'matching'];

const loadImport = async (
  deps: Pick<ReviewDeps, 'review' | 'rounds'>,
  roundId: string,
  importId: string,
): Promise<ApplicationImport> => {
  const upload = await deps.review.findImport(importId, roundId);
  if (!upload)
    throw new DomainError('NOT_FOUND', `There is no uploaded file "${importId}" for round "${roundId}".`);
  return upload;
};

export interface UploadApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  fileName: string;
  content: string;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  headers: string[];
  /** The first data rows, to help choose columns. */
  sample: string[][];
  rowCount: number;
  mapping: ColumnMapping;
  isImported: boolean;
}

const preview = (upload: ApplicationImport, locale: string): ImportPreview => {
  const [headers = [], ...rows] = readCsv(upload.content);
  return {
    importId: upload.id,
    fileName: upload.fileName,
    headers,
    sample: rows.slice(0, 3),
    rowCount: rows.length,
    mapping: guessColumnMapping(headers, locale),
    isImported: upload.status === 'imported',
  };
};

/** Step 1: checks and keeps the uploaded file. */
export const uploadApplicationsCsv = async (
  deps: ReviewDeps,
  input: UploadApplicationsInput & { locale?: string },
): Promise<ImportPreview> => {
  const viewer = assertProgramCoordinator(input.viewer, 'import applications');
  const round = await deps.rounds.getRound(input.roundId);
  const fail = (message: string): never => {
    throw new DomainError('VALIDATION', message, [{ field: 'file', message }]);
  };
  if (!IMPORTING.includes(round.status)) {
    throw new DomainError(
      'CONFLICT',
      `Round "${round.name}" is ${round.status}: applications can no longer be added.`,
    );
  }
  if (Buffer.byteLength(input.content, 'utf8') > MAX_IMPORT_BYTES) fail('Choose a CSV file under 5 MB');
  if (input.content.trim() === '') fail('Choose a CSV file with a header row and at least one application');
  const rows = readCsv(input.content);
  if (rows.length < 2) fail('Choose a CSV file with a header row and at least one application');
  if (rows.length - 1 > MAX_IMPORT_ROWS) fail(`Import at most ${MAX_IMPORT_ROWS} applications at a time`);
  const upload = await deps.review.insertImport(
    {
      roundId: round.id,
      authorPersonId: viewer.personId,
      fileName: input.fileName.slice(0, 200) || 'applications.csv',
      content: input.content,
    },
    deps.now(),
  );
  return preview(upload, input.locale ?? 'en');
};

/** Step 2: the file's columns and the guessed mapping. */
export const previewApplicationsImport = async (
  deps: ReviewDeps,
  input: { viewer: Viewer | null; roundId: string; importId: string; locale?: string },
): Promise<ImportPreview> => {
  assertProgramCoordinator(input.viewer, 'import applications');
  return preview(await loadImport(deps, input.roundId, input.importId), input.locale ?? 'en');
};

export interface ImportApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  importId: string;
  mapping: ColumnMapping;
  skipBadRows: boolean;
}

/** Step 3: validates every row and imports all of them, only the valid ones, or none. */
export const importApplications = async (
  deps: ReviewDeps,
  input: ImportApplicationsInput,
): Promise<ImportReport> => {
  const viewer = assertProgramCoordinator(input.viewer, 'import applications');
  const upload = await loadImport(deps, input.roundId, input.importId);
  if (upload.status === 'imported') {
    throw new DomainError('CONFLICT', `The file "${upload.fileName}" has already been imported.`);
  }
  const [headers = [], ...rows] = readCsv(upload.content);
  const mappingProblems = IMPORT_FIELDS.flatMap((field) => {
    const choice = input.mapping[field];
    if (typeof choice === 'number' && (choice < 0 || choice >= headers.length)) {
      return [{ field, message: 'Choose one of the file’s columns' }];
    }
    if (choice === 'yes' && !CONSTANT_YES_FIELDS.includes(field)) {
      return [{ field, message: 'Choose one of the file’s columns' }];
    }
    if (choice === 'none' && REQUIRED_IMPORT_FIELDS.includes(field)) {
      return [{ field, message: 'Choose the column that holds this field' }];
    }
    return [];
  });
  if (mappingProblems.length > 0) {
    throw new DomainError('VALIDATION', 'Choose a column for every required field.', mappingProblems);
  }

  const now = deps.now();
  return deps.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    if (!IMPORTING.includes(round.status)) {
      throw new DomainError(
        'CONFLICT',
        `Round "${round.name}" is ${round.status}: applications can no longer be added.`,
      );
    }
    const existing = await store.review.listQuotaRows(round.id);
    const existingEmails = new Set(existing.map((row) => row.email));
    const firstRowByEmail = new Map<string, number>();
    const parsed = rows.map((cells, index) => {
      const result = parseImportRow(cells, input.mapping, index + 2);
      if (result.answers) {
        const email = result.answers.email.toLowerCase();
        if (existingEmails.has(email)) {
          result.problems.push({
            row: result.row,
            field: 'email',
            message: 'This address has already applied to this round',
          });
        } else if (firstRowByEmail.has(email)) {
          result.problems.push({
            row: result.row,
            field: 'email',
            message: `The same address is on row ${firstRowByEmail.get(email)}`,
          });
        } else {
          firstRowByEmail.set(email, result.row);
        }
      }
      return result;
    });
    const problems = parsed.flatMap((row) => row.problems);
    const valid = parsed.filter((row) => row.answers && row.problems.length === 0);
    const report: ImportReport = {
      rowCount: rows.length,
      validRowCount: valid.length,
      problems,
      imported: 0,
      waitlisted: 0,
      duplicatesFlagged: 0,
      isImported: false,
    };
    if ((problems.length > 0 && !input.skipBadRows) || valid.length === 0) return report;

    // Submission order: the file's own times when given, else the file's order after "now".
    const incoming = valid
      .map((row, index) => ({
        id: deps.newId(),
        answers: row.answers!,
        submittedAt: row.submittedAt ?? new Date(now.getTime() + index),
      }))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const holding = existing.filter((row) => PLACE_HOLDING_STATUSES.includes(row.status));
    const waitlistedBefore = existing.filter((row) => row.status === 'waitlisted');
    const quota = admitFromWaitlist({
      holdingPlaces: holding.map((row) => ({ id: row.id, countryOfResidence: row.countryCode })),
      waitlist: incoming.map((row) => ({ id: row.id, countryOfResidence: row.answers.countryOfResidence })),
      settings: round.quota,
      totalApplications: holding.length + waitlistedBefore.length + incoming.length,
    });
    // A round still taking applications settles its quota when they close (settle-country-quota.ts).
    const settlesAtClose = round.status === 'draft' || round.status === 'open';
    const waitlisted = new Set(settlesAtClose ? [] : quota.stillWaitlisted);
    for (const row of incoming) {
      await store.applications.insertApplication({
        id: row.id,
        roundId: round.id,
        personId: null,
        status: waitlisted.has(row.id) ? 'waitlisted' : 'pending',
        answers: row.answers,
        editTokenHash: null,
        submittedAt: row.submittedAt,
      });
    }
    const newIds = new Set(incoming.map((row) => row.id));
    const flagged = new Set<string>();
    const everyone = [
      ...existing.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        countryOfResidence: row.countryCode,
      })),
      ...incoming.map((row) => ({
        id: row.id,
        name: row.answers.name,
        email: row.answers.email.toLowerCase(),
        countryOfResidence: row.answers.countryOfResidence,
      })),
    ];
    for (const pair of listLikelyDuplicates(everyone)) {
      if (!newIds.has(pair.secondId) || flagged.has(pair.secondId)) continue;
      await store.review.setDuplicateFlag(pair.secondId, pair.firstId, pair.reason);
      flagged.add(pair.secondId);
    }
    await store.review.markImportImported(upload.id, now);
    await store.review.appendAudit(
      {
        actorPersonId: viewer.personId,
        action: 'applications.imported',
        subjectType: 'round',
        subjectId: round.id,
        details: {
          importId: upload.id,
          fileName: upload.fileName,
          imported: incoming.length,
          waitlisted: waitlisted.size,
          skippedRows: [...new Set(problems.map((problem) => problem.row))],
        },
      },
      now,
    );
    return {
      ...report,
      imported: incoming.length,
      waitlisted: waitlisted.size,
      duplicatesFlagged: flagged.size,
      isImported: true,
    };
  });
};
