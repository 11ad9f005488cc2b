import type { TFunction } from 'i18next';
import type { ApplicationAnswers } from '../core/applications';
import { listApplicationLabelResources } from '../core/applications';

/**
 * Labels of the application form's closed choices through i18next (namespace `applications`),
 * falling back to the core's English label maps when a language has no translation yet.
 */
const ENGLISH = listApplicationLabelResources();

export type LabelKind =
  | 'sector'
  | 'careerStage'
  | 'languageLevel'
  | 'referralSource'
  | 'dayOfWeek'
  | 'interest';

export const labelFor = (t: TFunction, kind: LabelKind, id: string): string =>
  t(`applications:labels.${kind}.${id}`, { defaultValue: ENGLISH[`${kind}.${id}`] ?? id });

const languageNames = new Map<string, Intl.DisplayNames>();
export const languageName = (code: string, locale: string): string => {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** "English (Native or first language)". */
export const describeLanguages = (t: TFunction, locale: string, answers: ApplicationAnswers): string[] =>
  answers.languages.map(
    (skill) => `${languageName(skill.code, locale)} (${labelFor(t, 'languageLevel', skill.level)})`,
  );

/** "Monday 09:00-11:00", or nothing when the applicant prefers email only. */
export const describeAvailability = (t: TFunction, answers: ApplicationAnswers): string[] =>
  answers.availability.windows.map(
    (window) => `${labelFor(t, 'dayOfWeek', window.day)} ${window.startTime}-${window.endTime}`,
  );
