/**
 * The fit scorer as it was written in JavaScript before the fit moved into WebAssembly
 * (src/core/scoring/wasm/pair-fits.ts): a reference the kernel is checked against, pair by pair,
 * in the unit tests. Straightforward on purpose: the rules in their order, then each part.
 */

import { type FlatProfiles, HOUR_WORDS } from '../../src/core/scoring/call-profiles';
import {
  BLOCKED_CALL_OVERLAP,
  BLOCKED_EXCLUDED,
  BLOCKED_NO_LANGUAGE,
  BLOCKED_PAST_PARTNERS,
  BLOCKED_SAME_COUNTRY,
  BLOCKED_SAME_PERSON,
  FORBIDDEN,
  PAIR_ALLOWED,
  type PairFit,
} from '../../src/core/scoring/fit-scorer';
import { FIT_PARTS, type FitPart } from '../../src/core/scoring/match-settings';
import {
  BLOCKED_BY_EXCLUSION,
  BLOCKED_BY_PAST_PARTNERSHIP,
  type ScoringPool,
} from '../../src/core/scoring/scoring-pool';
import { TEXT_SCALE_SQUARED } from '../../src/core/scoring/text-vectors';

const LEVEL_CREDIT = [0, 0.25, 0.5, 0.85, 1];

/** The reference scorer for `pool` (the FitScorer methods a test compares). */
export const createReferenceScorer = (pool: ScoringPool) => new PairScorer(pool);

class PairScorer {
  private readonly pool: ScoringPool;
  private readonly calls: FlatProfiles;
  private readonly weights: Float64Array;
  private readonly targetMinutes: number;
  private readonly oneEmailCredit: number;
  private readonly requireLanguage: boolean;
  /** The row's text vector, scattered (term id → weight). */
  private readonly dense: Int32Array;
  /** The row's ruled-out partners: blockedWhy bits by partner. */
  private readonly mark: Uint8Array;
  private readonly c = new Float64Array(FIT_PARTS.length);
  private row = -1;
  /** The guaranteed overlap of the pair verdictWith last allowed (components reads it). */
  private overlap = 0;

  constructor(pool: ScoringPool) {
    this.pool = pool;
    this.calls = pool.calls;
    this.weights = Float64Array.from(FIT_PARTS, (p) => pool.settings.weights[p]);
    this.targetMinutes = pool.settings.availability.targetWeeklyHours * 60;
    this.oneEmailCredit = pool.settings.availability.oneEmailOnlyCredit;
    this.requireLanguage = pool.settings.rules.requireSharedLanguage;
    this.dense = new Int32Array(pool.text.vocabulary.length);
    this.mark = new Uint8Array(pool.n);
  }

  setRow(i: number): void {
    if (this.row === i) return;
    const { text, blockedStart, blocked, blockedWhy } = this.pool;
    const { dense, mark } = this;
    const row = this.row;
    if (row >= 0) {
      for (let k = text.start[row]!; k < text.start[row + 1]!; k++) dense[text.term[k]!] = 0;
      for (let k = blockedStart[row]!; k < blockedStart[row + 1]!; k++) mark[blocked[k]!] = 0;
    }
    this.row = i;
    for (let k = text.start[i]!; k < text.start[i + 1]!; k++) dense[text.term[k]!] = text.weight[k]!;
    for (let k = blockedStart[i]!; k < blockedStart[i + 1]!; k++) mark[blocked[k]!] = blockedWhy[k]!;
  }

