/**
 * Everything the pair scorer needs about a round's applicants, computed once per match run so a
 * pair costs only array look-ups: country ids; interest bitsets with IDF weights; sparse TF-IDF
 * vectors of the free text; working-language bitsets and levels; preference masks; availability
 * profiles per daylight-saving regime; per-person lists of partners ruled out by a coordinator's
 * exclusion or an earlier round. Vertex i is the i-th member in ascending id order.
 *
 * Costs: O(n · (interests + languages + windows) + text length + constraints), plus one offset
 * scan per distinct zone (round-calendar.ts).
 */
import type { ApplicationAnswers } from '../applications/application-answers';
import { INTEREST_IDS } from '../applications/interest-taxonomy';
import { CAREER_STAGES, LANGUAGE_LEVELS, SECTORS } from '../applications/labels';
import {
  describeZoneOverSpan,
  type RoundCalendar,
  type RoundSpan,
  roundSpanOf,
  type ZoneOverSpan,
} from '../time/round-calendar';
import { type AvailabilityProfile, buildAvailabilityProfile } from '../time/weekly-overlap';
import { type FlatProfiles, flattenProfiles } from './call-profiles';
import { MatchInputError } from './errors';
import type { MatchSettings } from './match-settings';
import { buildTextVectors, type TextVectors } from './text-vectors';

/** The answers matching reads. */
export type MatchAnswers = Pick<
  ApplicationAnswers,
  | 'countryOfResidence'
  | 'timeZone'
  | 'languages'
  | 'sector'
  | 'careerStage'
  | 'interests'
  | 'otherInterests'
  | 'hopes'
  | 'partnerPreference'
  | 'availability'
>;

export interface PoolMember {
  /** Application id. */
  id: string;
  /** The person across rounds (for "never the same partner twice"). */
  personKey: string;
  answers: MatchAnswers;
}

export interface PairConstraints {
  /** Application id pairs a coordinator ruled out. Ids outside the pool are ignored. */
  exclusions?: readonly (readonly [string, string])[];
  /** Person-key pairs who were partners in an earlier round. */
  pastPartners?: readonly (readonly [string, string])[];
}

/** Bits of `blockedWhy`. */
export const BLOCKED_BY_EXCLUSION = 1;
export const BLOCKED_BY_PAST_PARTNERSHIP = 2;
/** Two applications of one person in the same round. */
export const BLOCKED_BY_SAME_PERSON = 4;

export interface ScoringPool {
  n: number;
  members: readonly PoolMember[];
  indexOf: ReadonlyMap<string, number>;
  settings: MatchSettings;
  span: RoundSpan;
  country: Int32Array;
  interestWords: number;
  /** n × interestWords bits over INTEREST_IDS. */
  interestBits: Int32Array;
  /** Per interest: round(idf² · 1000), idf = ln(1 + N / df) (positive, so any shared interest counts). */
  interestWeight: Int32Array;
  interestIdf: Float64Array;
  /** Per person: sum of interestWeight over their interests. */
  interestNorm: Float64Array;
  text: TextVectors;
  languageCodes: string[];
  languageWords: number;
  /** n × languageWords bits: languages spoken at the working level or better. */
  workingLanguages: Int32Array;
  /** n × languageCodes.length: LANGUAGE_LEVELS index + 1, or 0. */
  languageLevel: Uint8Array;
  sector: Int32Array;
  careerStage: Int32Array;
  openToAnyone: Uint8Array;
  preferredSectors: Int32Array;
  preferredStages: Int32Array;
  profiles: AvailabilityProfile[];
  /** Largest number of regimes any profile has. */
  maxRegimes: number;
  /** The profiles flattened for the hot loop (flattenProfiles). */
  calls: FlatProfiles;
  blockedStart: Int32Array;
  blocked: Int32Array;
  blockedWhy: Uint8Array;
  minOverlapMinutes: number;
}

