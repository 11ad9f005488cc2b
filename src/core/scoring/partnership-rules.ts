/**
 * The rules no partnership may break, as codes with parameters (the web layer words them):
 *
 *  - `same-country`: partners live in different countries;
 *  - `no-shared-working-language` (when the round requires it): both speak one language at the
 *    round's working level or better (conversational by default);
 *  - `excluded-by-coordinator`: a coordinator ruled the pair out;
 *  - `past-partners`: they were partners in an earlier round;
 *  - `same-person`: two applications of one person;
 *  - `too-little-call-overlap`: when both want calls, their guaranteed weekly overlap over the
 *    round's real dates is at least the round's minimum;
 *  - and, for a whole partnership (matchmaking/check-partnership.ts): two or three people, each
 *    an accepted application of the round, none listed twice.
 *
 * fit-scorer.ts checks the pair rules in the solver's hot loop (first failing rule only); this
 * module lists every rule a pair breaks, for warnings and for the checks of a finished run.
 */

import type { FitScorer } from './fit-scorer';
import {
  BLOCKED_BY_EXCLUSION,
  BLOCKED_BY_PAST_PARTNERSHIP,
  BLOCKED_BY_SAME_PERSON,
  type ScoringPool,
} from './scoring-pool';

export const RULE_CODES = [
  'same-country',
  'no-shared-working-language',
  'excluded-by-coordinator',
  'past-partners',
  'same-person',
  'too-little-call-overlap',
  'partnership-size',
  'application-repeated',
  'application-unknown',
  'application-not-accepted',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RuleBreach {
  code: RuleCode;
  /** The applications the breach concerns. */
  applicationIds: string[];
  params: Record<string, string | number>;
}

/** Every pair rule (i, j) breaks, in RULE_CODES order. */
export function listPairBreaches(pool: ScoringPool, scorer: FitScorer, i: number, j: number): RuleBreach[] {
  const ids = [pool.members[i]!.id, pool.members[j]!.id].sort();
  const breaches: RuleBreach[] = [];
  const add = (code: RuleCode, params: Record<string, string | number> = {}) =>
    breaches.push({ code, applicationIds: ids, params });
  if (pool.country[i] === pool.country[j]) {
    add('same-country', { country: pool.members[i]!.answers.countryOfResidence });
  }
  if (pool.settings.rules.requireSharedLanguage) {
    let shared = 0;
    const LW = pool.languageWords;
    for (let w = 0; w < LW; w++)
      shared |= pool.workingLanguages[i * LW + w]! & pool.workingLanguages[j * LW + w]!;
    if (shared === 0)
      add('no-shared-working-language', { workingLevel: pool.settings.rules.workingLanguageLevel });
  }
  for (let k = pool.blockedStart[i]!; k < pool.blockedStart[i + 1]!; k++) {
    if (pool.blocked[k] !== j) continue;
    const why = pool.blockedWhy[k]!;
    if ((why & BLOCKED_BY_EXCLUSION) !== 0) add('excluded-by-coordinator');
    if ((why & BLOCKED_BY_PAST_PARTNERSHIP) !== 0) add('past-partners');
    if ((why & BLOCKED_BY_SAME_PERSON) !== 0) add('same-person');
  }
  if (pool.calls.wantsCalls[i] === 1 && pool.calls.wantsCalls[j] === 1) {
    scorer.setRow(Math.min(i, j));
    const minutes = scorer.overlapWith(Math.max(i, j));
    if (minutes < pool.minOverlapMinutes) {
      add('too-little-call-overlap', { guaranteedMinutes: minutes, requiredMinutes: pool.minOverlapMinutes });
    }
  }
  return breaches;
}