  verdictWith(j: number): number {
    const pool = this.pool;
    const i = this.row;
    if (pool.country[i] === pool.country[j]) return BLOCKED_SAME_COUNTRY;
    if (this.requireLanguage) {
      const LW = pool.languageWords;
      const working = pool.workingLanguages;
      let shared = 0;
      for (let w = 0; w < LW; w++) shared |= working[i * LW + w]! & working[j * LW + w]!;
      if (shared === 0) return BLOCKED_NO_LANGUAGE;
    }
    const why = this.mark[j]!;
    if (why !== 0) {
      return (why & BLOCKED_BY_EXCLUSION) !== 0
        ? BLOCKED_EXCLUDED
        : (why & BLOCKED_BY_PAST_PARTNERSHIP) !== 0
          ? BLOCKED_PAST_PARTNERS
          : BLOCKED_SAME_PERSON;
    }
    const calls = this.calls;
    if (calls.wantsCalls[i] !== 1 || calls.wantsCalls[j] !== 1) {
      this.overlap = 0;
      return PAIR_ALLOWED;
    }
    const least = pool.minOverlapMinutes;
    // Most pairs share too few hours of the week to reach the minimum: ruled out without the
    // merge (call-profiles.ts).
    if (!mayOverlap(calls, i, j, least)) return BLOCKED_CALL_OVERLAP;
    this.overlap = guaranteedOverlapMinutes(calls, i, j);
    return this.overlap < least ? BLOCKED_CALL_OVERLAP : PAIR_ALLOWED;
  }

  /** The parts in [0, 1] of (row, j) into this.c; this.overlap must be the pair's overlap. */
  private components(j: number): void {
    const pool = this.pool;
    const c = this.c;
    const i = this.row;
    const IW = pool.interestWords;
    const interestBits = pool.interestBits;
    const interestWeight = pool.interestWeight;
    let shared = 0;
    for (let w = 0; w < IW; w++) {
      let x = interestBits[i * IW + w]! & interestBits[j * IW + w]!;
      while (x !== 0) {
        const low = x & -x;
        shared += interestWeight[w * 32 + 31 - Math.clz32(low)]!;
        x ^= low;
      }
    }
    const norms = pool.interestNorm[i]! * pool.interestNorm[j]!;
    c[0] = norms > 0 ? shared / Math.sqrt(norms) : 0;
    c[1] = (direction(pool, i, j) + direction(pool, j, i)) / 2;
    const wantsCalls = this.calls.wantsCalls;
    const callsA = wantsCalls[i] === 1;
    const callsB = wantsCalls[j] === 1;
    c[2] =
      callsA && callsB
        ? Math.min(1, this.overlap / this.targetMinutes)
        : callsA || callsB
          ? this.oneEmailCredit
          : 1;
    const { start, term, weight } = pool.text;
    const dense = this.dense;
    let dot = 0;
    const termsEnd = start[j + 1]!;
    for (let k = start[j]!; k < termsEnd; k++) dot += dense[term[k]!]! * weight[k]!;
    c[3] = Math.min(1, dot / TEXT_SCALE_SQUARED);
    const LW = pool.languageWords;
    const L = pool.languageCodes.length;
    const working = pool.workingLanguages;
    const level = pool.languageLevel;
    let language = 0;
    for (let w = 0; w < LW; w++) {
      let x = working[i * LW + w]! & working[j * LW + w]!;
      while (x !== 0) {
        const low = x & -x;
        const k = w * 32 + 31 - Math.clz32(low);
        const credit = LEVEL_CREDIT[Math.min(level[i * L + k]!, level[j * L + k]!)]!;
        if (credit > language) language = credit;
        x ^= low;
      }
    }
    c[4] = language;
    const stage = pool.careerStage;
    c[5] = 1 - Math.abs(stage[i]! - stage[j]!) / 3;
    c[6] = pool.sector[i] === pool.sector[j] ? 1 : 0;
  }

  fitWith(j: number): number {
    if (this.verdictWith(j) !== PAIR_ALLOWED) return FORBIDDEN;
    this.components(j);
    const c = this.c;
    const weights = this.weights;
    let fit = 0;
    for (let k = 0; k < c.length; k++) fit += Math.round(weights[k]! * c[k]!);
    return fit;
  }

