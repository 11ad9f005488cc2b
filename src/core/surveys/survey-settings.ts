import { z } from 'zod';
import type { FieldProblem } from '../errors';
import { resolveDeadlineAt } from '../rounds/deadlines';
import { isLocalDate, isLocalTime, LocalDateSchema, LocalTimeSchema } from '../time/local-time';
import { type LocalizedText, SURVEY_KINDS, type SurveyKind } from './survey';
import { localizedText } from './survey-definition';

/**
 * A survey's settings as a program coordinator types them: its kind, its title (English, and
 * optionally Spanish and French) and three moments as dates and times in the program's zone:
 * when it is sent, when the one reminder goes, when it closes. Accepts the builder's form body as
 * it is (flat strings); the moments become UTC instants with the round's zone.
 */
export interface SurveySettings {
  kind: SurveyKind;
  title: LocalizedText;
  sendAt: Date;
  remindAt: Date;
  closesAt: Date;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const TitleSchema = localizedText(200, 'survey.titleMissing', 'survey.titleTooLong');

export const SurveySettingsFormSchema = z.object(
  {
    kind: z.enum(SURVEY_KINDS, { error: 'survey.kind' }),
    titleEn: z.string().optional(),
    titleEs: z.string().optional(),
    titleFr: z.string().optional(),
    sendOn: LocalDateSchema,
    sendTime: z.preprocess(blankToUndefined, LocalTimeSchema.default('09:00')),
    remindOn: LocalDateSchema,
    remindTime: z.preprocess(blankToUndefined, LocalTimeSchema.default('09:00')),
    closesOn: LocalDateSchema,
    closesTime: z.preprocess(blankToUndefined, LocalTimeSchema.default('23:59')),
  },
  { error: 'survey.formMissing' },
);

export type SurveySettingsResult =
  | { ok: true; value: SurveySettings }
  | { ok: false; problems: FieldProblem[] };

const problemsOf = (error: z.ZodError, prefix = ''): FieldProblem[] =>
  error.issues.map((issue) => ({
    field: prefix
      ? `${prefix}${String(issue.path[0] ?? 'en').replace(/^./, (c) => c.toUpperCase())}`
      : issue.path.map(String).join('.'),
    code: issue.message,
  }));

/** The settings from a form body, with the moments read in `programTimeZone`. */
export const parseSurveySettings = (input: unknown, programTimeZone: string): SurveySettingsResult => {
  const parsed = SurveySettingsFormSchema.safeParse(input);
  const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const title = TitleSchema.safeParse({ en: raw.titleEn ?? '', es: raw.titleEs, fr: raw.titleFr });
  if (!title.success) problems.push(...problemsOf(title.error, 'title'));
  if (!parsed.success || !title.success) return { ok: false, problems };
  const form = parsed.data;
  const at = (date: string, time: string) =>
    isLocalDate(date) && isLocalTime(time) ? resolveDeadlineAt(date, time, programTimeZone) : undefined;
  const sendAt = at(form.sendOn, form.sendTime);
  const remindAt = at(form.remindOn, form.remindTime);
  const closesAt = at(form.closesOn, form.closesTime);
  if (!sendAt || !remindAt || !closesAt)
    return { ok: false, problems: [{ field: 'sendOn', code: 'date.invalid' }] };
  if (remindAt.getTime() <= sendAt.getTime())
    problems.push({ field: 'remindOn', code: 'survey.reminderBeforeSend' });
  if (closesAt.getTime() <= remindAt.getTime())
    problems.push({ field: 'closesOn', code: 'survey.closesBeforeReminder' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { kind: form.kind, title: title.data, sendAt, remindAt, closesAt } };
};
