import type { TFunction } from 'i18next';
import type { ApplicationAnswers } from '../core/applications';
import type { ChoiceKind, ChoiceNames } from '../core/applications/csv-row';
import { getT, supportedLocales } from '.';

/**
 * Labels of the application form's closed choices (namespace `applications`, `labels.<kind>.<id>`):
 * core holds only the ids. A language without a translation falls back to English.
 */
export type LabelKind = ChoiceKind | 'interestGroup';

export const labelFor = (t: TFunction, kind: LabelKind, id: string): string =>
  t(`applications:labels.${kind}.${id}`, { defaultValue: id });

/** Every name a choice goes by, one per language the program speaks (what an import may find). */
export const choiceNamesInEveryLanguage: ChoiceNames = (kind, id) =>
  supportedLocales().map((locale) => labelFor(getT(locale), kind, id));

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