  partsWith(j: number): PairFit {
    const verdict = this.verdictWith(j);
    if (verdict !== PAIR_ALLOWED) this.overlap = this.overlapWith(j);
    this.components(j);
    const parts = {} as Record<FitPart, number>;
    let fit = 0;
    for (let k = 0; k < FIT_PARTS.length; k++) {
      const points = Math.round(this.weights[k]! * this.c[k]!);
      parts[FIT_PARTS[k]!] = points;
      fit += points;
    }
    return { fit, parts, guaranteedWeeklyMinutes: this.overlap, verdict };
  }

  overlapWith(j: number): number {
    const wantsCalls = this.calls.wantsCalls;
    return wantsCalls[this.row] === 1 && wantsCalls[j] === 1
      ? guaranteedOverlapMinutes(this.calls, this.row, j)
      : 0;
  }
}

/** One direction of partnerPreferences: 1 for "open to anyone", else the share of a's criteria b meets. */
function direction(pool: ScoringPool, a: number, b: number): number {
  if (pool.openToAnyone[a] === 1) return 1;
  const sectors = pool.preferredSectors[a]!;
  const stages = pool.preferredStages[a]!;
  const stated = (sectors !== 0 ? 1 : 0) + (stages !== 0 ? 1 : 0);
  if (stated === 0) return 1;
  const met = ((sectors >>> pool.sector[b]!) & 1) + ((stages >>> pool.careerStage[b]!) & 1);
  return met / stated;
}

/**
 * Whether a and b can have `minutes` of weekly overlap at all: false only when their hour masks
 * share fewer than minutes / 60 hours (then the exact overlap is below `minutes` in every period).
 */
export function mayOverlap(calls: FlatProfiles, a: number, b: number, minutes: number): boolean {
  const mask = calls.hourMask;
  const x = a * HOUR_WORDS;
  const y = b * HOUR_WORDS;
  if (minutes <= 60) {
    // One shared hour is enough for the bound (the common case: the default minimum is 1 hour).
    if (minutes <= 0) return true;
    let any = 0;
    for (let w = 0; w < HOUR_WORDS; w++) any |= mask[x + w]! & mask[y + w]!;
    return any !== 0;
  }
  let hours = 0;
  for (let w = 0; w < HOUR_WORDS; w++) hours += bitCount(mask[x + w]! & mask[y + w]!);
  return hours * 60 >= minutes;
}

const bitCount = (word: number): number => {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/**
 * The least weekly overlap of a and b over the periods of the round, in minutes
 * (weekly-overlap.ts: forEachOverlapPeriod and overlapMinutesOfRegimes, on the flat arrays).
 */
export function guaranteedOverlapMinutes(calls: FlatProfiles, a: number, b: number): number {
  const { regimeStart, regimeFromMs, intervalStart, starts, ends } = calls;
  let ra = regimeStart[a]!;
  const aEnd = regimeStart[a + 1]!;
  let rb = regimeStart[b]!;
  const bEnd = regimeStart[b + 1]!;
  let least = Number.POSITIVE_INFINITY;
  for (;;) {
    let x = intervalStart[ra]!;
    const xEnd = intervalStart[ra + 1]!;
    let y = intervalStart[rb]!;
    const yEnd = intervalStart[rb + 1]!;
    let minutes = 0;
    while (x < xEnd && y < yEnd) {
      const ex = ends[x]!;
      const ey = ends[y]!;
      const start = Math.max(starts[x]!, starts[y]!);
      const end = Math.min(ex, ey);
      if (end > start) minutes += end - start;
      if (ex < ey) x++;
      else y++;
    }
    if (minutes < least) least = minutes;
    const nextA = ra + 1 < aEnd ? regimeFromMs[ra + 1]! : Number.POSITIVE_INFINITY;
    const nextB = rb + 1 < bEnd ? regimeFromMs[rb + 1]! : Number.POSITIVE_INFINITY;
    if (nextA === Number.POSITIVE_INFINITY && nextB === Number.POSITIVE_INFINITY) return least;
    if (nextA <= nextB) ra++;
    if (nextB <= nextA) rb++;
  }
}
