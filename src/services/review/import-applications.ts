import { parse } from 'csv-parse/sync';
import { admitFromWaitlist, listLikelyDuplicates, PLACE_HOLDING_STATUSES } from '../../core/applications';
import { hashToken } from '../../core/applications/application-token';
import {
  CONSENT_IMPORT_FIELDS,
  CONSTANT_YES_FIELDS,
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRowProblem,
  REQUIRED_IMPORT_FIELDS,
} from '../../core/applications/csv-columns';
import { type ChoiceNames, guessColumnMapping, parseImportRow } from '../../core/applications/csv-row';
import { DomainError, invalidInput, type MessageParams } from '../../core/errors';
import { roundFactsOf } from '../../core/messages/messages';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { PRIVACY_NOTICE_VERSION } from '../../core/privacy/privacy-notice';
import type { Round, RoundStatus } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { ApplicationImport } from '../ports/review';

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
 * places already held, in submission order). Each imported applicant is emailed once, in the same
 * transaction, a confirmation with their own private link (they never saw this program's
 * confirmation page), so they can see, change or withdraw what was imported for them.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportReport {
  rowCount: number;
  validRowCount: number;
  problems: ImportRowProblem[];
  imported: number;
  /** Confirmations queued, one per imported applicant, each with the applicant's private link. */
  emailed: number;
  waitlisted: number;
  duplicatesFlagged: number;
  /** False when nothing was imported because of problems (all or nothing). */
  isImported: boolean;
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
    throw invalidInput([
      { field: 'file', code: 'import.unreadable', params: { detail: (error as Error).message } },
    ]);
  }
}

const IMPORTING: readonly RoundStatus[] = ['draft', 'open', 'closed', 'matching'];

const closedForImports = (round: Round) =>
  new DomainError('CONFLICT', 'import.roundClosed', { round: round.name, status: round.status });

const loadImport = async (
  deps: UseCaseDeps,
  roundId: string,
  importId: string,
): Promise<ApplicationImport> => {
  const upload = await deps.store.review.findImport(importId, roundId);
  if (!upload) throw new DomainError('NOT_FOUND', 'import.notFound', { importId, roundId });
  return upload;
};

export interface UploadApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  fileName: string;
  content: string;
  /** The headers the program writes for each field, tried first when guessing the mapping. */
  headerNames?: (field: ImportField) => readonly string[];
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

const preview = (
  upload: ApplicationImport,
  headerNames?: (field: ImportField) => readonly string[],
): ImportPreview => {
  const [headers = [], ...rows] = readCsv(upload.content);
  return {
    importId: upload.id,
    fileName: upload.fileName,
    headers,
    sample: rows.slice(0, 3),
    rowCount: rows.length,
    mapping: guessColumnMapping(headers, headerNames),
    isImported: upload.status === 'imported',
  };
};

/** Step 1: checks and keeps the uploaded file. */
export const uploadApplicationsCsv = async (
  deps: UseCaseDeps,
  input: UploadApplicationsInput,
): Promise<ImportPreview> => {
  const viewer = assertProgramCoordinator(input.viewer, 'import applications');
  const round = await deps.store.rounds.getRound(input.roundId);
  const fail = (code: string, params?: MessageParams): never => {
    throw invalidInput([{ field: 'file', code, ...(params ? { params } : {}) }]);
  };
  if (!IMPORTING.includes(round.status)) throw closedForImports(round);
  if (Buffer.byteLength(input.content, 'utf8') > MAX_IMPORT_BYTES) {
    fail('import.fileTooLarge', { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) });
  }
  if (input.content.trim() === '') fail('import.empty');
  // A spreadsheet saved in its own format (xlsx, ods: zip files) rather than as CSV.
  if (input.content.includes('\u0000')) fail('import.notText');
  const rows = readCsv(input.content);
  if (rows.length < 2) fail('import.empty');
  if (rows.length - 1 > MAX_IMPORT_ROWS) fail('import.tooManyRows', { max: MAX_IMPORT_ROWS });
  const upload = await deps.store.review.insertImport(
    {
      roundId: round.id,
      authorPersonId: actorIdOf(viewer),
      fileName: input.fileName.slice(0, 200) || 'applications.csv',
      content: input.content,
    },
    deps.clock.now(),
  );
  return preview(upload, input.headerNames);
};

