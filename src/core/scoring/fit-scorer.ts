/**
 * The fit of two applicants and whether the rules allow them together, evaluated row by row: a
 * scorer is set to one person (the row) and then asked about others. Setting a row scatters that
 * person's text vector into a dense array and marks their ruled-out partners, so each pair then
 * costs O(terms of the other + set bits), plus, when both want calls and their hours of the week
 * meet, O(intervals of both per period) for the overlap, with no allocation. The fit of (i, j) is
 * always computed with the lower index as the row; every part is an exact function of both sides (integer dot products, products
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

import { type FlatProfiles, guaranteedOverlapMinutes, mayOverlap } from './call-profiles';
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
  return new PairScorer(pool);
}

/**
 * FitScorer as a class: its methods are the same functions for every pool, so the optimised code of
 * the loops that call them (the fit table, unmatched reasons) stays valid from one run to the next
 * (closures made per pool deoptimised those loops at every new run). Fields are read once per call
 * into locals where a loop uses them.
 */
class PairScorer implements FitScorer {
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

/** The fit of (i, j) with its parts, row set to the lower index (so it equals what the run used). */
export function scorePair(scorer: FitScorer, i: number, j: number): PairFit {
  scorer.setRow(Math.min(i, j));
  return scorer.partsWith(Math.max(i, j));
}
