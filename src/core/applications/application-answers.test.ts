import { describe, expect, it } from 'vitest';
import { type ApplicationAnswersInput, validateApplicationAnswers } from './application-answers';

const validAnswers = (): ApplicationAnswersInput => ({
  name: 'Amaka Obi',
  email: 'amaka.obi@example.org',
  countryOfResidence: 'NG',
  timeZone: 'Africa/Lagos',
  languages: [
    { code: 'en', level: 'fluent' },
    { code: 'ig', level: 'native' },
  ],
  sector: 'academic',
  role: 'Systems librarian',
  careerStage: 'early',
  yearsInProfession: 4,
  interests: ['information-technology', 'open-access', 'research-data-management'],
  otherInterests: '',
  partnerPreference: { openToAnyone: true, sectors: [], careerStages: [] },
  availability: { emailOnly: false, windows: [{ day: 'tue', startTime: '18:00', endTime: '20:00' }] },
  hopes: 'An international view of research support.',
  heardFrom: 'colleague',
  heardFromDetail: '',
  privacyConsent: true,
  codeOfConductAccepted: true,
});

const problemsOf = (input: unknown) => {
  const result = validateApplicationAnswers(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('ApplicationAnswersSchema', () => {
  it('accepts a complete application and tidies it', () => {
    const result = validateApplicationAnswers({
      ...validAnswers(),
      name: '  Amaka Obi ',
      countryOfResidence: 'ng',
      timeZone: 'africa/lagos',
      languages: [{ code: 'EN', level: 'fluent' }],
      otherInterests: undefined,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Amaka Obi');
    expect(result.value.countryOfResidence).toBe('NG');
    expect(result.value.timeZone).toBe('Africa/Lagos');
    expect(result.value.languages).toEqual([{ code: 'en', level: 'fluent' }]);
    expect(result.value.otherInterests).toBe('');
  });

  it('reports every missing answer by field, in plain words', () => {
    const problems = problemsOf({});
    expect(problems.map((problem) => problem.field)).toEqual([
      'name',
      'email',
      'countryOfResidence',
      'timeZone',
      'languages',
      'sector',
      'role',
      'careerStage',
      'yearsInProfession',
      'interests',
      'partnerPreference',
      'availability',
      'hopes',
      'heardFrom',
      'privacyConsent',
      'codeOfConductAccepted',
    ]);
    expect(problems).toContainEqual({ field: 'name', code: 'name.missing' });
  });

  it('gives a form-level problem for something that is not a form', () => {
    expect(problemsOf(null)).toEqual([{ field: '', code: 'form.missing' }]);
    expect(problemsOf('hello')).toEqual([{ field: '', code: 'form.missing' }]);
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'email', 'email.invalid'],
    ['country', { countryOfResidence: 'XX' }, 'countryOfResidence', 'country.unknown'],
    ['time zone', { timeZone: 'Mars/Base' }, 'timeZone', 'timeZone.unknown'],
    [
      'language code',
      { languages: [{ code: 'xx', level: 'fluent' }] },
      'languages.0.code',
      'language.unknown',
    ],
    [
      'language level',
      { languages: [{ code: 'en', level: 'perfect' }] },
      'languages.0.level',
      'language.level',
    ],
    [
      'repeated language',
      {
        languages: [
          { code: 'en', level: 'fluent' },
          { code: 'en', level: 'basic' },
        ],
      },
      'languages',
      'languages.repeated',
    ],
    ['no language', { languages: [] }, 'languages', 'languages.missing'],
    ['sector', { sector: 'bookshop' }, 'sector', 'sector.missing'],
    ['career stage', { careerStage: 'veteran' }, 'careerStage', 'careerStage.missing'],
    ['negative years', { yearsInProfession: -1 }, 'yearsInProfession', 'years.invalid'],
    ['too many years', { yearsInProfession: 61 }, 'yearsInProfession', 'years.invalid'],
    ['fractional years', { yearsInProfession: 2.5 }, 'yearsInProfession', 'years.invalid'],
    ['too few interests', { interests: ['cataloguing', 'metadata'] }, 'interests', 'interests.tooFew'],
    [
      'too many interests',
      {
        interests: [
          'cataloguing',
          'metadata',
          'bibliography',
          'newspapers',
          'leadership',
          'law-libraries',
          'art-libraries',
          'open-access',
          'library-history',
        ],
      },
      'interests',
      'interests.tooMany',
    ],
    [
      'unknown interest',
      { interests: ['cataloguing', 'metadata', 'knitting'] },
      'interests.2',
      'interests.unknown',
    ],
    [
      'repeated interest',
      { interests: ['cataloguing', 'metadata', 'metadata'] },
      'interests',
      'interests.repeated',
    ],
    [
      'open and particular partner',
      { partnerPreference: { openToAnyone: true, sectors: ['public'], careerStages: [] } },
      'partnerPreference.openToAnyone',
      'partner.both',
    ],
    [
      'no partner preference',
      { partnerPreference: { openToAnyone: false, sectors: [], careerStages: [] } },
      'partnerPreference.openToAnyone',
      'partner.none',
    ],
    [
      'no availability',
      { availability: { emailOnly: false, windows: [] } },
      'availability.windows',
      'availability.none',
    ],
    [
      'email only and windows',
      { availability: { emailOnly: true, windows: [{ day: 'mon', startTime: '09:00', endTime: '10:00' }] } },
      'availability.windows',
      'availability.both',
    ],
    [
      'backwards window',
      { availability: { emailOnly: false, windows: [{ day: 'mon', startTime: '22:00', endTime: '01:00' }] } },
      'availability.windows.0.endTime',
      'window.endBeforeStart',
    ],
    [
      'bad start time',
      { availability: { emailOnly: false, windows: [{ day: 'mon', startTime: '9am', endTime: '10:00' }] } },
      'availability.windows.0.startTime',
      'time.invalid',
    ],
    [
      'bad day',
      { availability: { windows: [{ day: 'funday', startTime: '09:00', endTime: '10:00' }] } },
      'availability.windows.0.day',
      'window.day',
    ],
    ['empty hopes', { hopes: '   ' }, 'hopes', 'hopes.missing'],
    ['referral', { heardFrom: 'radio' }, 'heardFrom', 'heardFrom.missing'],
    ['privacy', { privacyConsent: false }, 'privacyConsent', 'consent.privacy'],
    ['code of conduct', { codeOfConductAccepted: 'yes' }, 'codeOfConductAccepted', 'consent.conduct'],
    ['long name', { name: 'x'.repeat(201) }, 'name', 'name.tooLong'],
  ])('refuses a bad %s', (_case, change, field, code) => {
    expect(problemsOf({ ...validAnswers(), ...change })).toContainEqual({ field, code });
  });

  it('accepts addresses with plus signs and subdomains', () => {
    for (const email of ['amaka+iln@example.org', 'a.obi@library.example.ac.uk']) {
      expect(validateApplicationAnswers({ ...validAnswers(), email }).ok, email).toBe(true);
    }
  });

  it('accepts email only, a window ending at midnight, and particular partner wishes', () => {
    const emailOnly = validateApplicationAnswers({
      ...validAnswers(),
      availability: { emailOnly: true, windows: [] },
    });
    expect(emailOnly.ok).toBe(true);
    const midnight = validateApplicationAnswers({
      ...validAnswers(),
      availability: { emailOnly: false, windows: [{ day: 'sun', startTime: '22:00', endTime: '24:00' }] },
      partnerPreference: { openToAnyone: false, sectors: ['public'], careerStages: ['late'] },
    });
    expect(midnight.ok).toBe(true);
  });
});
