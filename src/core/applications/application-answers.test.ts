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
    expect(problems).toContainEqual({ field: 'name', message: 'Enter your name' });
  });

  it('gives a form-level problem for something that is not a form', () => {
    expect(problemsOf(null)).toEqual([{ field: '', message: 'Fill in the application form' }]);
    expect(problemsOf('hello')).toEqual([{ field: '', message: 'Fill in the application form' }]);
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'email', 'Enter an email address like name@example.org'],
    [
      'country',
      { countryOfResidence: 'XX' },
      'countryOfResidence',
      'Choose the country you live in from the list',
    ],
    [
      'time zone',
      { timeZone: 'Mars/Base' },
      'timeZone',
      'Choose a time zone from the list (for example Europe/London)',
    ],
    [
      'language code',
      { languages: [{ code: 'xx', level: 'fluent' }] },
      'languages.0.code',
      'Choose a language from the list',
    ],
    [
      'language level',
      { languages: [{ code: 'en', level: 'perfect' }] },
      'languages.0.level',
      'Choose how well you speak this language',
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
      'List each language once',
    ],
    ['no language', { languages: [] }, 'languages', 'Add at least one language you speak'],
    ['sector', { sector: 'bookshop' }, 'sector', 'Choose the sector you work or study in'],
    ['career stage', { careerStage: 'veteran' }, 'careerStage', 'Choose your career stage'],
    [
      'negative years',
      { yearsInProfession: -1 },
      'yearsInProfession',
      'Enter your years in the profession as a whole number from 0 to 60',
    ],
    [
      'too many years',
      { yearsInProfession: 61 },
      'yearsInProfession',
      'Enter your years in the profession as a whole number from 0 to 60',
    ],
    [
      'fractional years',
      { yearsInProfession: 2.5 },
      'yearsInProfession',
      'Enter your years in the profession as a whole number from 0 to 60',
    ],
    [
      'too few interests',
      { interests: ['cataloguing', 'metadata'] },
      'interests',
      'Choose at least 3 areas of interest',
    ],
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
      'Choose at most 8 areas of interest',
    ],
    [
      'unknown interest',
      { interests: ['cataloguing', 'metadata', 'knitting'] },
      'interests.2',
      'Choose areas of interest from the list',
    ],
    [
      'repeated interest',
      { interests: ['cataloguing', 'metadata', 'metadata'] },
      'interests',
      'Choose each area of interest once',
    ],
    [
      'open and particular partner',
      { partnerPreference: { openToAnyone: true, sectors: ['public'], careerStages: [] } },
      'partnerPreference.openToAnyone',
      'Choose either “open to anyone” or particular sectors or career stages, not both',
    ],
    [
      'no partner preference',
      { partnerPreference: { openToAnyone: false, sectors: [], careerStages: [] } },
      'partnerPreference.openToAnyone',
      'Choose the sectors or career stages you would like in a partner, or say you are open to anyone',
    ],
    [
      'no availability',
      { availability: { emailOnly: false, windows: [] } },
      'availability.windows',
      'Give at least one time you could take a call, or choose email only',
    ],
    [
      'email only and windows',
      { availability: { emailOnly: true, windows: [{ day: 'mon', startTime: '09:00', endTime: '10:00' }] } },
      'availability.windows',
      'Choose either email only or times for calls, not both',
    ],
    [
      'backwards window',
      { availability: { emailOnly: false, windows: [{ day: 'mon', startTime: '22:00', endTime: '01:00' }] } },
      'availability.windows.0.endTime',
      'End the time window after it starts (split a window that crosses midnight into two)',
    ],
    [
      'bad start time',
      { availability: { emailOnly: false, windows: [{ day: 'mon', startTime: '9am', endTime: '10:00' }] } },
      'availability.windows.0.startTime',
      'Enter a time as HH:MM (24-hour clock)',
    ],
    [
      'bad day',
      { availability: { windows: [{ day: 'funday', startTime: '09:00', endTime: '10:00' }] } },
      'availability.windows.0.day',
      'Choose a day of the week',
    ],
    ['empty hopes', { hopes: '   ' }, 'hopes', 'Tell us what you hope to get from the round'],
    ['referral', { heardFrom: 'radio' }, 'heardFrom', 'Choose how you heard about the program'],
    [
      'privacy',
      { privacyConsent: false },
      'privacyConsent',
      'You need to agree to the privacy notice to apply',
    ],
    [
      'code of conduct',
      { codeOfConductAccepted: 'yes' },
      'codeOfConductAccepted',
      'You need to accept the code of conduct to apply',
    ],
    ['long name', { name: 'x'.repeat(201) }, 'name', 'Keep your name under 200 characters'],
  ])('refuses a bad %s', (_case, change, field, message) => {
    expect(problemsOf({ ...validAnswers(), ...change })).toContainEqual({ field, message });
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
