import type { SurveyDefinition } from './survey-definition';

/**
 * A survey: a questionnaire coordinators build for one round, sent to every active participant at
 * its moment, with one reminder, and answerable until it closes. Mid-round and end-of-round
 * surveys are compared with the surveys of the same kind in earlier rounds.
 */
export const SURVEY_KINDS = ['mid-round', 'end-of-round'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/**
 * `draft` while it is being built; `scheduled` once a program coordinator has said it is ready:
 * from then on it is sent at its moment and can no longer change (answers must all answer the
 * same questions). A scheduled survey nobody has been sent yet can go back to draft.
 */
export const SURVEY_STATUSES = ['draft', 'scheduled'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Languages a survey's texts may be translated into; English is always there and the fallback. */
export const SURVEY_TRANSLATIONS = ['es', 'fr'] as const;
export type SurveyTranslation = (typeof SURVEY_TRANSLATIONS)[number];
export const SURVEY_LOCALES = ['en', ...SURVEY_TRANSLATIONS] as const;
export type SurveyLocale = (typeof SURVEY_LOCALES)[number];

/** A text written by coordinators, in English and optionally in the translations. */
export interface LocalizedText {
  en: string;
  es?: string | undefined;
  fr?: string | undefined;
}

/** The text in `locale` when it has been translated, else the English. */
export const pickText = (text: LocalizedText, locale: string): string => {
  const language = locale.split('-')[0]?.toLowerCase();
  const translated = language === 'es' || language === 'fr' ? text[language] : undefined;
  return translated && translated.trim() !== '' ? translated : text.en;
};

export interface Survey {
  id: string;
  roundId: string;
  kind: SurveyKind;
  title: LocalizedText;
  definition: SurveyDefinition;
  status: SurveyStatus;
  /** When invitations go out. */
  sendAt: Date;
  /** When the one reminder goes to those who have not answered. */
  remindAt: Date;
  /** Answers are taken until this instant; links expire then. */
  closesAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Where a survey stands at `now`, for coordinators' pages. */
export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'closed';

export const surveyPhaseAt = (
  survey: Pick<Survey, 'status' | 'sendAt' | 'closesAt'>,
  now: Date,
): SurveyPhase => {
  if (survey.status === 'draft') return 'draft';
  if (now.getTime() >= survey.closesAt.getTime()) return 'closed';
  if (now.getTime() >= survey.sendAt.getTime()) return 'open';
  return 'scheduled';
};

/** Whether answers are taken at `now`. */
export const isSurveyOpen = (survey: Pick<Survey, 'status' | 'sendAt' | 'closesAt'>, now: Date): boolean =>
  surveyPhaseAt(survey, now) === 'open';
