import type { TFunction } from 'i18next';
import {
  type ApplicationAnswers,
  CAREER_STAGE_LABELS,
  DAY_OF_WEEK_LABELS,
  INTEREST_GROUPS,
  LANGUAGE_LEVEL_LABELS,
  REFERRAL_SOURCE_LABELS,
  SECTOR_LABELS,
} from '../../core/applications';
import { describeAvailability, describeLanguages, labelFor } from '../../i18n/labels';

/**
 * The application columns of the CSV files: which columns the export writes and which fields the
 * import reads, their headers, and how each answer is written to a cell and read back from one.
 * Export and import take them from here, so that whatever the export writes the import can read
 * (the round trip is tested in review-services.db.test.ts).
 */

/** The answers both files carry, in the export's order; each is written and read below. */
export const ANSWER_COLUMNS = [
  'timeZone',
  'languages',
  'sector',
  'role',
  'careerStage',
  'yearsInProfession',
  'interests',
  'otherInterests',
  'partnerOpenToAnyone',
  'partnerSectors',
  'partnerCareerStages',
  'emailOnly',
  'availability',
  'hopes',
  'heardFrom',
  'heardFromDetail',
] as const;
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number];

export const EXPORT_COLUMNS = [
  'id',
  'submittedAt',
  'status',
  'name',
  'email',
  'countryCode',
  'country',
  ...ANSWER_COLUMNS,
  'likelyDuplicate',
  'declineReason',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const IMPORT_FIELDS = [
  'name',
  'email',
  'countryOfResidence',
  ...ANSWER_COLUMNS,
  // Not in an export: the coordinator answers "yes" for every row (consent given on the form).
  'privacyConsent',
  'codeOfConductAccepted',
  'submittedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Export columns read back into a field of another name; the others keep their name. */
export const IMPORT_FIELD_OF_EXPORT_COLUMN: Partial<Record<ExportColumn, ImportField>> = {
  countryCode: 'countryOfResidence',
  country: 'countryOfResidence',
};

export const columnHeader = (t: TFunction, column: ExportColumn): string => t(`review:csv.columns.${column}`);

/** Headers and choices compared without case, accents, spaces or punctuation. */
export const normalise = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export const LIST_SEPARATOR = '; ';

/** A list cell: the export's "; ", and also the line breaks or "|" other spreadsheets use. */
export const splitList = (value: string) =>
  value
    .split(/[;\n|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'on', 'agreed', 'agree', 'si', 'oui', 'ja']);

export const writeFlag = (t: TFunction, value: boolean): string =>
  t(value ? 'review:csv.yes' : 'review:csv.no');
/** undefined when the column is not in the file, so that the caller can choose the default. */
export const readFlag = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : YES.has(value.toLowerCase());

/** Answer cells as the export writes them: labels in the viewer's language, lists joined. */
export const writeAnswerCells = (
  t: TFunction,
  locale: string,
  answers: ApplicationAnswers,
): Record<AnswerColumn, string> => {
  const list = (items: string[]) => items.join(LIST_SEPARATOR);
  return {
    timeZone: answers.timeZone,
    languages: list(describeLanguages(t, locale, answers)),
    sector: labelFor(t, 'sector', answers.sector),
    role: answers.role,
    careerStage: labelFor(t, 'careerStage', answers.careerStage),
    yearsInProfession: String(answers.yearsInProfession),
    interests: list(answers.interests.map((id) => labelFor(t, 'interest', id))),
    otherInterests: answers.otherInterests,
    partnerOpenToAnyone: writeFlag(t, answers.partnerPreference.openToAnyone),
    partnerSectors: list(answers.partnerPreference.sectors.map((id) => labelFor(t, 'sector', id))),
    partnerCareerStages: list(
      answers.partnerPreference.careerStages.map((id) => labelFor(t, 'careerStage', id)),
    ),
    emailOnly: writeFlag(t, answers.availability.emailOnly),
    availability: list(describeAvailability(t, answers)),
    hopes: answers.hopes,
    heardFrom: labelFor(t, 'referralSource', answers.heardFrom),
    heardFromDetail: answers.heardFromDetail,
  };
};

/** A choice by its id or its English label; anything else is kept for validation to reject. */
const choiceFinder = (labels: Record<string, string>) => {
  const byKey = new Map<string, string>();
  for (const [id, label] of Object.entries(labels)) {
    byKey.set(normalise(id), id);
    byKey.set(normalise(label), id);
  }
  return (value: string): string => byKey.get(normalise(value)) ?? value;
};

const findSector = choiceFinder(SECTOR_LABELS);
const findCareerStage = choiceFinder(CAREER_STAGE_LABELS);
const findLevel = choiceFinder(LANGUAGE_LEVEL_LABELS);
const findReferral = choiceFinder(REFERRAL_SOURCE_LABELS);
const findInterest = choiceFinder(
  Object.fromEntries(
    INTEREST_GROUPS.flatMap((group) => group.interests.map((interest) => [interest.id, interest.label])),
  ),
);
const findDay = choiceFinder(DAY_OF_WEEK_LABELS);

// Built on first use: naming every two-letter code takes a moment and only imports need it.
let languageCodesByName: Map<string, string> | undefined;
const findLanguageCode = (value: string): string => {
  if (/^[a-z]{2}$/i.test(value.trim())) return value.trim().toLowerCase();
  if (!languageCodesByName) {
    languageCodesByName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const a of letters) {
      for (const b of letters) {
        try {
          const name = names.of(a + b);
          if (name && !languageCodesByName.has(normalise(name)))
            languageCodesByName.set(normalise(name), a + b);
        } catch {
          // not a language code
        }
      }
    }
  }
  return languageCodesByName.get(normalise(value)) ?? value;
};

/** "English (Fluent)" as the export writes it, or "English: Fluent". */
const parseLanguage = (item: string) => {
  const match = item.match(/^(.*?)\s*(?:\((.*)\)|:\s*(.*))\s*$/);
  const name = (match ? match[1] : item) ?? item;
  const level = match ? (match[2] ?? match[3] ?? '') : '';
  return { code: findLanguageCode(name), level: findLevel(level) };
};

/** "Monday 09:00-11:00" as the export writes it ("Mon. 9:00–11:00" too). */
const parseWindow = (item: string) => {
  const match = item.match(/^(\p{L}+)\.?\s+(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/u);
  if (!match) return { day: item, startTime: '', endTime: '' };
  const pad = (time: string) => time.padStart(5, '0');
  return { day: findDay(match[1]!), startTime: pad(match[2]!), endTime: pad(match[3]!) };
};

/**
 * The answers a row's cells hold, shaped as the application form's and still to be validated.
 * `cell` gives undefined for a column not in the file; the defaults below stand in for it.
 */
export const readAnswerCells = (
  cell: (column: AnswerColumn) => string | undefined,
  defaultTimeZone: string,
) => {
  const partnerSectors = splitList(cell('partnerSectors') ?? '').map(findSector);
  const partnerCareerStages = splitList(cell('partnerCareerStages') ?? '').map(findCareerStage);
  const windows = splitList(cell('availability') ?? '').map(parseWindow);
  const years = cell('yearsInProfession') ?? '';
  return {
    timeZone: cell('timeZone') || defaultTimeZone,
    languages: splitList(cell('languages') ?? '').map(parseLanguage),
    sector: findSector(cell('sector') ?? ''),
    role: cell('role') ?? '',
    careerStage: findCareerStage(cell('careerStage') ?? ''),
    yearsInProfession: /^\d{1,3}$/.test(years) ? Number(years) : years,
    interests: splitList(cell('interests') ?? '').map(findInterest),
    otherInterests: cell('otherInterests') ?? '',
    partnerPreference: {
      openToAnyone:
        readFlag(cell('partnerOpenToAnyone')) ?? partnerSectors.length + partnerCareerStages.length === 0,
      sectors: partnerSectors,
      careerStages: partnerCareerStages,
    },
    availability: { emailOnly: readFlag(cell('emailOnly')) ?? windows.length === 0, windows },
    hopes: cell('hopes') ?? '',
    heardFrom: findReferral(cell('heardFrom') || 'other'),
    heardFromDetail: cell('heardFromDetail') ?? '',
  };
};