/** Step 2: the file's columns and the guessed mapping. */
export const previewApplicationsImport = async (
  deps: UseCaseDeps,
  input: {
    viewer: Viewer | null;
    roundId: string;
    importId: string;
    headerNames?: (field: ImportField) => readonly string[];
  },
): Promise<ImportPreview> => {
  assertProgramCoordinator(input.viewer, 'import applications');
  return preview(await loadImport(deps, input.roundId, input.importId), input.headerNames);
};

export interface ImportApplicationsInput {
  viewer: Viewer | null;
  roundId: string;
  importId: string;
  mapping: ColumnMapping;
  skipBadRows: boolean;
  /** The names of the closed choices in the languages the program speaks (the edge's translations). */
  choiceNames?: ChoiceNames;
}

/** Step 3: validates every row and imports all of them, only the valid ones, or none. */
export const importApplications = async (
  deps: UseCaseDeps,
  input: ImportApplicationsInput,
): Promise<ImportReport> => {
  const viewer = assertProgramCoordinator(input.viewer, 'import applications');
  const upload = await loadImport(deps, input.roundId, input.importId);
  if (upload.status === 'imported') {
    throw new DomainError('CONFLICT', 'import.alreadyImported', { fileName: upload.fileName });
  }
  const [headers = [], ...rows] = readCsv(upload.content);
  const mappingProblems = IMPORT_FIELDS.flatMap((field) => {
    const choice = input.mapping[field];
    if (typeof choice === 'number' && (choice < 0 || choice >= headers.length)) {
      return [{ field, code: 'import.column' }];
    }
    if (choice === 'yes' && !CONSTANT_YES_FIELDS.includes(field)) {
      return [{ field, code: 'import.column' }];
    }
    if (choice === 'none' && REQUIRED_IMPORT_FIELDS.includes(field)) {
      return [
        { field, code: CONSENT_IMPORT_FIELDS.includes(field) ? 'import.consentRequired' : 'import.required' },
      ];
    }
    return [];
  });
  if (mappingProblems.length > 0) {
    throw invalidInput(mappingProblems);
  }

  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    if (!IMPORTING.includes(round.status)) throw closedForImports(round);
    const existing = await store.review.listQuotaRows(round.id);
    const existingEmails = new Set(existing.map((row) => row.email));
    const firstRowByEmail = new Map<string, number>();
    const parsed = rows.map((cells, index) => {
      const result = parseImportRow(cells, input.mapping, index + 2, input.choiceNames);
      if (result.answers) {
        const email = result.answers.email.toLowerCase();
        if (existingEmails.has(email)) {
          result.problems.push({
            row: result.row,
            field: 'email',
            code: 'import.alreadyApplied',
            value: result.answers.email,
          });
        } else if (firstRowByEmail.has(email)) {
          result.problems.push({
            row: result.row,
            field: 'email',
            code: 'import.sameAddress',
            params: { row: firstRowByEmail.get(email) ?? 0 },
            value: result.answers.email,
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
      emailed: 0,
      waitlisted: 0,
      duplicatesFlagged: 0,
      isImported: false,
    };
    if ((problems.length > 0 && !input.skipBadRows) || valid.length === 0) return report;

    // Submission order: the file's own times when given, else the file's order after "now".
    const incoming = valid
      .map((row, index) => ({
        id: deps.ids.newId(),
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
    let emailed = 0;
    for (const row of incoming) {
      const token = deps.ids.newToken();
      const isWaitlisted = waitlisted.has(row.id);
      await store.applications.insertApplication({
        id: row.id,
        roundId: round.id,
        personId: null,
        status: isWaitlisted ? 'waitlisted' : 'pending',
        answers: row.answers,
        editTokenHash: hashToken(token),
        submittedAt: row.submittedAt,
        // The import page asks the coordinator to confirm consent to this notice for every row.
        consentVersion: PRIVACY_NOTICE_VERSION,
      });
      const queued = await store.messages.enqueue(
        {
          kind: 'application-imported',
          to: row.answers.email,
          // The old form did not record a language; the program's own until the applicant says.
          locale: 'en',
          dedupeKey: `application-imported:${row.id}`,
          payload: {
            name: row.answers.name,
            round: roundFactsOf(round),
            timeZone: row.answers.timeZone,
            privateToken: token,
            isWaitlisted,
          },
        },
        now,
      );
      if (queued.queued) emailed += 1;
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
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
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
      emailed,
      waitlisted: waitlisted.size,
      duplicatesFlagged: flagged.size,
      isImported: true,
    };
  });
};
