import { expect, test } from 'vitest';
import {
  CAREER_STAGES,
  INTEREST_GROUPS,
  LANGUAGE_LEVELS,
  REFERRAL_SOURCES,
  SECTORS,
  validateApplicationForm,
} from '../../../core/applications';
import { DAYS_OF_WEEK } from '../../../core/time';
import { getT } from '../../../i18n';
import { translateProblem } from '../../../i18n/problems';

/** The keys a label or a problem code names, as i18next would look them up. */
const hasKey = (key: string) => getT('en')(key, { defaultValue: '\u0000missing' }) !== '\u0000missing';

test('every closed choice of the form has a label in applications.json', () => {
  const ids: [string, readonly string[]][] = [
    ['sector', SECTORS],
    ['careerStage', CAREER_STAGES],
    ['languageLevel', LANGUAGE_LEVELS],
    ['referralSource', REFERRAL_SOURCES],
    ['dayOfWeek', DAYS_OF_WEEK],
    ['interestGroup', INTEREST_GROUPS.map((group) => group.id)],
    ['interest', INTEREST_GROUPS.flatMap((group) => group.interests.map((interest) => interest.id))],
  ];
  for (const [kind, list] of ids) {
    for (const id of list) expect(hasKey(`applications:labels.${kind}.${id}`), `${kind}.${id}`).toBe(true);
  }
  expect(getT('en')('applications:labels.sector.lis-education')).toBe(
    'Library and information education, or student',
  );
});

test('the problem codes of typical bad forms are keys of validation.json, and read as sentences', () => {
  const bodies: Record<string, unknown>[] = [
    {},
    { name: ' ', email: 'nope', countryOfResidence: 'XX', timeZone: '+05:00', yearsInProfession: '99' },
    {
      'languages.0.code': 'zz',
      'languages.0.level': 'expert',
      interests: ['a', 'b'],
      'availability.emailOnly': 'on',
      'availability.windows.0.day': 'xyz',
      'availability.windows.0.startTime': '25:00',
      'availability.windows.0.endTime': '09:00',
    },
    {
      interests: Array(9).fill('cataloguing'),
      'partnerPreference.openToAnyone': 'on',
      'partnerPreference.sectors': 'public',
      'availability.windows.0.day': 'mon',
      'availability.windows.0.startTime': '10:00',
      'availability.windows.0.endTime': '09:00',
    },
  ];
  const t = getT('en');
  for (const body of bodies) {
    const result = validateApplicationForm(body);
    expect(result.ok).toBe(false);
    if (result.ok) continue;
    for (const problem of result.problems) {
      expect(hasKey(`validation:${problem.code}`), problem.code).toBe(true);
      // A code is a key, not a sentence; its translation is.
      expect(problem.code).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
      expect(translateProblem(t, problem)).toMatch(/^[A-Z“"]/);
    }
  }
});
