import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  aggregateSurvey,
  BREAKDOWNS,
  MIN_GROUP_SIZE,
  type SurveyResponse,
  suppressSmallGroups,
} from './aggregate';
import type { SurveyDefinition } from './survey-definition';

const definition: SurveyDefinition = {
  questions: [
    {
      id: 'useful',
      type: 'scale',
      required: true,
      prompt: { en: 'Useful?' },
      min: 1,
      max: 5,
      minLabel: { en: 'No' },
      maxLabel: { en: 'Yes' },
    },
    { id: 'nps', type: 'nps', required: false, prompt: { en: 'Recommend?' } },
    {
      id: 'how',
      type: 'multiple',
      required: false,
      prompt: { en: 'How?' },
      options: [
        { id: 'email', label: { en: 'Email' } },
        { id: 'video', label: { en: 'Video' } },
      ],
    },
    { id: 'else', type: 'text', required: false, prompt: { en: 'Else?' }, maxLength: 100 },
  ],
};

const response = (
  country: string,
  useful: number,
  extra: Partial<SurveyResponse['answers']> = {},
): SurveyResponse => ({
  answers: { useful, ...extra },
  attributes: { country, sector: 'academic', careerStage: country === 'GB' ? 'late' : 'early' },
});

describe('the small-group rule', () => {
  test.each([
    [
      'every group large enough',
      [
        ['a', 8],
        ['b', 5],
      ],
      ['a', 'b'],
      0,
    ],
    [
      'small groups together make five',
      [
        ['a', 10],
        ['b', 2],
        ['c', 2],
        ['d', 2],
      ],
      ['a'],
      6,
    ],
    [
      'small groups under five take the smallest shown group with them',
      [
        ['a', 10],
        ['b', 6],
        ['c', 3],
        ['d', 1],
      ],
      ['a'],
      10,
    ],
    [
      'one small group beside one large',
      [
        ['a', 7],
        ['b', 3],
      ],
      [],
      10,
    ],
    [
      'fewer than five in all',
      [
        ['a', 3],
        ['b', 1],
      ],
      [],
      4,
    ],
    [
      'empty groups are ignored',
      [
        ['a', 5],
        ['b', 0],
      ],
      ['a'],
      0,
    ],
  ] as [string, [string, number][], string[], number][])('%s', (_name, sizes, shownKeys, hiddenCount) => {
    const groups = sizes.map(([key, n]) => ({ key, n }));
    const copy = structuredClone(groups);
    const result = suppressSmallGroups(groups);
    expect(result.shown.map((group) => group.key)).toEqual(shownKeys);
    expect(result.hiddenCount).toBe(hiddenCount);
    expect(groups).toEqual(copy);
  });

  test('whatever the groups, nothing shown or hidden-as-one describes fewer than five people', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 15 }), (sizes) => {
        const groups = sizes.map((n, i) => ({ key: `g${i}`, n }));
        const { shown, hidden, hiddenCount } = suppressSmallGroups(groups);
        const total = sizes.reduce((a, b) => a + b, 0);
        expect(shown.every((group) => group.n >= MIN_GROUP_SIZE)).toBe(true);
        expect(hiddenCount === 0 || hiddenCount >= MIN_GROUP_SIZE || shown.length === 0).toBe(true);
        expect(shown.reduce((sum, group) => sum + group.n, 0) + hiddenCount).toBe(total);
        expect(shown.length + hidden.length).toBe(sizes.filter((n) => n > 0).length);
      }),
    );
  });
});

describe('aggregating a survey', () => {
  const responses = [
    ...[5, 4, 4, 3, 5, 4].map((useful, i) => response('KE', useful, { nps: 10 - i, how: ['email'] })),
    ...[2, 3, 3, 4, 5].map((useful) =>
      response('NG', useful, { how: ['email', 'video'], else: `note ${useful}` }),
    ),
    response('GB', 1, { nps: 0, how: ['video'], else: 'a lonely answer' }),
  ];

  test('overall figures count everyone; breakdowns hide the lone British answer and the group that would reveal it', () => {
    const results = aggregateSurvey(definition, responses);
    expect(results.responses).toBe(12);
    const useful = results.questions[0]!;
    expect(useful.answered).toBe(12);
    expect(useful.overall).toMatchObject({ n: 12, counts: { '1': 1, '2': 1, '3': 3, '4': 4, '5': 3 } });
    expect(useful.overall!.mean).toBeCloseTo(43 / 12);
    const byCountry = useful.breakdowns!.country;
    expect(byCountry.groups.map((group) => [group.key, group.tally.n])).toEqual([['KE', 6]]);
    expect(byCountry.other).toMatchObject({ groupCount: 2, tally: { n: 6 } });
    // Career stage: 11 early, 1 late; the late one joins nothing large enough, so early is hidden too.
    expect(useful.breakdowns!.careerStage.groups).toEqual([]);
    expect(useful.breakdowns!.careerStage.other?.tally.n).toBe(12);
    expect(useful.breakdowns!.sector.groups.map((group) => group.tally.n)).toEqual([12]);
  });

  test('no figure in any breakdown describes fewer than five people', () => {
    const results = aggregateSurvey(definition, responses);
    for (const question of results.questions) {
      for (const breakdown of BREAKDOWNS) {
        const result = question.breakdowns?.[breakdown];
        if (!result) continue;
        for (const group of result.groups) expect(group.tally.n).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
        if (result.other) expect(result.other.tally.n).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
      }
    }
  });

  test('net promoter and multiple choice', () => {
    const results = aggregateSurvey(definition, responses);
    const nps = results.questions[1]!;
    // 10, 9 promoters; 8, 7 passives; 6, 5, 0 detractors.
    expect(nps.overall!.nps).toMatchObject({ count: 7, promoters: 2, passives: 2, detractors: 3 });
    expect(nps.overall!.nps!.score).toBeCloseTo((-1 / 7) * 100);
    const how = results.questions[2]!;
    expect(how.overall).toMatchObject({ n: 12, counts: { email: 11, video: 6 }, mean: null });
  });

  test('free text is shown only from five writers, sorted, and never broken down', () => {
    const results = aggregateSurvey(definition, responses);
    const text = results.questions[3]!;
    expect(text.texts).toEqual(['a lonely answer', 'note 2', 'note 3', 'note 3', 'note 4', 'note 5']);
    expect(text.breakdowns).toBeNull();
    expect(aggregateSurvey(definition, responses, { includeTexts: false }).questions[3]!.texts).toBeNull();
    const few = aggregateSurvey(definition, responses.slice(0, 10));
    expect(few.questions[3]).toMatchObject({ answered: 4, overall: null, texts: null });
  });

  test('fewer than five answers: only the count is given', () => {
    const results = aggregateSurvey(definition, responses.slice(0, 4));
    expect(results.questions[0]).toEqual({
      questionId: 'useful',
      type: 'scale',
      answered: 4,
      overall: null,
      breakdowns: null,
      texts: null,
    });
  });

  test('a group size below five cannot be asked for', () => {
    const results = aggregateSurvey(definition, responses.slice(0, 4), { minGroupSize: 1 });
    expect(results.minGroupSize).toBe(MIN_GROUP_SIZE);
    expect(results.questions[0]!.overall).toBeNull();
  });

  test('answers the definition does not offer are not counted, and the input is not changed', () => {
    const odd = [...responses, response('KE', 9)];
    const copy = structuredClone(odd);
    const results = aggregateSurvey(definition, odd);
    expect(results.questions[0]!.answered).toBe(12);
    expect(odd).toEqual(copy);
  });
});
