/**
 * What a partnership's explanation shows, as data (the web layer words it in the reader's
 * language): for every two partners, the fit and its parts, the shared interests (rarest first),
 * the free-text terms contributing most to their text similarity, each one's partner preference
 * as met by the other, the languages they share with both levels, the call overlap per period of
 * the round with the shared windows in both local times, and their sectors and career stages.
 */

import { INTEREST_IDS } from '../applications/interest-taxonomy';
import type { CareerStage, LanguageLevel, Sector } from '../applications/labels';
import { scorePair } from '../scoring/fit-scorer';
import type { FitPart } from '../scoring/match-settings';
import type { MatchAnswers } from '../scoring/scoring-pool';
import { describeProfileOverlap, type WeeklyOverlap } from '../time/overlap-periods';
import { type MatchContext, prepareMatchContext } from './match-context';
import type { MatchSnapshot } from './match-snapshot';

export type CriterionCheck = 'met' | 'not-met' | 'no-preference';

export interface PreferenceCheck {
  openToAnyone: boolean;
  sector: CriterionCheck;
  careerStage: CriterionCheck;
}

export interface PairExplanation {
  applicationIds: [string, string];
  fit: number;
  parts: Record<FitPart, number>;
  /** Shared interest ids with their rarity in the round (idf, 2 decimals), rarest first. */
  sharedInterests: { interestId: string; rarity: number }[];
  /** Up to five shared free-text terms by contribution, as first written in the round. */
  sharedTerms: { term: string; surface: string }[];
  /** [first's preference as met by the second, second's as met by the first]. */
  preferences: [PreferenceCheck, PreferenceCheck];
  sharedLanguages: { code: string; levels: [LanguageLevel, LanguageLevel] }[];
  overlap: WeeklyOverlap;
  timeZones: [string, string];
  sectors: [Sector, Sector];
  careerStages: [CareerStage, CareerStage];
}

export interface PartnershipExplanation {
  applicationIds: string[];
  pairs: PairExplanation[];
}

/** One explanation per group of application ids (accepted applications of the snapshot). */
export function explainPartnerships(
  snapshot: MatchSnapshot,
  groups: readonly (readonly string[])[],
): PartnershipExplanation[] {
  const context = prepareMatchContext(snapshot);
  return groups.map((ids) => {
    const indices = ids.map((id) => {
      const i = context.pool.indexOf.get(id);
      if (i === undefined) throw new RangeError(`explainPartnerships: ${id} is not an accepted application`);
      return i;
    });
    indices.sort((a, b) => a - b);
    const pairs: PairExplanation[] = [];
    for (let x = 0; x < indices.length; x++) {
      for (let y = x + 1; y < indices.length; y++) pairs.push(explainPair(context, indices[x]!, indices[y]!));
    }
    return { applicationIds: indices.map((i) => context.pool.members[i]!.id), pairs };
  });
}

function explainPair(context: MatchContext, i: number, j: number): PairExplanation {
  const { pool } = context;
  const a = pool.members[i]!.answers;
  const b = pool.members[j]!.answers;
  const { fit, parts } = scorePair(context.scorer, i, j);
  const levelOf = (answers: MatchAnswers, code: string) =>
    answers.languages.find((l) => l.code === code)?.level;
  const sharedLanguages = a.languages
    .map((l) => l.code)
    .filter((code) => levelOf(b, code) !== undefined)
    .sort()
    .map((code) => ({
      code,
      levels: [levelOf(a, code)!, levelOf(b, code)!] as [LanguageLevel, LanguageLevel],
    }));
  return {
    applicationIds: [pool.members[i]!.id, pool.members[j]!.id],
    fit,
    parts,
    sharedInterests: sharedInterestsOf(context, i, j),
    sharedTerms: topSharedTerms(context, i, j),
    preferences: [checkPreference(a, b), checkPreference(b, a)],
    sharedLanguages,
    overlap: describeProfileOverlap(pool.profiles[i]!, pool.profiles[j]!, pool.span),
    timeZones: [a.timeZone, b.timeZone],
    sectors: [a.sector, b.sector],
    careerStages: [a.careerStage, b.careerStage],
  };
}

/** The taxonomy interests both named (the pool's bitsets), rarest first, then by id. */
function sharedInterestsOf(context: MatchContext, i: number, j: number) {
  const { interestBits, interestWords: IW, interestIdf } = context.pool;
  const shared: { interestId: string; rarity: number }[] = [];
  for (let w = 0; w < IW; w++) {
    let x = interestBits[i * IW + w]! & interestBits[j * IW + w]!;
    while (x !== 0) {
      const low = x & -x;
      const k = w * 32 + 31 - Math.clz32(low);
      shared.push({ interestId: INTEREST_IDS[k]!, rarity: Math.round(interestIdf[k]! * 100) / 100 });
      x ^= low;
    }
  }
  return shared.sort((x, y) => y.rarity - x.rarity || (x.interestId < y.interestId ? -1 : 1));
}

/**
 * Up to five terms both texts share, by contribution to their similarity (then term id). Both
 * vectors are sorted by term id, so they are intersected by a merge.
 */
function topSharedTerms(context: MatchContext, i: number, j: number) {
  const { start, term, weight, vocabulary } = context.pool.text;
  const shared: [number, number][] = [];
  let x = start[i]!;
  let y = start[j]!;
  const xEnd = start[i + 1]!;
  const yEnd = start[j + 1]!;
  while (x < xEnd && y < yEnd) {
    const tx = term[x]!;
    const ty = term[y]!;
    if (tx < ty) x++;
    else if (ty < tx) y++;
    else shared.push([tx, weight[x++]! * weight[y++]!]);
  }
  return shared
    .sort((p, q) => q[1] - p[1] || p[0] - q[0])
    .slice(0, 5)
    .map(([t]) => ({ term: vocabulary[t]!.term, surface: vocabulary[t]!.surface }));
}

function checkPreference(wants: MatchAnswers, other: MatchAnswers): PreferenceCheck {
  const { openToAnyone, sectors, careerStages } = wants.partnerPreference;
  const check = (list: readonly string[], value: string): CriterionCheck =>
    openToAnyone || list.length === 0 ? 'no-preference' : list.includes(value) ? 'met' : 'not-met';
  return {
    openToAnyone,
    sector: check(sectors, other.sector),
    careerStage: check(careerStages, other.careerStage),
  };
}
