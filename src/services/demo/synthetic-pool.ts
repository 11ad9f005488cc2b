/**
 * A deterministic pool of synthetic applicants for the demo and the benchmarks.
 *
 * Same options, same pool, on every machine: all randomness comes from one seeded mulberry32
 * stream and the steps consume it in a fixed order. Countries are apportioned from COUNTRY_MIX
 * (largest remainders) rather than drawn, so every pool has the real program's skew exactly:
 * the top country holds `topCountryShare` of the pool (12.8%, as 50 of 392 in the first full
 * round) and the long tail still appears in pools of a few hundred. Every applicant's answers
 * satisfy ApplicationAnswersSchema; emails use the reserved example.org/.net/.com domains.
 * People look real: both names from one naming tradition of their country (name-lists.ts), a role
 * that fits their career stage (sector-profiles.ts) and years in the profession that fit both.
 */
import type {
  ApplicationAnswers,
  LanguageSkill,
  PartnerPreference,
} from '../../core/applications/application-answers';
import { INTEREST_IDS, type InterestId } from '../../core/applications/interest-taxonomy';
import {
  CAREER_STAGES,
  type CareerStage,
  type LanguageLevel,
  REFERRAL_SOURCES,
  SECTORS,
  type Sector,
} from '../../core/applications/labels';
import { getCountry } from '../../core/countries/countries';
import { type AvailabilityWindow, DAYS_OF_WEEK } from '../../core/time/weekly-availability';
import { COUNTRY_MIX, POPULATED_TIME_ZONES } from './country-mix';
import { composeName, NAME_GROUPS, type NameMix } from './name-lists';
import { createRandom, type Random } from './prng';
import { HOPES, OTHER_INTERESTS, POPULAR_INTERESTS, SECTOR_PROFILES } from './sector-profiles';

export interface SyntheticPoolOptions {
  count: number;
  seed: number;
  /** When given, each applicant also gets `submittedAt` inside an application window before it. */
  roundStartsAt?: Date;
  /** Share of the pool from the most represented country (default 0.128); raise it to see the quota bite. */
  topCountryShare?: number;
  /** Use only the this many most represented countries of COUNTRY_MIX (default all 61). */
  countries?: number;
  /** Extra re-submissions of earlier applicants under a variant of their name (default 0). */
  duplicates?: number;
}

export interface SyntheticApplicant {
  /** Stable within a pool: `synthetic-0001`, … in generation order. */
  key: string;
  answers: ApplicationAnswers;
  /** 1-based position in submission order (the order the country quota is decided in). */
  submissionOrder: number;
  /** Minutes after applications opened. */
  submittedOffsetMinutes: number;
  submittedAt?: Date;
  /** Set on deliberate duplicates: the key of the applicant they repeat. */
  duplicateOf?: string;
}

/** Applications open five weeks before the round starts and stay open three weeks. */
export const SYNTHETIC_WINDOW = { opensDaysBeforeStart: 35, lengthDays: 21 } as const;

const MINUTES_PER_DAY = 24 * 60;
const EMAIL_DOMAINS = ['example.org', 'example.net', 'example.com'] as const;
const CAREER_WEIGHTS: Record<CareerStage, number> = { student: 12, early: 38, mid: 35, late: 15 };
const YEARS_BY_STAGE: Record<CareerStage, readonly [number, number]> = {
  student: [0, 2],
  early: [0, 7],
  mid: [6, 20],
  late: [18, 42],
};
const REFERRAL_WEIGHTS = [25, 10, 12, 18, 12, 8, 4, 4, 3, 3, 1];

export function generateSyntheticPool(options: SyntheticPoolOptions): SyntheticApplicant[] {
  const count = Math.max(0, Math.floor(options.count));
  const random = createRandom(options.seed);
  const countries = random.shuffle(
    apportionCountries(count, options.topCountryShare ?? 0.128, options.countries),
  );

  const generated = countries.map((countryCode, index) => ({
    key: `synthetic-${String(index + 1).padStart(4, '0')}`,
    answers: generateAnswers(random, countryCode, index + 1),
    offset: drawSubmissionOffset(random),
    duplicateOf: undefined as string | undefined,
  }));

  const duplicates = Math.min(Math.max(0, Math.floor(options.duplicates ?? 0)), count);
  for (let d = 0; d < duplicates; d++) {
    const original = generated[random.int(0, count - 1)]!;
    const index = generated.length + 1;
    generated.push({
      key: `synthetic-${String(index).padStart(4, '0')}`,
      answers: {
        ...original.answers,
        name: varyName(random, original.answers.name),
        email: buildEmail(original.answers.name, index),
      },
      offset: Math.min(
        original.offset + random.int(60, 3 * MINUTES_PER_DAY),
        SYNTHETIC_WINDOW.lengthDays * MINUTES_PER_DAY - 1,
      ),
      duplicateOf: original.key,
    });
  }

  const windowOpensAt =
    options.roundStartsAt &&
    options.roundStartsAt.getTime() - SYNTHETIC_WINDOW.opensDaysBeforeStart * MINUTES_PER_DAY * 60_000;
  return generated
    .sort((a, b) => a.offset - b.offset || (a.key < b.key ? -1 : 1))
    .map((applicant, position) => ({
      key: applicant.key,
      answers: applicant.answers,
      submissionOrder: position + 1,
      submittedOffsetMinutes: applicant.offset,
      ...(windowOpensAt === undefined
        ? {}
        : { submittedAt: new Date(windowOpensAt + applicant.offset * 60_000) }),
      ...(applicant.duplicateOf === undefined ? {} : { duplicateOf: applicant.duplicateOf }),
    }));
}