const INTEREST_INDEX = new Map<string, number>(INTEREST_IDS.map((id, k) => [id, k]));

/**
 * Members are indexed in ascending id order whatever order they come in. Throws MatchInputError on
 * a repeated id. Each kind of array is built by a function of its own: they run once per match run,
 * and V8 compiles a small function that got hot quickly, a large one slowly.
 */
export function prepareScoringPool(
  input: readonly PoolMember[],
  settings: MatchSettings,
  calendar: RoundCalendar,
  constraints: PairConstraints = {},
): ScoringPool {
  const members = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = members.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = members[i]!.id;
    if (indexOf.has(id)) throw new MatchInputError(`prepareScoringPool: application ${id} appears twice`);
    indexOf.set(id, i);
  }
  const span = roundSpanOf(calendar);
  const countries = new Map<string, number>();
  const country = Int32Array.from(members, (m) => idOf(countries, m.answers.countryOfResidence));
  const text = buildTextVectors(
    members.map((m) => `${m.answers.otherInterests ?? ''}\n${m.answers.hopes ?? ''}`),
  );
  // Each zone's offsets over the round, looked up once per zone rather than once per member.
  const zones = new Map<string, ZoneOverSpan>();
  const profiles = members.map((m) => {
    const { timeZone, availability } = m.answers;
    let zone = zones.get(timeZone);
    if (zone === undefined) {
      zone = describeZoneOverSpan(timeZone, span);
      zones.set(timeZone, zone);
    }
    const windows = availability.emailOnly ? [] : availability.windows;
    return buildAvailabilityProfile({ timeZone, windows }, span, zone);
  });
  const maxRegimes = profiles.reduce((most, p) => Math.max(most, p.regimes.length), 1);
  return {
    n,
    members,
    indexOf,
    settings,
    span,
    country,
    ...interestArrays(members),
    text,
    ...languageArrays(members, settings),
    ...preferenceArrays(members),
    profiles,
    maxRegimes,
    calls: flattenProfiles(profiles),
    ...blockedLists(members, indexOf, constraints),
    minOverlapMinutes: Math.round(settings.rules.minWeeklyOverlapHours * 60),
  };
}

/** Interest bitsets, IDF weights (from how many members name each interest) and per-member norms. */
function interestArrays(members: readonly PoolMember[]) {
  const n = members.length;
  const interestWords = Math.ceil(INTEREST_IDS.length / 32);
  const interestBits = new Int32Array(n * interestWords);
  const df = new Float64Array(INTEREST_IDS.length);
  for (let i = 0; i < n; i++) {
    for (const id of members[i]!.answers.interests) {
      const k = INTEREST_INDEX.get(id);
      if (k === undefined) continue;
      const word = i * interestWords + (k >> 5);
      const bit = 1 << (k & 31);
      if ((interestBits[word]! & bit) !== 0) continue; // named twice
      interestBits[word]! |= bit;
      df[k]!++;
    }
  }
  const interestIdf = Float64Array.from(df, (d) => (d > 0 ? Math.log(1 + n / d) : 0));
  const interestWeight = Int32Array.from(interestIdf, (idf) => Math.round(idf * idf * 1000));
  // Over set bits in ascending interest order; integer weights, so the sum is exact.
  const interestNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let w = 0; w < interestWords; w++) {
      let x = interestBits[i * interestWords + w]!;
      while (x !== 0) {
        const low = x & -x;
        sum += interestWeight[w * 32 + 31 - Math.clz32(low)]!;
        x ^= low;
      }
    }
    interestNorm[i] = sum;
  }
  return { interestWords, interestBits, interestWeight, interestIdf, interestNorm };
}

