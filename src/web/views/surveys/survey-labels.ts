import type { TFunction } from 'i18next';
import { getCountryName } from '../../../core/countries';
import type { Breakdown } from '../../../core/surveys/aggregate';
import { pickText, type SurveyKind, type SurveyPhase } from '../../../core/surveys/survey';
import type { Question, QuestionType } from '../../../core/surveys/survey-definition';
import { labelFor } from '../../../i18n/labels';

/** How survey ids read in the interface: kinds, phases, question types, groups, answers, numbers. */
const KIND_KEYS: Record<SurveyKind, string> = {
  'mid-round': 'surveys:kind.mid-round',
  'end-of-round': 'surveys:kind.end-of-round',
};
const PHASE_KEYS: Record<SurveyPhase, string> = {
  draft: 'surveys:phase.draft',
  scheduled: 'surveys:phase.scheduled',
  open: 'surveys:phase.open',
  closed: 'surveys:phase.closed',
};
const TYPE_KEYS: Record<QuestionType, string> = {
  scale: 'surveys:type.scale',
  nps: 'surveys:type.nps',
  single: 'surveys:type.single',
  multiple: 'surveys:type.multiple',
  text: 'surveys:type.text',
};
const BREAKDOWN_KEYS: Record<Breakdown, string> = {
  country: 'surveys:results.byCountry',
  sector: 'surveys:results.bySector',
  careerStage: 'surveys:results.byCareerStage',
};

export const kindLabel = (t: TFunction, kind: SurveyKind): string => t(KIND_KEYS[kind]);
export const phaseLabel = (t: TFunction, phase: SurveyPhase): string => t(PHASE_KEYS[phase]);
export const typeLabel = (t: TFunction, type: QuestionType): string => t(TYPE_KEYS[type]);
export const breakdownHeading = (t: TFunction, breakdown: Breakdown): string => t(BREAKDOWN_KEYS[breakdown]);

/** A group of a breakdown in words: a country's name, a sector, a career stage. */
export const groupLabel = (t: TFunction, locale: string, breakdown: Breakdown, key: string): string => {
  if (key === '' || key === 'unknown') return t('surveys:results.unknownGroup');
  if (breakdown === 'country') return getCountryName(key, locale);
  return labelFor(t, breakdown === 'sector' ? 'sector' : 'careerStage', key);
};

/** An answer value in words: the option's label, or the number with the scale's end labels. */
export const valueLabel = (question: Question, value: string, contentLocale: string): string => {
  if (question.type === 'single' || question.type === 'multiple') {
    const option = question.options.find((candidate) => candidate.id === value);
    return option ? pickText(option.label, contentLocale) : value;
  }
  if (question.type === 'scale') {
    if (Number(value) === question.min) return `${value} (${pickText(question.minLabel, contentLocale)})`;
    if (Number(value) === question.max) return `${value} (${pickText(question.maxLabel, contentLocale)})`;
  }
  return value;
};

const numberFormats = new Map<string, Intl.NumberFormat>();
const formatWith = (locale: string, key: string, options: Intl.NumberFormatOptions) => {
  let format = numberFormats.get(`${locale}|${key}`);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(`${locale}|${key}`, format);
  }
  return format;
};

/** 42.4 → "42%". */
export const formatPercent = (locale: string, percent: number | null): string =>
  percent === null
    ? '–'
    : formatWith(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);

/** 3.456 → "3.5". */
export const formatDecimal = (locale: string, value: number | null): string =>
  value === null ? '–' : formatWith(locale, 'decimal', { maximumFractionDigits: 1 }).format(value);

/** A net promoter score with its sign: "+25", "−10", "0". */
export const formatNps = (locale: string, score: number | null): string =>
  score === null
    ? '–'
    : formatWith(locale, 'nps', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(score);
