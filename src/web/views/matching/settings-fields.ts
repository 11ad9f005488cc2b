import { LANGUAGE_LEVELS } from '../../../core/applications/labels';
import {
  DEFAULT_MATCH_SETTINGS,
  MAX_FIT_POINTS,
  type MatchSettings,
} from '../../../core/scoring/match-settings';

/**
 * The settings form's fields, in the shape of MatchSettings (`group.key`), with the range the
 * schema accepts (match-settings.ts documents each one; the catalog explains them to people).
 */
export const SETTINGS_GROUPS = ['weights', 'rules', 'availability', 'attention'] as const;
export type SettingsGroup = (typeof SETTINGS_GROUPS)[number];

export type SettingsFieldKind = 'integer' | 'number' | 'boolean' | 'level';

export interface SettingsField {
  group: SettingsGroup;
  key: string;
  kind: SettingsFieldKind;
  min?: number;
  max?: number;
  step?: number;
}

const points = (key: string): SettingsField => ({
  group: 'weights',
  key,
  kind: 'integer',
  min: 0,
  max: MAX_FIT_POINTS,
  step: 1,
});
const hours = (group: SettingsGroup, key: string, min = 0): SettingsField => ({
  group,
  key,
  kind: 'number',
  min,
  max: 168,
  step: 0.25,
});

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  points('sharedInterests'),
  points('partnerPreferences'),
  points('availability'),
  points('freeText'),
  points('languages'),
  points('careerStage'),
  points('sector'),
  { group: 'rules', key: 'requireSharedLanguage', kind: 'boolean' },
  { group: 'rules', key: 'workingLanguageLevel', kind: 'level' },
  hours('rules', 'minWeeklyOverlapHours'),
  { group: 'rules', key: 'allowTrios', kind: 'boolean' },
  hours('availability', 'targetWeeklyHours', 0.25),
  { group: 'availability', key: 'oneEmailOnlyCredit', kind: 'number', min: 0, max: 1, step: 0.05 },
  { group: 'attention', key: 'lowFitPoints', kind: 'integer', min: 0, max: MAX_FIT_POINTS, step: 1 },
  hours('attention', 'thinOverlapHours'),
];

/** `weights.sharedInterests`: the form field's name, the catalog key and the problem's field. */
export const fieldName = (field: SettingsField): string => `${field.group}.${field.key}`;
export const SETTINGS_FIELD_NAMES = SETTINGS_FIELDS.map(fieldName);
export { LANGUAGE_LEVELS };

export type SettingsFormValues = Record<string, string>;

const settingOf = (settings: MatchSettings, field: SettingsField): unknown =>
  (settings[field.group] as Record<string, unknown>)[field.key];

/** The form's values for settings (booleans as 'on' or ''). */
export const toSettingsFormValues = (settings: MatchSettings): SettingsFormValues =>
  Object.fromEntries(
    SETTINGS_FIELDS.map((field) => {
      const value = settingOf(settings, field);
      return [fieldName(field), field.kind === 'boolean' ? (value ? 'on' : '') : String(value)];
    }),
  );

export const defaultOf = (field: SettingsField): unknown => settingOf(DEFAULT_MATCH_SETTINGS, field);

const toNumber = (raw: string, kind: SettingsFieldKind): number => {
  const text = raw.trim();
  if (text === '') return Number.NaN;
  return Number(kind === 'number' ? text.replace(',', '.') : text);
};

/** What the form sent, in the settings' shape, for the service to check (it refuses what is wrong). */
export const readSettingsForm = (
  body: Record<string, unknown>,
): { values: SettingsFormValues; settings: Record<SettingsGroup, Record<string, unknown>> } => {
  const values: SettingsFormValues = {};
  const settings: Record<SettingsGroup, Record<string, unknown>> = {
    weights: {},
    rules: {},
    availability: {},
    attention: {},
  };
  for (const field of SETTINGS_FIELDS) {
    const raw = body[fieldName(field)];
    const text = typeof raw === 'string' ? raw.slice(0, 100) : '';
    values[fieldName(field)] = text;
    settings[field.group][field.key] =
      field.kind === 'boolean' ? text !== '' : field.kind === 'level' ? text : toNumber(text, field.kind);
  }
  return { values, settings };
};
