import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listApplicationLabelResources, validateApplicationForm } from '../../../core/applications';
import { getT } from '../../../i18n';
import { translateMessage } from '../../translate';

const localeFile = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../i18n/locales/en', `${name}.json`), 'utf8'));

test('every closed choice of the form has a label in applications.json', () => {
  const t = getT('en');
  for (const [key, english] of Object.entries(listApplicationLabelResources())) {
    expect(t(`applications:labels.${key}`), key).toBe(english);
  }
});

test('the validation messages of typical bad forms are keys of validation.json', () => {
  const keys = new Set(Object.keys(localeFile('validation')));
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
  for (const body of bodies) {
    const result = validateApplicationForm(body);
    expect(result.ok).toBe(false);
    if (result.ok) continue;
    for (const problem of result.problems) expect(keys, problem.message).toContain(problem.message);
  }
});

test('translateMessage reads sentences with dots and colons as whole keys and falls back to the sentence', () => {
  const t = getT('en');
  expect(translateMessage(t, 'The form could not be read; please check every answer')).toBe(
    'The form could not be read; please check every answer',
  );
  expect(translateMessage(t, 'Unknown: a sentence. With dots.')).toBe('Unknown: a sentence. With dots.');
});
