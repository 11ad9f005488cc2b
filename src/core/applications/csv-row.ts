import { findCountry, getPrimaryTimeZone, listCountries } from '../countries';
import type { ApplicationAnswers } from './application-answers';
import { validateApplicationAnswers } from './application-answers';
import {
  type AnswerColumn,
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRowProblem,
  normalise,
  readFlag,
  splitList,
} from './csv-columns';
import { INTEREST_GROUPS } from './interest-taxonomy';
import {
  CAREER_STAGE_LABELS,
  DAY_OF_WEEK_LABELS,
  LANGUAGE_LEVEL_LABELS,
  REFERRAL_SOURCE_LABELS,
  SECTOR_LABELS,
} from './labels';

/**
 * Reading one CSV row's answer cells back into the application form's shape: a closed choice by
 * its id or its English label, a language by its code or English name, a time window as the export
 * writes it. What cannot be read is kept as it is, for validation to reject with the field named.
 */
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

const ALIASES: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'yourname', 'applicantname'],
  email: ['email', 'emailaddress', 'youremail', 'youremailaddress'],
  countryOfResidence: ['countrycode', 'countryofresidence', 'country', 'countryyoulivein'],
  timeZone: ['timezone', 'yourtimezone'],
  languages: ['languages', 'language', 'languagesyouspeak'],
  sector: ['sector', 'librarysector'],
  role: ['role', 'yourrole', 'jobtitle', 'position'],
  careerStage: ['careerstage', 'stage'],
  yearsInProfession: ['yearsinprofession', 'yearsintheprofession', 'years', 'yearsofexperience'],
  interests: ['interests', 'areasofinterest'],
  otherInterests: ['otherinterests'],
  partnerOpenToAnyone: ['partneropentoanyone', 'opentoanyone', 'opentoanypartner'],
  partnerSectors: ['partnersectors', 'preferredsectors'],
  partnerCareerStages: ['partnercareerstages', 'preferredcareerstages'],
  emailOnly: ['emailonly'],
  availability: ['availability', 'timesforcalls'],
  hopes: ['hopes', 'whatyouhopetoget', 'goals'],
  heardFrom: ['heardfrom', 'howdidyouhearaboutus', 'howyouheard'],
  heardFromDetail: ['heardfromdetail'],
  privacyConsent: ['privacyconsent', 'privacy'],
  codeOfConductAccepted: ['codeofconductaccepted', 'codeofconduct'],
  submittedAt: ['submittedat', 'submitted', 'timestamp'],
};

/**
 * Guesses a column for every field from the headers; each column is used at most once. `headerNames`
 * gives, per field, the headers the program itself writes for it (the export's, in the languages
 * the interface speaks), tried before the aliases above.
 */
export function guessColumnMapping(
  headers: readonly string[],
  headerNames: (field: ImportField) => readonly string[] = () => [],
): ColumnMapping {
  const normalised = headers.map(normalise);
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, 'none'])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    const candidates = [...headerNames(field).map(normalise), ...ALIASES[field]];
    for (const candidate of candidates) {
      const index = normalised.findIndex((header, i) => header === candidate && !used.has(i));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

let countryCodesByName: Map<string, string> | undefined;
const findCountryCode = (value: string): string => {
  const trimmed = value.trim();
  if (findCountry(trimmed)) return trimmed.toUpperCase();
  countryCodesByName ??= new Map(
    listCountries('en').map((country) => [normalise(country.name), country.code]),
  );
  return countryCodesByName.get(normalise(trimmed)) ?? trimmed;
};

/** Which import field a problem of the answers schema belongs to. */
const fieldOfPath = (path: string): ImportField | '' => {
  if (path.startsWith('partnerPreference.sectors')) return 'partnerSectors';
  if (path.startsWith('partnerPreference.careerStages')) return 'partnerCareerStages';
  if (path.startsWith('partnerPreference')) return 'partnerOpenToAnyone';
  if (path.startsWith('availability.emailOnly')) return 'emailOnly';
  if (path.startsWith('availability')) return 'availability';
  const first = path.split('.')[0] ?? '';
  return (IMPORT_FIELDS as readonly string[]).includes(first) ? (first as ImportField) : '';
};

interface ParsedRow {
  row: number;
  answers?: ApplicationAnswers;
  submittedAt?: Date;
  problems: ImportRowProblem[];
}

/** One data row to application answers, with its problems. Pure. */
export function parseImportRow(cells: readonly string[], mapping: ColumnMapping, row: number): ParsedRow {
  const cell = (field: ImportField): string | undefined => {
    const choice = mapping[field];
    if (choice === 'none') return undefined;
    if (choice === 'yes') return 'yes';
    return (cells[choice] ?? '').trim();
  };
  const problems: ImportRowProblem[] = [];
  const country = findCountryCode(cell('countryOfResidence') ?? '');
  const input = {
    name: cell('name') ?? '',
    email: cell('email') ?? '',
    countryOfResidence: country,
    ...readAnswerCells(cell, findCountry(country) ? getPrimaryTimeZone(country) : ''),
    privacyConsent: readFlag(cell('privacyConsent')) ?? false,
    codeOfConductAccepted: readFlag(cell('codeOfConductAccepted')) ?? false,
  };
  const result = validateApplicationAnswers(input);
  if (!result.ok) {
    for (const problem of result.problems) {
      problems.push({ row, field: fieldOfPath(problem.field), message: problem.message });
    }
  }
  let submittedAt: Date | undefined;
  const submitted = cell('submittedAt');
  if (submitted) {
    const at = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(submitted)
      ? new Date(/Z|[+-]\d{2}:?\d{2}$/.test(submitted) ? submitted : `${submitted.replace(' ', 'T')}Z`)
      : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      problems.push({
        row,
        field: 'submittedAt',
        message: 'Give the submission time as YYYY-MM-DD HH:MM (UTC)',
      });
    } else {
      submittedAt = at;
    }
  }
  return {
    row,
    ...(result.ok ? { answers: result.value } : {}),
    ...(submittedAt ? { submittedAt } : {}),
    problems,
  };
}