/** Language ids in first-seen order, working-language bitsets and the best level per language. */
function languageArrays(members: readonly PoolMember[], settings: MatchSettings) {
  const n = members.length;
  const minLevel = LANGUAGE_LEVELS.indexOf(settings.rules.workingLanguageLevel);
  const languages = new Map<string, number>();
  for (const m of members) for (const skill of m.answers.languages) idOf(languages, skill.code);
  const languageCodes = [...languages.keys()];
  const L = languageCodes.length;
  const languageWords = Math.max(1, Math.ceil(L / 32));
  const workingLanguages = new Int32Array(n * languageWords);
  const languageLevel = new Uint8Array(n * L);
  for (let i = 0; i < n; i++) {
    for (const skill of members[i]!.answers.languages) {
      const k = languages.get(skill.code)!;
      const level = LANGUAGE_LEVELS.indexOf(skill.level);
      languageLevel[i * L + k] = Math.max(languageLevel[i * L + k]!, level + 1);
      if (level >= minLevel) workingLanguages[i * languageWords + (k >> 5)]! |= 1 << (k & 31);
    }
  }
  return { languageCodes, languageWords, workingLanguages, languageLevel };
}

/** Sector and career stage indices, and each member's partner preference as masks. */
function preferenceArrays(members: readonly PoolMember[]) {
  return {
    sector: Int32Array.from(members, (m) => SECTORS.indexOf(m.answers.sector)),
    careerStage: Int32Array.from(members, (m) => CAREER_STAGES.indexOf(m.answers.careerStage)),
    openToAnyone: Uint8Array.from(members, (m) => (m.answers.partnerPreference.openToAnyone ? 1 : 0)),
    preferredSectors: Int32Array.from(members, (m) =>
      maskOf(m.answers.partnerPreference.sectors.map((s) => SECTORS.indexOf(s))),
    ),
    preferredStages: Int32Array.from(members, (m) =>
      maskOf(m.answers.partnerPreference.careerStages.map((s) => CAREER_STAGES.indexOf(s))),
    ),
  };
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

const maskOf = (bits: number[]) => bits.reduce((mask, b) => (b >= 0 ? mask | (1 << b) : mask), 0);

/** CSR lists of partners ruled out per person, sorted, each with why (a bitmask of BLOCKED_BY_*). */
function blockedLists(
  members: readonly PoolMember[],
  indexOf: ReadonlyMap<string, number>,
  constraints: PairConstraints,
) {
  const n = members.length;
  const why = new Map<number, number>();
  const add = (i: number, j: number, reason: number) => {
    if (i === j) return;
    for (const [a, b] of [
      [i, j],
      [j, i],
    ] as const) {
      const key = a * n + b;
      why.set(key, (why.get(key) ?? 0) | reason);
    }
  };
  for (const [x, y] of constraints.exclusions ?? []) {
    const i = indexOf.get(x);
    const j = indexOf.get(y);
    if (i !== undefined && j !== undefined) add(i, j, BLOCKED_BY_EXCLUSION);
  }
  const byPerson = new Map<string, number[]>();
  members.forEach((m, i) => {
    const list = byPerson.get(m.personKey);
    if (list) list.push(i);
    else byPerson.set(m.personKey, [i]);
  });
  for (const same of byPerson.values())
    for (const i of same) for (const j of same) add(i, j, BLOCKED_BY_SAME_PERSON);
  for (const [p, q] of constraints.pastPartners ?? []) {
    for (const i of byPerson.get(p) ?? [])
      for (const j of byPerson.get(q) ?? []) add(i, j, BLOCKED_BY_PAST_PARTNERSHIP);
  }
  const keys = [...why.keys()].sort((a, b) => a - b);
  const blockedStart = new Int32Array(n + 1);
  const blocked = new Int32Array(keys.length);
  const blockedWhy = new Uint8Array(keys.length);
  keys.forEach((key, k) => {
    blockedStart[Math.floor(key / n) + 1]!++;
    blocked[k] = key % n;
    blockedWhy[k] = why.get(key)!;
  });
  for (let i = 0; i < n; i++) blockedStart[i + 1]! += blockedStart[i]!;
  return { blockedStart, blocked, blockedWhy };
}
