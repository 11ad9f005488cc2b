import { findCountry, getPrimaryTimeZone, listCountries } from '../countries';
import { DAYS_OF_WEEK } from '../time/weekly-availability';
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
  restoreFormula,
  splitList,
} from './csv-columns';
import { INTEREST_IDS } from './interest-taxonomy';
import { CAREER_STAGES, LANGUAGE_LEVELS, REFERRAL_SOURCES, SECTORS } from './labels';

/**
 * Reading one CSV row's answer cells back into the application form's shape: a closed choice by
 * its id or by one of its names, a language by its code or English name, a time window as the
 * export writes it. What cannot be read is kept as it is, for validation to reject with the field
 * named.
 */

/** The closed choices a cell may name. */
export const CHOICE_KINDS = [
  'sector',
  'careerStage',
  'languageLevel',
  'referralSource',
  'dayOfWeek',
  'interest',
] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

const CHOICE_IDS: Record<ChoiceKind, readonly string[]> = {
  sector: SECTORS,
  careerStage: CAREER_STAGES,
  languageLevel: LANGUAGE_LEVELS,
  referralSource: REFERRAL_SOURCES,
  dayOfWeek: DAYS_OF_WEEK,
  interest: INTEREST_IDS,
};

/**
 * The names each choice goes by (its labels in the languages the program speaks, as the export
 * writes them), given by the edge that knows the translations; without them only ids are read.
 */
export type ChoiceNames = (kind: ChoiceKind, id: string) => readonly string[];

type Finder = (value: string) => string;
const findersByNames = new WeakMap<ChoiceNames, Record<ChoiceKind, Finder>>();
const NO_NAMES: ChoiceNames = () => [];

/** A choice by its id or one of its names; anything else is kept for validation to reject. */
const findersFor = (names: ChoiceNames): Record<ChoiceKind, Finder> => {
  let finders = findersByNames.get(names);
  if (!finders) {
    const build = (kind: ChoiceKind): Finder => {
      const byKey = new Map<string, string>();
      for (const id of CHOICE_IDS[kind]) {
        byKey.set(normalise(id), id);
        for (const name of names(kind, id)) if (!byKey.has(normalise(name))) byKey.set(normalise(name), id);
      }
      return (value) => byKey.get(normalise(value)) ?? value;
    };
    finders = Object.fromEntries(CHOICE_KINDS.map((kind) => [kind, build(kind)])) as Record<
      ChoiceKind,
      Finder
    >;
    findersByNames.set(names, finders);
  }
  return finders;
};

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
const parseLanguage = (item: string, findLevel: Finder) => {
  const match = item.match(/^(.*?)\s*(?:\((.*)\)|:\s*(.*))\s*$/);
  const name = (match ? match[1] : item) ?? item;
  const level = match ? (match[2] ?? match[3] ?? '') : '';
  return { code: findLanguageCode(name), level: findLevel(level) };
};

