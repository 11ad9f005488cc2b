/**
 * The fit of two applicants and whether the rules allow them together, evaluated row by row: a
 * scorer is set to one person (the row) and then asked about others. Setting a row scatters that
 * person's text vector into a dense array and marks their ruled-out partners, so each pair then
 * costs O(terms of the other + intervals of both per period + set bits) with no allocation. The fit of (i, j) is always computed with the lower
 * index as the row; every part is an exact function of both sides (integer dot products, products
 * that commute), so the fit is symmetric, and the same whichever path computes it.
 *
 * Parts (each in [0, 1], times its weight, rounded to whole points; the fit is their sum):
 *  - sharedInterests: IDF-weighted cosine of the interest sets, Σ_shared w_t / √(Σ_a w_t · Σ_b w_t),
 *    w_t = idf_t²;
 *  - partnerPreferences: mean of the two directions; a direction is 1 for "open to anyone", else
 *    the share of the stated criteria (sector, career stage) the other meets;
 *  - availability: both want calls: min(1, guaranteed weekly overlap / target); one prefers email:
 *    the one-email-only credit; both prefer email: 1;
 *  - freeText: TF-IDF cosine of "other interests" and "hopes" (text-vectors.ts);
 *  - languages: over shared working languages, the best min(credit_a, credit_b), credits by level
 *    basic 0.25, conversational 0.5, fluent 0.85, native 1;
 *  - careerStage: 1 − |stage_a − stage_b| / 3 over student, early, mid, late;
 *  - sector: 1 when the same sector.
 */

import { FIT_PARTS, type FitPart } from './match-settings';
import { BLOCKED_BY_EXCLUSION, BLOCKED_BY_PAST_PARTNERSHIP, type ScoringPool } from './scoring-pool';
import { TEXT_SCALE_SQUARED } from './text-vectors';

/** fitWith's answer for a pair the rules do not allow. */
export const FORBIDDEN = -1;

/** Why fitWith refused a pair (the first rule that failed, in this order). */
export const PAIR_ALLOWED = 0;
export const BLOCKED_SAME_COUNTRY = 1;
export const BLOCKED_NO_LANGUAGE = 2;
export const BLOCKED_EXCLUDED = 3;
export const BLOCKED_PAST_PARTNERS = 4;
export const BLOCKED_SAME_PERSON = 5;
export const BLOCKED_CALL_OVERLAP = 6;

const LEVEL_CREDIT = [0, 0.25, 0.5, 0.85, 1];

export interface PairFit {
  fit: number;
  parts: Record<FitPart, number>;
  /** Guaranteed weekly overlap in minutes (0 unless both want calls). */
  guaranteedWeeklyMinutes: number;
  /** PAIR_ALLOWED or the first BLOCKED_* code. */
  verdict: number;
}

export interface FitScorer {
  setRow(i: number): void;
  /** Fit points of (row, j), or FORBIDDEN. */
  fitWith(j: number): number;
  /** PAIR_ALLOWED or the first rule (BLOCKED_*) that rules (row, j) out. */
  verdictWith(j: number): number;
  /** The guaranteed weekly overlap of (row, j) in minutes, 0 unless both want calls. */
  overlapWith(j: number): number;
  /** The fit with its parts, computed even when a rule rules the pair out. */
  partsWith(j: number): PairFit;
}

