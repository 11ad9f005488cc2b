import { type ApplicationAnswers, MAX_AVAILABILITY_WINDOWS, MAX_LANGUAGES } from '../../../core/applications';
import type { ShownProblem } from '../../../i18n/problems';

/**
 * The application form's values as the browser sends them (flat names such as
 * `languages.0.code`; repeated names as arrays), used to re-render the form with what the person
 * typed, or with stored answers when editing or pre-filling.
 */
export type FormValues = Record<string, string | string[]>;

export const DEFAULT_LANGUAGE_ROWS = 2;
export const DEFAULT_WINDOW_ROWS = 2;
export const MAX_LANGUAGE_ROWS = MAX_LANGUAGES;
export const MAX_WINDOW_ROWS = MAX_AVAILABILITY_WINDOWS;

/** The names the form itself adds that are not answers. */
export const CONTROL_FIELDS = ['_csrf', '_add', 'languageRows', 'windowRows', 'prefill', 'token'];

/** Only strings (and lists of strings) from a parsed body; files and anything else are dropped. */
export const toFormValues = (body: Record<string, unknown>): FormValues => {
  const values: FormValues = {};
  let count = 0;
  for (const [key, raw] of Object.entries(body)) {
    if (++count > 1000 || key.length > 100) continue;
    if (typeof raw === 'string') values[key] = raw;
    else if (Array.isArray(raw)) values[key] = raw.filter((item): item is string => typeof item === 'string');
  }
  return values;
};

export const readValue = (values: FormValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '';
};

export const readValues = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** The form without its control fields: what goes to validation. */
export const answersPart = (values: FormValues): FormValues =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !CONTROL_FIELDS.includes(key)));

const rowPattern = (group: string) =>
  new RegExp(`^${group.replace('.', '\\.')}(?:\\.|\\[)(\\d{1,3})(?:\\]?)(?:\\.|\\[)?([A-Za-z]+)\\]?$`);

/**
 * Renumbers a repeating group's rows 0, 1, 2 … leaving out blank rows, exactly as the core's
 * normaliser does before validating, so a problem reported for `languages.0` is shown on the row
 * the person sees first.
 */
export const compactRows = (values: FormValues, group: 'languages' | 'availability.windows'): FormValues => {
  const pattern = rowPattern(group);
  const rows = new Map<number, Record<string, string>>();
  const rest: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const index = Number(match[1]);
    const cell = Array.isArray(value) ? (value[0] ?? '') : value;
    const row = rows.get(index) ?? {};
    row[match[2]!] = cell;
    rows.set(index, row);
  }
  const kept = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.values(row).some((cell) => cell.trim() !== ''));
  kept.forEach((row, index) => {
    for (const [cell, value] of Object.entries(row)) rest[`${group}.${index}.${cell}`] = value;
  });
  return rest;
};

/** How many rows of a group carry something (after compactRows). */
export const countRows = (values: FormValues, group: 'languages' | 'availability.windows'): number => {
  let count = 0;
  const prefix = `${group}.`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index)) count = Math.max(count, index + 1);
  }
  return count;
};

/** Stored answers as form values (consent boxes included only when given). */
export const answersToFormValues = (answers: Partial<ApplicationAnswers>): FormValues => {
  const values: FormValues = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') values[name] = value;
  };
  set('name', answers.name);
  set('email', answers.email);
  set('countryOfResidence', answers.countryOfResidence);
  set('timeZone', answers.timeZone);
  answers.languages?.forEach((skill, index) => {
    set(`languages.${index}.code`, skill.code);
    set(`languages.${index}.level`, skill.level);
  });
  set('sector', answers.sector);
  set('role', answers.role);
  set('careerStage', answers.careerStage);
  if (answers.yearsInProfession !== undefined) set('yearsInProfession', String(answers.yearsInProfession));
  if (answers.interests) values.interests = [...answers.interests];
  set('otherInterests', answers.otherInterests);
  if (answers.partnerPreference) {
    if (answers.partnerPreference.openToAnyone) values['partnerPreference.openToAnyone'] = 'on';
    values['partnerPreference.sectors'] = [...answers.partnerPreference.sectors];
    values['partnerPreference.careerStages'] = [...answers.partnerPreference.careerStages];
  }
  if (answers.availability) {
    if (answers.availability.emailOnly) values['availability.emailOnly'] = 'on';
    answers.availability.windows.forEach((window, index) => {
      set(`availability.windows.${index}.day`, window.day);
      set(`availability.windows.${index}.startTime`, window.startTime);
      set(`availability.windows.${index}.endTime`, window.endTime);
    });
  }
  set('hopes', answers.hopes);
  set('heardFrom', answers.heardFrom);
  set('heardFromDetail', answers.heardFromDetail);
  if (answers.privacyConsent) values.privacyConsent = 'on';
  if (answers.codeOfConductAccepted) values.codeOfConductAccepted = 'on';
  return values;
};

/** Problems by field, for showing each next to its control. */
export const indexProblems = (problems: readonly ShownProblem[]): Map<string, string> => {
  const byField = new Map<string, string>();
  for (const problem of problems)
    if (!byField.has(problem.field)) byField.set(problem.field, problem.message);
  return byField;
};
