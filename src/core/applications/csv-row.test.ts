import { describe, expect, test } from 'vitest';
import { type ColumnMapping, IMPORT_FIELDS } from './csv-columns';
import { guessColumnMapping, parseImportRow } from './csv-row';

/** The columns guessed for the headers, leaving out the fields no column was found for. */
const guessed = (headers: string[]) =>
  Object.fromEntries(Object.entries(guessColumnMapping(headers)).filter(([, choice]) => choice !== 'none'));

describe('guessing the columns of a spreadsheet', () => {
  test('consent headers as web forms write them are recognised', () => {
    expect(
      guessed(['Name', 'Email', 'Country', 'Agreed to privacy notice', 'Accepted code of conduct']),
    ).toEqual({ name: 0, email: 1, countryOfResidence: 2, privacyConsent: 3, codeOfConductAccepted: 4 });
    expect(
      guessed([
        'Full name',
        'Email address',
        'I agree to the ILN privacy notice and data protection statement',
        'I have read and accept the ILN Code of Conduct',
        'Which time zone are you in?',
        'Languages you speak (with level)',
        'How did you hear about the ILN?',
      ]),
    ).toEqual({
      name: 0,
      email: 1,
      privacyConsent: 2,
      codeOfConductAccepted: 3,
      timeZone: 4,
      languages: 5,
      heardFrom: 6,
    });
  });

  test('a header is used once, exact names win over words, and "name" is never guessed from a longer header', () => {
    expect(guessed(['Institution name', 'Privacy', 'Other interests', 'Interests'])).toEqual({
      privacyConsent: 1,
      otherInterests: 2,
      interests: 3,
    });
  });
});

describe('a row’s problems', () => {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, 'none'])) as ColumnMapping;
  Object.assign(mapping, {
    name: 0,
    email: 1,
    countryOfResidence: 2,
    languages: 3,
    sector: 4,
    role: 5,
    careerStage: 6,
    yearsInProfession: 7,
    interests: 8,
    hopes: 9,
    privacyConsent: 10,
    codeOfConductAccepted: 'yes',
  });
  const cells = [
    'Ana Silva',
    'ana@example.org',
    'Brazil',
    'Portuguese (native)',
    'Public',
    'Librarian',
    'Senior',
    'ten',
    'open-access; information-technology; research-data-management',
    'To learn',
    'no',
  ];

  test('quote the cell that was not accepted, field by field', () => {
    const { problems, answers } = parseImportRow(cells, mapping, 4);
    expect(answers).toBeUndefined();
    expect(problems.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 4, field: 'careerStage', value: 'Senior' },
      { row: 4, field: 'yearsInProfession', value: 'ten' },
      { row: 4, field: 'privacyConsent', value: 'no' },
    ]);
  });

  test('an empty cell has no value to quote, a long one is cut short', () => {
    const long = 'x'.repeat(300);
    const { problems } = parseImportRow(
      cells.map((cell, index) => (index === 6 ? '' : index === 5 ? long : cell)),
      mapping,
      2,
    );
    const byField = Object.fromEntries(problems.map((problem) => [problem.field, problem.value]));
    expect(byField.careerStage).toBeUndefined();
    expect('careerStage' in byField).toBe(true);
    expect(byField.role).toHaveLength(80);
    expect(byField.role?.endsWith('…')).toBe(true);
  });

  test('an unknown country is reported once, not again as a missing time zone', () => {
    const { problems } = parseImportRow(
      cells.map((cell, index) => (index === 2 ? 'Atlantis' : cell)),
      mapping,
      3,
    );
    expect(problems.filter((problem) => problem.field === 'countryOfResidence')).toHaveLength(1);
    expect(problems.filter((problem) => problem.field === 'timeZone')).toEqual([]);
  });
});
