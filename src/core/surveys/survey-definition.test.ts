import { describe, expect, test } from 'vitest';
import { parseQuestionForm, questionToFormValues } from './question-form';
import { nextQuestionId, scaleValuesOf, validateSurveyDefinition } from './survey-definition';
import { parseSurveySettings } from './survey-settings';

const scale = {
  id: 'q1',
  type: 'scale',
  required: true,
  prompt: { en: 'How useful was your partnership?', fr: 'Votre partenariat vous a-t-il été utile ?' },
  min: 1,
  max: 5,
  minLabel: { en: 'Not useful' },
  maxLabel: { en: 'Very useful' },
};

describe('survey definitions', () => {
  test('a definition with each question type is valid', () => {
    const result = validateSurveyDefinition({
      questions: [
        scale,
        { id: 'q2', type: 'nps', required: true, prompt: { en: 'Recommend us?' } },
        {
          id: 'q3',
          type: 'single',
          required: false,
          prompt: { en: 'How often were you in touch?' },
          options: [
            { id: 'weekly', label: { en: 'Every week' } },
            { id: 'monthly', label: { en: 'Every month' } },
          ],
        },
        {
          id: 'q4',
          type: 'multiple',
          required: false,
          prompt: { en: 'How did you meet?' },
          options: [
            { id: 'email', label: { en: 'Email' } },
            { id: 'video', label: { en: 'Video call', es: 'Videollamada' } },
          ],
        },
        { id: 'q5', type: 'text', required: false, prompt: { en: 'Anything else?' }, maxLength: 2000 },
      ],
    });
    expect(result.ok).toBe(true);
  });

  test.each([
    ['an unknown type', { ...scale, type: 'ranking' }, 'questions.0.type', 'survey.questionType'],
    [
      'a missing English prompt',
      { ...scale, prompt: { en: '  ', fr: 'Bonjour' } },
      'questions.0.prompt.en',
      'survey.promptMissing',
    ],
    ['a scale from 2', { ...scale, min: 2 }, 'questions.0.min', 'survey.scaleMin'],
    ['a scale to 11', { ...scale, max: 11 }, 'questions.0.max', 'survey.scaleMax'],
    ['a bad id', { ...scale, id: 'Q 1' }, 'questions.0.id', 'survey.questionId'],
    [
      'one option',
      {
        id: 'q1',
        type: 'single',
        required: true,
        prompt: { en: 'P' },
        options: [{ id: 'a', label: { en: 'A' } }],
      },
      'questions.0.options',
      'survey.optionsTooFew',
    ],
  ])('%s is refused with a field problem', (_name, question, field, code) => {
    const result = validateSurveyDefinition({ questions: [question] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field, code });
  });

  test('duplicate question and option ids are refused', () => {
    const result = validateSurveyDefinition({
      questions: [
        scale,
        {
          id: 'q1',
          type: 'single',
          required: true,
          prompt: { en: 'P' },
          options: [
            { id: 'a', label: { en: 'A' } },
            { id: 'a', label: { en: 'B' } },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { field: 'questions.1.id', code: 'survey.duplicateId' },
          { field: 'questions.1.options.1.id', code: 'survey.duplicateId' },
        ]),
      );
    }
  });

  test('too many questions are refused', () => {
    const questions = Array.from({ length: 41 }, (_, i) => ({ ...scale, id: `q${i + 1}` }));
    const result = validateSurveyDefinition({ questions });
    expect(result.ok).toBe(false);
  });

  test('scale values and new ids', () => {
    expect(scaleValuesOf({ ...scale, type: 'scale', min: 0, max: 3 } as never)).toEqual([0, 1, 2, 3]);
    expect(scaleValuesOf({ id: 'n', type: 'nps', required: true, prompt: { en: 'x' } })).toHaveLength(11);
    expect(nextQuestionId({ questions: [{ ...scale, id: 'q2' } as never] })).toBe('q3');
    expect(nextQuestionId({ questions: [] })).toBe('q1');
  });
});

describe('the builder form', () => {
  test('a choice question with translated options, read and written back', () => {
    const values = {
      type: 'single',
      promptEn: 'How often were you in touch?',
      promptFr: 'À quelle fréquence ?',
      required: 'on',
      optionsEn: 'Every week\n\nEvery month\n',
      optionsFr: 'Chaque semaine\nChaque mois',
    };
    const result = parseQuestionForm(values, 'q7');
    expect(result).toEqual({
      ok: true,
      question: {
        id: 'q7',
        type: 'single',
        required: true,
        prompt: { en: 'How often were you in touch?', fr: 'À quelle fréquence ?' },
        options: [
          { id: 'o1', label: { en: 'Every week', fr: 'Chaque semaine' } },
          { id: 'o2', label: { en: 'Every month', fr: 'Chaque mois' } },
        ],
      },
    });
    if (!result.ok) return;
    const back = questionToFormValues(result.question);
    expect(back.optionsEn).toBe('Every week\nEvery month');
    expect(back.optionsEs).toBe('');
    expect(parseQuestionForm(back, 'q7', ['o1', 'o2'])).toEqual(result);
  });

  test('editing keeps option ids by position', () => {
    const result = parseQuestionForm({ type: 'multiple', promptEn: 'P', optionsEn: 'A\nB\nC' }, 'q1', [
      'email',
      'video',
    ]);
    expect(
      result.ok && result.question.type === 'multiple' && result.question.options.map((o) => o.id),
    ).toEqual(['email', 'video', 'o3']);
  });

  test('translations with the wrong number of lines, and a scale with a bad end, are refused beside their fields', () => {
    const choice = parseQuestionForm(
      { type: 'single', promptEn: 'P', optionsEn: 'A\nB', optionsEs: 'Uno' },
      'q1',
    );
    expect(choice).toEqual({
      ok: false,
      problems: [{ field: 'optionsEs', code: 'survey.optionTranslationsCount', params: { count: 2 } }],
    });
    const badScale = parseQuestionForm(
      { type: 'scale', promptEn: 'P', scaleMax: '12', minLabelEn: 'low' },
      'q1',
    );
    expect(badScale.ok).toBe(false);
    if (!badScale.ok) {
      expect(badScale.problems).toEqual(
        expect.arrayContaining([
          { field: 'scaleMax', code: 'survey.scaleMax' },
          { field: 'maxLabelEn', code: 'survey.labelMissing' },
        ]),
      );
    }
    expect(parseQuestionForm({ type: 'matrix' }, 'q1')).toEqual({
      ok: false,
      problems: [{ field: 'type', code: 'survey.questionType' }],
    });
  });
});

describe('survey settings', () => {
  const form = {
    kind: 'mid-round',
    titleEn: 'Mid-round survey',
    titleEs: '',
    sendOn: '2027-04-15',
    sendTime: '09:00',
    remindOn: '2027-04-22',
    remindTime: '',
    closesOn: '2027-05-06',
    closesTime: '',
  };

  test('moments are read in the program time zone', () => {
    const result = parseSurveySettings(form, 'Australia/Sydney');
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'mid-round',
        title: { en: 'Mid-round survey' },
        sendAt: new Date('2027-04-14T23:00:00.000Z'),
        remindAt: new Date('2027-04-21T23:00:00.000Z'),
        closesAt: new Date('2027-05-06T13:59:00.000Z'),
      },
    });
  });

  test('a reminder before the send moment, a close before the reminder, and a missing title are refused', () => {
    const result = parseSurveySettings(
      { ...form, titleEn: '', remindOn: '2027-04-10', closesOn: '2027-04-01' },
      'Australia/Sydney',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([{ field: 'titleEn', code: 'survey.titleMissing' }]);
    }
    const order = parseSurveySettings({ ...form, remindOn: '2027-04-10', closesOn: '2027-04-01' }, 'UTC');
    expect(order).toEqual({
      ok: false,
      problems: [
        { field: 'remindOn', code: 'survey.reminderBeforeSend' },
        { field: 'closesOn', code: 'survey.closesBeforeReminder' },
      ],
    });
    const kind = parseSurveySettings({ ...form, kind: 'weekly', sendOn: '2027-02-30' }, 'UTC');
    expect(kind.ok === false && kind.problems.map((p) => p.field)).toEqual(['kind', 'sendOn']);
  });
});
