import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateApplicationAnswers } from './application-answers';
import { normaliseApplicationForm, validateApplicationForm } from './application-form';

// The validator's last-resort message: seeing it means a refinement threw on odd input.
const UNREADABLE = 'form.unreadable';

const validForm = (): Record<string, string | string[]> => ({
  _csrf: 'token',
  name: 'Søren Kierkegaard',
  email: 'soren@example.org',
  countryOfResidence: 'dk',
  timeZone: 'Europe/Copenhagen',
  'languages.0.code': 'da',
  'languages.0.level': 'native',
  'languages[1][code]': 'en',
  'languages[1][level]': 'fluent',
  'languages.2.code': '',
  'languages.2.level': '',
  sector: 'public',
  role: 'Branch manager',
  careerStage: 'mid',
  yearsInProfession: ' 12 ',
  interests: ['public-libraries', 'leadership', 'library-buildings-and-equipment'],
  otherInterests: '',
  'partnerPreference.sectors': 'academic',
  'availability.windows.0.day': 'wed',
  'availability.windows.0.startTime': '19:00',
  'availability.windows.0.endTime': '21:00',
  'availability.windows.1.day': '',
  'availability.windows.1.startTime': '',
  'availability.windows.1.endTime': '',
  hopes: 'Ideas for our new building.',
  heardFrom: 'association',
  privacyConsent: 'on',
  codeOfConductAccepted: 'on',
});

describe('normaliseApplicationForm', () => {
  it('turns a form body into valid answers', () => {
    const result = validateApplicationForm(validForm());
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.value.languages).toEqual([
      { code: 'da', level: 'native' },
      { code: 'en', level: 'fluent' },
    ]);
    expect(result.value.yearsInProfession).toBe(12);
    expect(result.value.partnerPreference).toEqual({
      openToAnyone: false,
      sectors: ['academic'],
      careerStages: [],
    });
    expect(result.value.availability).toEqual({
      emailOnly: false,
      windows: [{ day: 'wed', startTime: '19:00', endTime: '21:00' }],
    });
    expect(result.value.countryOfResidence).toBe('DK');
    expect(result.value).not.toHaveProperty('_csrf');
  });

  it('reads unticked checkboxes as false, so the schema asks for consent', () => {
    const form = validForm();
    delete form.privacyConsent;
    form.codeOfConductAccepted = 'off';
    const result = validateApplicationForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'privacyConsent',
      'codeOfConductAccepted',
    ]);
  });

  it('wraps a single interest in a list and keeps rows in index order', () => {
    const normalised = normaliseApplicationForm({
      interests: 'cataloguing',
      'languages.10.code': 'fr',
      'languages.10.level': 'basic',
      'languages.2.code': 'en',
      'languages.2.level': 'native',
      'availability.emailOnly': 'on',
    });
    expect(normalised.interests).toEqual(['cataloguing']);
    expect(normalised.languages).toEqual([
      { code: 'en', level: 'native' },
      { code: 'fr', level: 'basic' },
    ]);
    expect(normalised.availability).toEqual({ emailOnly: true });
  });

  it('leaves unreadable numbers for the schema to report', () => {
    const form = { ...validForm(), yearsInProfession: 'ten' };
    const result = validateApplicationForm(form);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          field: 'yearsInProfession',
          code: 'years.invalid',
        },
      ],
    });
  });

  it('ignores prototype-polluting and absurd keys', () => {
    const normalised = normaliseApplicationForm({
      '__proto__.polluted': 'yes',
      'constructor.prototype.polluted': 'yes',
      'languages.99999999.code': 'en',
      'a.b.c.d.e.f': 'deep',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(normalised.languages).toEqual({ '99999999': { code: 'en' } });
    expect(validateApplicationAnswers(normalised).ok).toBe(false);
  });
});

describe('fuzz: random form bodies', () => {
  const key = fc.oneof(
    fc.constantFrom(...Object.keys(validForm()), 'partnerPreference.openToAnyone', 'availability.emailOnly'),
    fc.string(),
    fc
      .tuple(
        fc.constantFrom('languages', 'availability.windows', 'interests', '__proto__'),
        fc.nat(60),
        fc.string(),
      )
      .map(([field, index, rest]) => `${field}.${index}.${rest}`),
  );
  const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 5 }));

  it('never throws and always reports problems for random records', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), (record) => {
        const result = validateApplicationForm(record);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.code)).not.toContain(UNREADABLE);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('never throws for arbitrary values given straight to the validator', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateApplicationAnswers(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.code)).not.toContain(UNREADABLE);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('reports problems when one field of a valid form is replaced by random text', () => {
    const fields = Object.keys(validForm()).filter((field) => field !== '_csrf');
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string(), (field, text) => {
        const result = validateApplicationForm({ ...validForm(), [field]: text });
        if (!result.ok) expect(result.problems.map((problem) => problem.code)).not.toContain(UNREADABLE);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('fuzz: valid answers with one nested part replaced', () => {
  const paths: Array<Array<string | number>> = [
    ['languages', 0],
    ['languages', 0, 'code'],
    ['languages'],
    ['availability'],
    ['availability', 'windows'],
    ['availability', 'windows', 0],
    ['availability', 'windows', 0, 'startTime'],
    ['availability', 'windows', 0, 'endTime'],
    ['partnerPreference'],
    ['partnerPreference', 'sectors'],
    ['partnerPreference', 'careerStages'],
    ['interests'],
    ['interests', 1],
    ['timeZone'],
    ['email'],
  ];

  it('never throws and never falls back to the unreadable-form message', () => {
    const base = validateApplicationForm(validForm());
    if (!base.ok) throw new Error('fixture should be valid');
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, replacement) => {
        const answers = structuredClone(base.value) as unknown as Record<string | number, unknown>;
        let node = answers;
        for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
        node[path[path.length - 1]!] = replacement;
        const result = validateApplicationAnswers(answers);
        if (!result.ok) expect(result.problems.map((problem) => problem.code)).not.toContain(UNREADABLE);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});