/** Largest-remainder apportionment of `count` places over COUNTRY_MIX, top country fixed to its share. */
function apportionCountries(
  count: number,
  topCountryShare: number,
  countries = COUNTRY_MIX.length,
): string[] {
  const mix = [...COUNTRY_MIX]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, Math.max(1, Math.floor(countries)));
  const [top, ...rest] = mix;
  const restTotal = rest.reduce((sum, country) => sum + country.weight, 0);
  const share = rest.length === 0 ? 1 : Math.min(Math.max(topCountryShare, 0), 1);
  const quotas = [
    { code: top!.code, exact: count * share },
    ...rest.map((country) => ({
      code: country.code,
      exact: (count * (1 - share) * country.weight) / restTotal,
    })),
  ];
  const seats = quotas.map((quota) => Math.floor(quota.exact));
  let remaining = count - seats.reduce((sum, seat) => sum + seat, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota.exact - Math.floor(quota.exact) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining <= 0) break;
    seats[index]!++;
    remaining--;
  }
  return quotas.flatMap((quota, index) => Array.from({ length: seats[index]! }, () => quota.code));
}

/** Most applications arrive just after opening and just before the deadline. */
function drawSubmissionOffset(random: Random): number {
  const lengthMinutes = SYNTHETIC_WINDOW.lengthDays * MINUTES_PER_DAY;
  const rushMinutes = 3 * MINUTES_PER_DAY;
  const part = random.pickWeighted(['opening', 'middle', 'closing'] as const, [30, 40, 30]);
  if (part === 'opening') return random.int(0, rushMinutes - 1);
  if (part === 'closing') return random.int(lengthMinutes - rushMinutes, lengthMinutes - 1);
  return random.int(rushMinutes, lengthMinutes - rushMinutes - 1);
}

function generateAnswers(random: Random, countryCode: string, index: number): ApplicationAnswers {
  const country = getCountry(countryCode);
  const name = pickName(random, COUNTRY_MIX.find((entry) => entry.code === countryCode)!.names);
  const careerStage = random.pickWeighted(
    CAREER_STAGES,
    CAREER_STAGES.map((stage) => CAREER_WEIGHTS[stage]),
  );
  const sector: Sector =
    careerStage === 'student' && random.chance(0.7)
      ? 'lis-education'
      : random.pickWeighted(
          SECTORS,
          SECTORS.map((id) => SECTOR_PROFILES[id].weight),
        );
  const [minYears, maxYears] = YEARS_BY_STAGE[careerStage];
  const heardFrom = random.pickWeighted(REFERRAL_SOURCES, REFERRAL_WEIGHTS);
  return {
    name,
    email: buildEmail(name, index),
    countryOfResidence: country.code,
    timeZone: pickTimeZone(random, countryCode, country.timeZones),
    languages: pickLanguages(random, country.languages),
    sector,
    role: random.pick(SECTOR_PROFILES[sector].roles.filter((role) => role.stages.includes(careerStage)))
      .title,
    careerStage,
    yearsInProfession: random.int(minYears, maxYears),
    interests: pickInterests(random, sector),
    otherInterests: random.chance(0.15) ? random.pick(OTHER_INTERESTS) : '',
    partnerPreference: pickPartnerPreference(random, sector),
    availability: pickAvailability(random),
    hopes: random.pick(HOPES),
    heardFrom,
    heardFromDetail: heardFrom === 'other' ? 'A friend at a conference' : '',
    privacyConsent: true,
    codeOfConductAccepted: true,
  };
}

/** Given and family names of one tradition among the country's, the given name a woman's or a man's. */
function pickName(random: Random, mix: NameMix): string {
  const group =
    NAME_GROUPS[
      random.pickWeighted(
        mix.map(([id]) => id),
        mix.map(([, weight]) => weight),
      )
    ];
  const isWoman = random.chance(0.5);
  return composeName(
    group,
    isWoman,
    random.int(0, (isWoman ? group.women : group.men).length - 1),
    random.int(0, group.family.length - 1),
  );
}

