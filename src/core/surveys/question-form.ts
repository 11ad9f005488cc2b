import type { FieldProblem } from '../errors';
import { type LocalizedText, SURVEY_TRANSLATIONS } from './survey';
import {
  DEFAULT_TEXT_ANSWER_LENGTH,
  QUESTION_TYPES,
  type Question,
  QuestionSchema,
  type QuestionType,
} from './survey-definition';

/**
 * One question as the builder's plain HTML form sends it: flat text fields, options one per line
 * (a line of each translation per English line), a ticked checkbox present and an unticked one
 * absent. `parseQuestionForm` turns it into a Question checked by the definition's schema, with
 * problems named after the form's fields so the form can show each beside its control.
 */
export type QuestionFormValues = Record<string, string | undefined>;

const SUFFIX = { en: 'En', es: 'Es', fr: 'Fr' } as const;

const text = (values: QuestionFormValues, name: string): string => values[name]?.trim() ?? '';

const localized = (values: QuestionFormValues, prefix: string): LocalizedText => ({
  en: text(values, `${prefix}En`),
  es: text(values, `${prefix}Es`) || undefined,
  fr: text(values, `${prefix}Fr`) || undefined,
});

const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const isChecked = (value: string | undefined) =>
  value !== undefined && ['on', 'true', 'yes', '1'].includes(value.trim().toLowerCase());

/** The form field a problem at a schema path belongs to. */
const fieldOf = (path: readonly PropertyKey[]): string => {
  const [head, second, , fourth] = path.map(String);
  if (head === 'prompt' || head === 'minLabel' || head === 'maxLabel') {
    return `${head}${SUFFIX[(second as keyof typeof SUFFIX) ?? 'en'] ?? 'En'}`;
  }
  if (head === 'options') return `options${SUFFIX[(fourth as keyof typeof SUFFIX) ?? 'en'] ?? 'En'}`;
  if (head === 'min') return 'scaleMin';
  if (head === 'max') return 'scaleMax';
  return head ?? 'type';
};

const wholeNumber = (value: string): number | string => (/^\d{1,5}$/.test(value) ? Number(value) : value);

export type QuestionFormResult = { ok: true; question: Question } | { ok: false; problems: FieldProblem[] };

/**
 * A question from the builder's form. `id` is the question's id; `optionIds` are the ids of the
 * options being edited, kept by position so that an edit does not break comparisons.
 */
export const parseQuestionForm = (
  values: QuestionFormValues,
  id: string,
  optionIds: readonly string[] = [],
): QuestionFormResult => {
  const type = text(values, 'type') as QuestionType;
  if (!QUESTION_TYPES.includes(type)) {
    return { ok: false, problems: [{ field: 'type', code: 'survey.questionType' }] };
  }
  const problems: FieldProblem[] = [];
  const base = { id, type, prompt: localized(values, 'prompt'), required: isChecked(values.required) };
  let candidate: Record<string, unknown> = base;
  if (type === 'scale') {
    candidate = {
      ...base,
      min: wholeNumber(text(values, 'scaleMin') || '1'),
      max: wholeNumber(text(values, 'scaleMax') || '5'),
      minLabel: localized(values, 'minLabel'),
      maxLabel: localized(values, 'maxLabel'),
    };
  } else if (type === 'single' || type === 'multiple') {
    const english = lines(text(values, 'optionsEn'));
    const translations = Object.fromEntries(
      SURVEY_TRANSLATIONS.map((language) => {
        const given = lines(text(values, `options${SUFFIX[language]}`));
        if (given.length > 0 && given.length !== english.length) {
          problems.push({
            field: `options${SUFFIX[language]}`,
            code: 'survey.optionTranslationsCount',
            params: { count: english.length },
          });
        }
        return [language, given];
      }),
    ) as Record<(typeof SURVEY_TRANSLATIONS)[number], string[]>;
    const used = new Set<string>();
    const options = english.map((label, index) => {
      let optionId = optionIds[index];
      if (!optionId || used.has(optionId)) {
        let n = index + 1;
        while (used.has(`o${n}`) || optionIds.slice(index + 1).includes(`o${n}`)) n++;
        optionId = `o${n}`;
      }
      used.add(optionId);
      return { id: optionId, label: { en: label, es: translations.es[index], fr: translations.fr[index] } };
    });
    candidate = { ...base, options };
  } else if (type === 'text') {
    candidate = {
      ...base,
      maxLength: wholeNumber(text(values, 'maxLength') || String(DEFAULT_TEXT_ANSWER_LENGTH)),
    };
  }
  const result = QuestionSchema.safeParse(candidate);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      if (seen.has(`${field}|${issue.message}`)) continue;
      seen.add(`${field}|${issue.message}`);
      problems.push({ field, code: issue.message });
    }
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, question: result.data };
};

/** A stored question as the builder's form shows it for editing. */
export const questionToFormValues = (question: Question): QuestionFormValues => {
  const values: QuestionFormValues = {
    type: question.type,
    required: question.required ? 'on' : undefined,
  };
  const put = (prefix: string, localizedText: LocalizedText) => {
    values[`${prefix}En`] = localizedText.en;
    values[`${prefix}Es`] = localizedText.es ?? '';
    values[`${prefix}Fr`] = localizedText.fr ?? '';
  };
  put('prompt', question.prompt);
  if (question.type === 'scale') {
    values.scaleMin = String(question.min);
    values.scaleMax = String(question.max);
    put('minLabel', question.minLabel);
    put('maxLabel', question.maxLabel);
  }
  if (question.type === 'single' || question.type === 'multiple') {
    values.optionsEn = question.options.map((option) => option.label.en).join('\n');
    for (const language of SURVEY_TRANSLATIONS) {
      const translated = question.options.map((option) => option.label[language] ?? '');
      values[`options${SUFFIX[language]}`] = translated.some((label) => label !== '')
        ? translated.join('\n')
        : '';
    }
  }
  if (question.type === 'text') values.maxLength = String(question.maxLength);
  return values;
};
