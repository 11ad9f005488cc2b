import { z } from 'zod';
import { validateWith } from '../applications/field-problems';

/**
 * What a survey asks: an ordered list of questions of five types. The definition is stored as
 * JSON and validated by this schema whenever it is written or read, so the builder, the answer
 * form and the aggregation all rely on the same rules.
 *
 * - scale: a whole number from `min` (0 or 1) to `max` (2–10), with labelled ends;
 * - nps: net promoter, 0–10 ("how likely are you to recommend…"), scored by nps.ts;
 * - single / multiple: one, or any number, of 2–20 options;
 * - text: free text up to `maxLength` characters (never broken down, never published).
 *
 * Question and option ids are short slugs that stay the same when a survey is copied into a later
 * round, which is how results are compared across rounds.
 */
export const QUESTION_TYPES = ['scale', 'nps', 'single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const MAX_QUESTIONS = 40;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const MAX_PROMPT_LENGTH = 500;
export const MAX_LABEL_LENGTH = 120;
export const MAX_TEXT_ANSWER_LENGTH = 5000;
export const DEFAULT_TEXT_ANSWER_LENGTH = 2000;

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const isQuestionId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value);

const optionalTranslation = (max: number, tooLong: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string({ error: tooLong }).trim().max(max, { error: tooLong }).optional(),
  );

/** English required, Spanish and French optional (blank means "not translated"). */
export const localizedText = (max: number, missing: string, tooLong: string) =>
  z.object(
    {
      en: z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong }),
      es: optionalTranslation(max, tooLong),
      fr: optionalTranslation(max, tooLong),
    },
    { error: missing },
  );

const PromptSchema = localizedText(MAX_PROMPT_LENGTH, 'survey.promptMissing', 'survey.promptTooLong');
const LabelSchema = localizedText(MAX_LABEL_LENGTH, 'survey.labelMissing', 'survey.labelTooLong');

const questionBase = {
  id: z.string({ error: 'survey.questionId' }).refine(isQuestionId, { error: 'survey.questionId' }),
  prompt: PromptSchema,
  required: z.boolean({ error: 'survey.requiredFlag' }),
};

export const OptionSchema = z.object({
  id: z.string({ error: 'survey.optionId' }).refine(isQuestionId, { error: 'survey.optionId' }),
  label: LabelSchema,
});
export type SurveyOption = z.infer<typeof OptionSchema>;

const OptionsSchema = z
  .array(OptionSchema, { error: 'survey.optionsTooFew' })
  .min(MIN_OPTIONS, { error: 'survey.optionsTooFew' })
  .max(MAX_OPTIONS, { error: 'survey.optionsTooMany' });

export const ScaleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('scale'),
  min: z.union([z.literal(0), z.literal(1)], { error: 'survey.scaleMin' }),
  max: z
    .number({ error: 'survey.scaleMax' })
    .int({ error: 'survey.scaleMax' })
    .min(2, { error: 'survey.scaleMax' })
    .max(10, { error: 'survey.scaleMax' }),
  minLabel: LabelSchema,
  maxLabel: LabelSchema,
});

export const NpsQuestionSchema = z.object({ ...questionBase, type: z.literal('nps') });
export const SingleChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('single'),
  options: OptionsSchema,
});
export const MultipleChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('multiple'),
  options: OptionsSchema,
});
export const TextQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('text'),
  maxLength: z
    .number({ error: 'survey.textLength' })
    .int({ error: 'survey.textLength' })
    .min(1, { error: 'survey.textLength' })
    .max(MAX_TEXT_ANSWER_LENGTH, { error: 'survey.textLength' }),
});

export const QuestionSchema = z.discriminatedUnion(
  'type',
  [
    ScaleQuestionSchema,
    NpsQuestionSchema,
    SingleChoiceQuestionSchema,
    MultipleChoiceQuestionSchema,
    TextQuestionSchema,
  ],
  { error: 'survey.questionType' },
);
export type Question = z.infer<typeof QuestionSchema>;
export type ScaleQuestion = z.infer<typeof ScaleQuestionSchema>;
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

export const SurveyDefinitionSchema = z
  .object(
    {
      questions: z
        .array(QuestionSchema, { error: 'survey.questionsMissing' })
        .max(MAX_QUESTIONS, { error: 'survey.questionsTooMany' }),
    },
    { error: 'survey.definitionMissing' },
  )
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: 'survey.duplicateId' });
      }
      seen.add(question.id);
      if (question.type === 'single' || question.type === 'multiple') {
        const options = new Set<string>();
        question.options.forEach((option, optionIndex) => {
          if (options.has(option.id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['questions', index, 'options', optionIndex, 'id'],
              message: 'survey.duplicateId',
            });
          }
          options.add(option.id);
        });
      }
    });
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/** Checks a whole definition (as stored, or as built): the value, or field problems. */
export const validateSurveyDefinition = (input: unknown) => validateWith(SurveyDefinitionSchema, input);

/** Reads a stored definition; a row that no longer satisfies the schema is a programming error. */
export const parseStoredDefinition = (json: string): SurveyDefinition =>
  SurveyDefinitionSchema.parse(JSON.parse(json));

/** The values a scale or net-promoter question offers, lowest first. */
export const scaleValuesOf = (question: Extract<Question, { type: 'scale' | 'nps' }>): number[] => {
  const [min, max] = question.type === 'nps' ? [0, 10] : [question.min, question.max];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
};

/** A new question id not used in `definition` (`q1`, `q2`, …). */
export const nextQuestionId = (definition: SurveyDefinition): string => {
  const used = new Set(definition.questions.map((question) => question.id));
  let n = definition.questions.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
};
