import { describe, expect, test } from 'vitest';
import { checkSurveyAnswers } from './survey-answers';
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
      id: 'often',
      type: 'single',
      required: true,
      prompt: { en: 'How often?' },
      options: [
        { id: 'weekly', label: { en: 'Weekly' } },
        { id: 'monthly', label: { en: 'Monthly' } },
      ],
    },
    {
      id: 'how',
      type: 'multiple',
      required: false,
      prompt: { en: 'How?' },
      options: [
        { id: 'email', label: { en: 'Email' } },
        { id: 'video', label: { en: 'Video' } },
        { id: 'chat', label: { en: 'Chat' } },
      ],
    },
    { id: 'else', type: 'text', required: false, prompt: { en: 'Else?' }, maxLength: 10 },
  ],
};

describe('checking answers', () => {
  test('a complete form gives typed answers; blank optional answers are left out', () => {
    expect(
      checkSurveyAnswers(definition, {
        q_useful: '4',
        q_nps: '',
        q_often: 'weekly',
        q_how: ['video', 'email', 'video'],
        q_else: '  Thanks \r\n ',
        _csrf: 'x',
        q_unknown: 'ignored',
      }),
    ).toEqual({ ok: true, answers: { useful: 4, often: 'weekly', how: ['email', 'video'], else: 'Thanks' } });
    expect(checkSurveyAnswers(definition, { q_useful: '1', q_often: 'monthly', q_how: 'chat' })).toEqual({
      ok: true,
      answers: { useful: 1, often: 'monthly', how: ['chat'] },
    });
  });

  test('missing required answers and a long text are problems a person can fix', () => {
    expect(checkSurveyAnswers(definition, { q_else: 'far too long a text' })).toEqual({
      ok: false,
      malformed: false,
      problems: [
        { field: 'q_useful', code: 'survey.answerRequired' },
        { field: 'q_often', code: 'survey.answerRequired' },
        { field: 'q_else', code: 'survey.answerTooLong', params: { max: 10 } },
      ],
    });
  });

  test.each([
    ['a scale value out of range', { q_useful: '6' }],
    ['a scale value that is not a number', { q_useful: 'five' }],
    ['a net promoter value of 11', { q_nps: '11' }],
    ['an option the question does not have', { q_often: 'daily' }],
    ['two answers to a single-choice question', { q_often: ['weekly', 'monthly'] }],
    ['an unknown option among several', { q_how: ['email', 'pigeon'] }],
    ['a file', { q_else: new Blob(['x']) }],
  ])('%s is malformed', (_name, body) => {
    const result = checkSurveyAnswers(definition, { q_useful: '3', q_often: 'weekly', ...body });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.malformed).toBe(true);
  });
});
