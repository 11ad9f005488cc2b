import { z } from 'zod';
import { toFieldProblems } from '../../core/applications';
import { type FieldProblem, invalidInput } from '../../core/errors';
import type { Round } from '../../core/rounds';
import { isLocalDate, LocalDateSchema, LocalTimeSchema } from '../../core/time';
import {
  DEFAULT_TOPIC_TIME,
  TOPIC_TRANSLATION_LOCALES,
  type Topic,
  type TopicStatus,
  type TopicTranslationLocale,
} from '../../core/topics';

export const MAX_TOPIC_TITLE = 200;
export const MAX_TOPIC_BODY = 20_000;

const optionalText = z.string().optional().default('');

/**
 * The topic form as submitted: the English title and body (Markdown), the day and time it goes out
 * (in the round's zone), whether it is a draft, and per translation language `title_<lang>` and
 * `body_<lang>` (both or neither).
 */
const TopicFormSchema = z.object({
  title: z
    .string({ error: 'topic.titleMissing' })
    .trim()
    .min(1, { error: 'topic.titleMissing' })
    .max(MAX_TOPIC_TITLE, { error: 'topic.titleTooLong' })
    .refine((value) => !/[\r\n]/.test(value), { error: 'topic.titleLines' }),
  body: z
    .string({ error: 'topic.bodyMissing' })
    .trim()
    .min(1, { error: 'topic.bodyMissing' })
    .max(MAX_TOPIC_BODY, { error: 'topic.bodyTooLong' }),
  publishOn: LocalDateSchema,
  publishTime: z.preprocess(
    (value) => (value === undefined || value === '' ? DEFAULT_TOPIC_TIME : value),
    LocalTimeSchema,
  ),
  status: z.enum(['draft', 'scheduled'], { error: 'topic.status' }),
  ...Object.fromEntries(
    TOPIC_TRANSLATION_LOCALES.flatMap((locale) => [
      [`title_${locale}`, optionalText],
      [`body_${locale}`, optionalText],
    ]),
  ),
});

export interface TopicFields {
  title: string;
  body: string;
  publishOn: string;
  publishTime: string;
  status: TopicStatus;
  translations: Topic['translations'];
}

/**
 * The form checked against the round: every problem at once, each named by its form field. A
 * topic goes out within its round's dates.
 */
export function parseTopicForm(form: unknown, round: Pick<Round, 'startsOn' | 'endsOn'>): TopicFields {
  const result = TopicFormSchema.safeParse(form ?? {});
  const problems: FieldProblem[] = result.success ? [] : toFieldProblems(result.error);
  const raw = (result.success ? result.data : {}) as Record<string, string>;
  const translations: Topic['translations'] = {};
  const source = (typeof form === 'object' && form !== null ? form : {}) as Record<string, unknown>;
  for (const locale of TOPIC_TRANSLATION_LOCALES) {
    const title = String(source[`title_${locale}`] ?? '').trim();
    const body = String(source[`body_${locale}`] ?? '').trim();
    if (title === '' && body === '') continue;
    const before = problems.length;
    if (title === '') problems.push({ field: `title_${locale}`, code: 'topic.translationTitleMissing' });
    if (title.length > MAX_TOPIC_TITLE)
      problems.push({ field: `title_${locale}`, code: 'topic.titleTooLong' });
    if (/[\r\n]/.test(title)) problems.push({ field: `title_${locale}`, code: 'topic.titleLines' });
    if (body === '') problems.push({ field: `body_${locale}`, code: 'topic.translationBodyMissing' });
    if (body.length > MAX_TOPIC_BODY) problems.push({ field: `body_${locale}`, code: 'topic.bodyTooLong' });
    if (problems.length === before) translations[locale as TopicTranslationLocale] = { title, body };
  }
  const publishOn = raw.publishOn ?? (isLocalDate(source.publishOn) ? source.publishOn : undefined);
  if (publishOn && (publishOn < round.startsOn || publishOn > round.endsOn)) {
    problems.push({
      field: 'publishOn',
      code: 'topic.outsideRound',
      params: { startsOn: round.startsOn, endsOn: round.endsOn },
    });
  }
  if (problems.length > 0) throw invalidInput(problems);
  return {
    title: raw.title!,
    body: raw.body!,
    publishOn: raw.publishOn!,
    publishTime: raw.publishTime!,
    status: raw.status as TopicStatus,
    translations,
  };
}