export function createFitScorer(pool: ScoringPool): FitScorer {
  const { country, interestWords: IW, interestBits, interestWeight, interestNorm, text } = pool;
  const { languageWords: LW, workingLanguages, languageLevel, blockedStart, blocked, blockedWhy } = pool;
  const calls = pool.calls;
  const wantsCalls = calls.wantsCalls;
  const { sector, careerStage, openToAnyone, preferredSectors, preferredStages, minOverlapMinutes } = pool;
  const L = pool.languageCodes.length;
  const requireLanguage = pool.settings.rules.requireSharedLanguage;
  const weights = Float64Array.from(FIT_PARTS, (p) => pool.settings.weights[p]);
  const targetMinutes = pool.settings.availability.targetWeeklyHours * 60;
  const oneEmailCredit = pool.settings.availability.oneEmailOnlyCredit;
  const { start: textStart, term: textTerm, weight: textWeight } = text;
  const dense = new Int32Array(text.vocabulary.length);
  const mark = new Uint8Array(pool.n);
  const c = new Float64Array(FIT_PARTS.length);
  let row = -1;
  let overlap = 0;

  function setRow(i: number): void {
    if (row === i) return;
    if (row >= 0) {
      for (let k = text.start[row]!; k < text.start[row + 1]!; k++) dense[text.term[k]!] = 0;
      for (let k = blockedStart[row]!; k < blockedStart[row + 1]!; k++) mark[blocked[k]!] = 0;
    }
    row = i;
    for (let k = text.start[i]!; k < text.start[i + 1]!; k++) dense[text.term[k]!] = text.weight[k]!;
    for (let k = blockedStart[i]!; k < blockedStart[i + 1]!; k++) mark[blocked[k]!] = blockedWhy[k]!;
  }

  /**
   * min over the pair's periods of the weekly overlap (weekly-overlap.ts: forEachOverlapPeriod and
   * overlapMinutesOfRegimes, here on the flat arrays).
   */
  function guaranteedOverlap(j: number): number {
    const { regimeStart, regimeFromMs, intervalStart, starts, ends } = calls;
    let ra = regimeStart[row]!;
    const aEnd = regimeStart[row + 1]!;
    let rb = regimeStart[j]!;
    const bEnd = regimeStart[j + 1]!;
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

  function verdictWith(j: number): number {
    if (country[row] === country[j]) return BLOCKED_SAME_COUNTRY;
    if (requireLanguage) {
      let shared = 0;
      for (let w = 0; w < LW; w++) shared |= workingLanguages[row * LW + w]! & workingLanguages[j * LW + w]!;
      if (shared === 0) return BLOCKED_NO_LANGUAGE;
    }
    const why = mark[j]!;
    if (why !== 0) {
      return (why & BLOCKED_BY_EXCLUSION) !== 0
        ? BLOCKED_EXCLUDED
        : (why & BLOCKED_BY_PAST_PARTNERSHIP) !== 0
          ? BLOCKED_PAST_PARTNERS
          : BLOCKED_SAME_PERSON;
    }
    const bothCall = wantsCalls[row] === 1 && wantsCalls[j] === 1;
    overlap = bothCall ? guaranteedOverlap(j) : 0;
    if (bothCall && overlap < minOverlapMinutes) return BLOCKED_CALL_OVERLAP;
    return PAIR_ALLOWED;
  }

  function components(j: number): void {
    const i = row;
    let shared = 0;
    for (let w = 0; w < IW; w++) {
      let x = interestBits[i * IW + w]! & interestBits[j * IW + w]!;
      while (x !== 0) {
        const low = x & -x;
        shared += interestWeight[w * 32 + 31 - Math.clz32(low)]!;
        x ^= low;
      }
    }
    const norms = interestNorm[i]! * interestNorm[j]!;
    c[0] = norms > 0 ? shared / Math.sqrt(norms) : 0;
    c[1] = (direction(i, j) + direction(j, i)) / 2;
    const callsA = wantsCalls[i] === 1;
    const callsB = wantsCalls[j] === 1;
    c[2] = callsA && callsB ? Math.min(1, overlap / targetMinutes) : callsA || callsB ? oneEmailCredit : 1;
    let dot = 0;
    const termsEnd = textStart[j + 1]!;
    for (let k = textStart[j]!; k < termsEnd; k++) dot += dense[textTerm[k]!]! * textWeight[k]!;
    c[3] = Math.min(1, dot / TEXT_SCALE_SQUARED);
    let language = 0;
    for (let w = 0; w < LW; w++) {
      let x = workingLanguages[i * LW + w]! & workingLanguages[j * LW + w]!;
      while (x !== 0) {
        const low = x & -x;
        const k = w * 32 + 31 - Math.clz32(low);
        const credit = LEVEL_CREDIT[Math.min(languageLevel[i * L + k]!, languageLevel[j * L + k]!)]!;
        if (credit > language) language = credit;
        x ^= low;
      }
    }
    c[4] = language;
    c[5] = 1 - Math.abs(careerStage[i]! - careerStage[j]!) / 3;
    c[6] = sector[i] === sector[j] ? 1 : 0;
  }

  function direction(a: number, b: number): number {
    if (openToAnyone[a] === 1) return 1;
    const sectors = preferredSectors[a]!;
    const stages = preferredStages[a]!;
    const stated = (sectors !== 0 ? 1 : 0) + (stages !== 0 ? 1 : 0);
    if (stated === 0) return 1;
    const met = ((sectors >>> sector[b]!) & 1) + ((stages >>> careerStage[b]!) & 1);
    return met / stated;
  }

  function fitWith(j: number): number {
    if (verdictWith(j) !== PAIR_ALLOWED) return FORBIDDEN;
    components(j);
    let fit = 0;
    for (let k = 0; k < c.length; k++) fit += Math.round(weights[k]! * c[k]!);
    return fit;
  }

  function partsWith(j: number): PairFit {
    const verdict = verdictWith(j);
    if (verdict !== PAIR_ALLOWED && verdict !== BLOCKED_CALL_OVERLAP) {
      const both = wantsCalls[row] === 1 && wantsCalls[j] === 1;
      overlap = both ? guaranteedOverlap(j) : 0;
    }
    components(j);
    const parts = {} as Record<FitPart, number>;
    let fit = 0;
    FIT_PARTS.forEach((part, k) => {
      parts[part] = Math.round(weights[k]! * c[k]!);
      fit += parts[part];
    });
    return { fit, parts, guaranteedWeeklyMinutes: overlap, verdict };
  }

  function overlapWith(j: number): number {
    return wantsCalls[row] === 1 && wantsCalls[j] === 1 ? guaranteedOverlap(j) : 0;
  }

  return { setRow, fitWith, verdictWith, overlapWith, partsWith };
}

/** The fit of (i, j) with its parts, row set to the lower index (so it equals what the run used). */
export function scorePair(scorer: FitScorer, i: number, j: number): PairFit {
  scorer.setRow(Math.min(i, j));
  return scorer.partsWith(Math.max(i, j));
}