/** "Monday 09:00-11:00" as the export writes it ("Mon. 9:00–11:00" too). */
const parseWindow = (item: string, findDay: Finder) => {
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
  names: ChoiceNames = NO_NAMES,
) => {
  const find = findersFor(names);
  const partnerSectors = splitList(cell('partnerSectors') ?? '').map(find.sector);
  const partnerCareerStages = splitList(cell('partnerCareerStages') ?? '').map(find.careerStage);
  const windows = splitList(cell('availability') ?? '').map((item) => parseWindow(item, find.dayOfWeek));
  const years = cell('yearsInProfession') ?? '';
  return {
    timeZone: cell('timeZone') || defaultTimeZone,
    languages: splitList(cell('languages') ?? '').map((item) => parseLanguage(item, find.languageLevel)),
    sector: find.sector(cell('sector') ?? ''),
    role: cell('role') ?? '',
    careerStage: find.careerStage(cell('careerStage') ?? ''),
    yearsInProfession: /^\d{1,3}$/.test(years) ? Number(years) : years,
    interests: splitList(cell('interests') ?? '').map(find.interest),
    otherInterests: cell('otherInterests') ?? '',
    partnerPreference: {
      openToAnyone:
        readFlag(cell('partnerOpenToAnyone')) ?? partnerSectors.length + partnerCareerStages.length === 0,
      sectors: partnerSectors,
      careerStages: partnerCareerStages,
    },
    availability: { emailOnly: readFlag(cell('emailOnly')) ?? windows.length === 0, windows },
    hopes: cell('hopes') ?? '',
    heardFrom: find.referralSource(cell('heardFrom') || 'other'),
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
  privacyConsent: [
    'privacyconsent',
    'privacy',
    'agreedtoprivacynotice',
    'agreedtotheprivacynotice',
    'privacynotice',
    'privacypolicy',
    'consent',
    'consentgiven',
    'dataconsent',
  ],
  codeOfConductAccepted: [
    'codeofconductaccepted',
    'codeofconduct',
    'acceptedcodeofconduct',
    'acceptedthecodeofconduct',
    'agreedtocodeofconduct',
    'agreedtothecodeofconduct',
    'conduct',
  ],
  submittedAt: ['submittedat', 'submitted', 'timestamp', 'submissiondate', 'datesubmitted'],
};

/**
 * A second, looser pass for headers the aliases do not name, as web forms write them ("I agree to
 * the ILN privacy notice", "Which time zone are you in?"): a field takes the first unused column
 * whose header contains one of its words. Only fields whose words cannot be mistaken are here
 * ("name" is not: "Institution name").
 */
const HEADER_WORDS: Partial<Record<ImportField, string[]>> = {
  codeOfConductAccepted: ['codeofconduct'],
  privacyConsent: ['privacy', 'consent', 'gdpr', 'dataprotection'],
  timeZone: ['timezone'],
  languages: ['language'],
  careerStage: ['careerstage'],
  yearsInProfession: ['yearsin', 'yearsof', 'experience'],
  heardFrom: ['hearabout', 'heardabout', 'heardof', 'howdidyouhear'],
  hopes: ['hopeto', 'hopefor', 'hopes'],
  interests: ['interest'],
  emailOnly: ['emailonly'],
  availability: ['availab'],
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
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== 'none') continue;
    const words = HEADER_WORDS[field] ?? [];
    const index = normalised.findIndex(
      (header, i) => !used.has(i) && words.some((word) => header.includes(word)),
    );
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
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
export function parseImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  row: number,
  names: ChoiceNames = NO_NAMES,
): ParsedRow {
  const cell = (field: ImportField): string | undefined => {
    const choice = mapping[field];
    if (choice === 'none') return undefined;
    if (choice === 'yes') return 'yes';
    return restoreFormula(cells[choice] ?? '').trim();
  };
  const problems: ImportRowProblem[] = [];
  // The cell a problem is about, as the file has it, for the report to quote.
  const quoted = (field: ImportField | ''): { value: string } | Record<string, never> => {
    const value = field === '' ? undefined : cell(field);
    if (!value) return {};
    return { value: value.length > 80 ? `${value.slice(0, 79)}…` : value };
  };
  const country = findCountryCode(cell('countryOfResidence') ?? '');
  const input = {
    name: cell('name') ?? '',
    email: cell('email') ?? '',
    countryOfResidence: country,
    ...readAnswerCells(cell, findCountry(country) ? getPrimaryTimeZone(country) : '', names),
    privacyConsent: readFlag(cell('privacyConsent')) ?? false,
    codeOfConductAccepted: readFlag(cell('codeOfConductAccepted')) ?? false,
  };
  const result = validateApplicationAnswers(input);
  // Without a time-zone column the zone comes from the country: an unknown country is reported
  // once, not again as a missing zone.
  const zoneFollowsCountry = mapping.timeZone === 'none' && !findCountry(country);
  if (!result.ok) {
    for (const problem of result.problems) {
      const field = fieldOfPath(problem.field);
      if (field === 'timeZone' && zoneFollowsCountry) continue;
      problems.push({
        row,
        field,
        code: problem.code,
        ...(problem.params ? { params: problem.params } : {}),
        ...quoted(field),
      });
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
        code: 'import.submittedAt',
        ...quoted('submittedAt'),
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
