import { z } from 'zod';
import type { FieldProblem } from '../errors';
import type { Question, SurveyDefinition } from './survey-definition';

/**
 * A participant's answers to one survey, by question id: a whole number for scale and net
 * promoter questions, an option id for single choice, option ids for multiple choice, the text for
 * free text. Optional questions left blank are absent.
 */
export type AnswerValue = number | string | string[];
export type AnswerSet = Record<string, AnswerValue>;

/** How answers are stored (JSON) and read back. */
export const AnswerSetSchema = z.record(
  z.string(),
  z.union([z.number().int(), z.string(), z.array(z.string())]),
);

/** The form field of a question on the answer form. */
export const answerFieldOf = (questionId: string): string => `q_${questionId}`;

/**
 * The outcome of checking what a form sent. `malformed` is set when a value could not have come
 * from the form as served (a number out of range, an option the question does not have, a file):
 * the web edge answers 400 for those, and shows the form again for problems a person can fix
 * (a required answer missing, a text too long).
 */
export type AnswerCheck =
  | { ok: true; answers: AnswerSet }
  | { ok: false; problems: FieldProblem[]; malformed: boolean };

type RawValue = unknown;

const asList = (value: RawValue): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isBlank = (value: RawValue) =>
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const checkOne = (
  question: Question,
  raw: RawValue,
): { value?: AnswerValue; problem?: string; malformed?: boolean } => {
  if (isBlank(raw)) return question.required ? { problem: 'survey.answerRequired' } : {};
  switch (question.type) {
    case 'scale':
    case 'nps': {
      if (typeof raw !== 'string' || !/^\s*\d{1,2}\s*$/.test(raw)) {
        return { problem: 'survey.answerMalformed', malformed: true };
      }
      const value = Number(raw);
      const [min, max] = question.type === 'nps' ? [0, 10] : [question.min, question.max];
      if (value < min || value > max) return { problem: 'survey.answerMalformed', malformed: true };
      return { value };
    }
    case 'single': {
      if (typeof raw !== 'string' || !question.options.some((option) => option.id === raw)) {
        return { problem: 'survey.answerMalformed', malformed: true };
      }
      return { value: raw };
    }
    case 'multiple': {
      const chosen = asList(raw);
      if (
        chosen.some((id) => typeof id !== 'string' || !question.options.some((option) => option.id === id))
      ) {
        return { problem: 'survey.answerMalformed', malformed: true };
      }
      // In the question's order, each once, whatever the form sent.
      const set = new Set(chosen as string[]);
      return { value: question.options.filter((option) => set.has(option.id)).map((option) => option.id) };
    }
    case 'text': {
      if (typeof raw !== 'string') return { problem: 'survey.answerMalformed', malformed: true };
      const value = raw.replace(/\r\n/g, '\n').trim();
      if (value.length > question.maxLength) return { problem: 'survey.answerTooLong' };
      return { value };
    }
  }
};

/**
 * Checks a form body (`q_<id>` fields; other fields are ignored) against a definition. Every
 * question is checked, so all problems are reported at once.
 */
export const checkSurveyAnswers = (
  definition: SurveyDefinition,
  body: Record<string, unknown>,
): AnswerCheck => {
  const answers: AnswerSet = {};
  const problems: FieldProblem[] = [];
  let malformed = false;
  for (const question of definition.questions) {
    const field = answerFieldOf(question.id);
    const outcome = checkOne(question, body[field]);
    if (outcome.problem) {
      const params =
        outcome.problem === 'survey.answerTooLong' && question.type === 'text'
          ? { max: question.maxLength }
          : undefined;
      problems.push({ field, code: outcome.problem, ...(params ? { params } : {}) });
      malformed ||= outcome.malformed === true;
    } else if (outcome.value !== undefined) {
      answers[question.id] = outcome.value;
    }
  }
  return problems.length > 0 ? { ok: false, problems, malformed } : { ok: true, answers };
};
