/**
 * What every matchmaking function derives from a snapshot first: applications by id, the accepted
 * ones as a scoring pool (the only ones matched), a scorer over it and, when asked for, the fit of
 * every pair. Kept per snapshot object (a WeakMap), so computing a run and then explaining it or
 * exporting its graph prepares the round once: a snapshot is a value and must not be changed
 * after it is passed in.
 */
import { MatchInputError } from '../scoring/errors';
import { type FitScorer, scorePair } from '../scoring/fit-scorer';
import { buildPairFitTable, type KernelSweep, type PairFitTable } from '../scoring/pair-fit-table';
import { listPairBreaches, type RuleBreach } from '../scoring/partnership-rules';
import { prepareScoringPool, type ScoringPool } from '../scoring/scoring-pool';
import { createFitScorer } from '../scoring/wasm-fit-scorer';
import type { Partnership } from './match-run';
import { type MatchApplication, type MatchSnapshot, toPoolMember } from './match-snapshot';

export interface MatchContext {
  snapshot: MatchSnapshot;
  /** The fit of every pair, built on first use (fitTableOf). */
  table?: PairFitTable;
  /** Every application by id. */
  applications: ReadonlyMap<string, MatchApplication>;
  pool: ScoringPool;
  scorer: FitScorer;
}

/** `only`: build the pool from these application ids alone (rules do not depend on the rest of the round). */
const contexts = new WeakMap<MatchSnapshot, MatchContext>();

export function prepareMatchContext(snapshot: MatchSnapshot, only?: readonly string[]): MatchContext {
  const kept = only === undefined ? contexts.get(snapshot) : undefined;
  if (kept !== undefined) return kept;
  const applications = new Map<string, MatchApplication>();
  for (const application of snapshot.applications) {
    if (applications.has(application.id)) {
      throw new MatchInputError(`match run: application ${application.id} appears twice in the snapshot`);
    }
    applications.set(application.id, application);
  }
  const wanted = only === undefined ? undefined : new Set(only);
  const accepted = [...applications.values()].filter(
    (a) => a.status === 'accepted' && (wanted === undefined || wanted.has(a.id)),
  );
  const pool = prepareScoringPool(accepted.map(toPoolMember), snapshot.settings, snapshot.round, {
    exclusions: snapshot.exclusions,
    pastPartners: snapshot.pastPartners,
  });
  const context: MatchContext = { snapshot, applications, pool, scorer: createFitScorer(pool) };
  if (only === undefined) contexts.set(snapshot, context);
  return context;
}

/** The context's fit table, built on first use (then with `sweep`'s candidate lists, if given). */
export function fitTableOf(context: MatchContext, sweep?: KernelSweep): PairFitTable {
  context.table ??= buildPairFitTable(context.pool, sweep, context.scorer);
  return context.table;
}

/**
 * Every rule the group breaks: its size, unknown, repeated or not accepted applications, and
 * each pair's rules (partnership-rules.ts). Empty when the group may be a partnership.
 */
export function listGroupBreaches(context: MatchContext, applicationIds: readonly string[]): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const ids = [...applicationIds];
  if (ids.length < 2 || ids.length > 3) {
    breaches.push({
      code: 'partnership-size',
      applicationIds: [...ids].sort(),
      params: { size: ids.length },
    });
  }
  const seen = new Set<string>();
  const indices: number[] = [];
  for (const id of ids) {
    if (seen.has(id)) {
      breaches.push({ code: 'application-repeated', applicationIds: [id], params: {} });
      continue;
    }
    seen.add(id);
    const application = context.applications.get(id);
    if (application === undefined) {
      breaches.push({ code: 'application-unknown', applicationIds: [id], params: {} });
    } else if (application.status !== 'accepted') {
      breaches.push({
        code: 'application-not-accepted',
        applicationIds: [id],
        params: { status: application.status },
      });
    } else {
      indices.push(context.pool.indexOf.get(id)!);
    }
  }
  indices.sort((a, b) => a - b);
  for (let x = 0; x < indices.length; x++) {
    for (let y = x + 1; y < indices.length; y++) {
      breaches.push(...listPairBreaches(context.pool, context.scorer, indices[x]!, indices[y]!));
    }
  }
  return breaches;
}

/** A partnership of pool indices with every partner pair's fit and parts. */
export function buildPartnership(
  context: MatchContext,
  indices: readonly number[],
  source: Partnership['source'],
): Partnership {
  const sorted = [...indices].sort((a, b) => a - b);
  const idOf = (i: number) => context.pool.members[i]!.id;
  const pairs: Partnership['pairs'] = [];
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < sorted.length; y++) {
      const { fit, parts, guaranteedWeeklyMinutes } = scorePair(context.scorer, sorted[x]!, sorted[y]!);
      const calls = context.pool.calls.wantsCalls[sorted[x]!]! + context.pool.calls.wantsCalls[sorted[y]!]!;
      pairs.push({
        applicationIds: [idOf(sorted[x]!), idOf(sorted[y]!)],
        fit,
        parts,
        guaranteedWeeklyMinutes,
        callMode: calls === 2 ? 'both-calls' : calls === 1 ? 'one-email-only' : 'both-email-only',
      });
    }
  }
  const fit = Math.round(pairs.reduce((sum, p) => sum + p.fit, 0) / pairs.length);
  return { applicationIds: sorted.map(idOf), source, fit, pairs };
}
