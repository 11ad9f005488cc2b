import { describe, expect, test } from 'vitest';
import type { ApplicationAnswers } from '../../../core/applications';
import {
  ANSWER_COLUMNS,
  EXPORT_COLUMNS,
  IMPORT_FIELD_OF_EXPORT_COLUMN,
  IMPORT_FIELDS,
} from '../../../core/applications/csv-columns';
import { readAnswerCells } from '../../../core/applications/csv-row';
import { getT } from '../../../i18n';
import { choiceNamesInEveryLanguage } from '../../../i18n/labels';
import { writeAnswerCells } from './csv-cells';

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