function pickTimeZone(random: Random, countryCode: string, timeZones: readonly string[]): string {
  const populated = POPULATED_TIME_ZONES[countryCode];
  if (!populated) return timeZones[0]!;
  return random.pickWeighted(
    populated.map(([zone]) => zone),
    populated.map(([, weight]) => weight),
  );
}

function pickLanguages(random: Random, countryLanguages: readonly string[]): LanguageSkill[] {
  // In multilingual countries most people's first language is the first listed, not all.
  const native =
    countryLanguages.length > 1 && random.chance(0.2) ? countryLanguages[1]! : countryLanguages[0]!;
  const skills: LanguageSkill[] = [{ code: native, level: 'native' }];
  const add = (code: string, level: LanguageLevel) => {
    if (!skills.some((skill) => skill.code === code)) skills.push({ code, level });
  };
  for (const other of countryLanguages) {
    if (other !== native && random.chance(0.5))
      add(other, random.pick(['conversational', 'fluent'] as const));
  }
  // The program ran in English; nearly everyone applying could use it.
  add('en', random.pickWeighted(['fluent', 'conversational', 'basic'] as const, [70, 25, 5]));
  if (random.chance(0.2))
    add(
      random.pick(['fr', 'es', 'de', 'pt', 'zh', 'ar'] as const),
      random.pick(['basic', 'conversational'] as const),
    );
  return skills;
}

const INTEREST_WEIGHTS_BY_SECTOR = new Map(
  SECTORS.map((sector) => {
    const profile = new Set<InterestId>(SECTOR_PROFILES[sector].interests);
    const popular = new Set<InterestId>(POPULAR_INTERESTS);
    return [sector, INTEREST_IDS.map((id) => (profile.has(id) ? 12 : popular.has(id) ? 4 : 1))] as const;
  }),
);

function pickInterests(random: Random, sector: Sector): InterestId[] {
  const weights = INTEREST_WEIGHTS_BY_SECTOR.get(sector)!;
  const howMany = random.pickWeighted([3, 4, 5, 6, 7, 8], [15, 25, 25, 18, 10, 7]);
  return random.sampleWeighted(INTEREST_IDS, weights, howMany);
}

function pickPartnerPreference(random: Random, sector: Sector): PartnerPreference {
  if (random.chance(0.55)) return { openToAnyone: true, sectors: [], careerStages: [] };
  const sectors = random.chance(0.8)
    ? [...new Set<Sector>([random.chance(0.6) ? sector : random.pick(PREFERABLE_SECTORS)])]
    : [];
  const careerStages = sectors.length === 0 || random.chance(0.3) ? [random.pick(CAREER_STAGES)] : [];
  return { openToAnyone: false, sectors, careerStages };
}

const PREFERABLE_SECTORS = SECTORS.filter((id) => id !== 'other');

const TYPICAL_WINDOWS: ReadonlyArray<readonly [string, string]> = [
  ['07:00', '08:30'],
  ['12:00', '13:00'],
  ['17:30', '19:00'],
  ['19:00', '21:00'],
  ['20:00', '22:00'],
];

function pickAvailability(random: Random): ApplicationAnswers['availability'] {
  if (random.chance(0.15)) return { emailOnly: true, windows: [] };
  const days = random.shuffle(DAYS_OF_WEEK).slice(0, random.int(1, 4));
  const windows: AvailabilityWindow[] = days.map((day) => {
    const [startTime, endTime] =
      (day === 'sat' || day === 'sun') && random.chance(0.6)
        ? (['09:00', '12:00'] as const)
        : random.pick(TYPICAL_WINDOWS);
    return { day, startTime, endTime };
  });
  return { emailOnly: false, windows };
}

function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');
}

function buildEmail(name: string, index: number): string {
  const [given = '', ...family] = name.split(' ');
  const local = [
    foldToAscii(given) || 'applicant',
    foldToAscii(family.join('')) || 'person',
    String(index),
  ].join('.');
  return `${local}@${EMAIL_DOMAINS[index % EMAIL_DOMAINS.length]}`;
}

/** How the same person's name comes out when they apply twice. */
function varyName(random: Random, name: string): string {
  const [given = '', ...rest] = name.split(' ');
  const family = rest.join(' ');
  switch (random.int(0, 2)) {
    case 0:
      return `${family}, ${given}`;
    case 1:
      return name.normalize('NFKD').replace(/\p{M}/gu, '');
    default: {
      // A typo: one letter of the family name dropped.
      const at = random.int(1, Math.max(1, family.length - 1));
      return `${given} ${family.slice(0, at)}${family.slice(at + 1)}`;
    }
  }
}
