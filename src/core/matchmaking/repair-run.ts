/**
 * Repair during a round: some participants withdrew or went quiet, and a few applicants were
 * admitted late. Every partnership that still has two members stays exactly as it is (a trio that
 * lost one member goes on as a pair); the people left without a partner are matched among
 * themselves and with the newcomers by an ordinary match run over just them, under the round's
 * rules, exclusions and past partners.
 */
import { MatchInputError } from '../scoring/errors';
import { computeMatchRun } from './compute-match-run';
import type { MatchRun } from './match-run';
import type { MatchSnapshot } from './match-snapshot';

export interface RepairInput {
  /** The round: its applications must include every active participant and every newcomer. */
  snapshot: MatchSnapshot;
  /** The partnerships running now (application ids). */
  activePartnerships: readonly (readonly string[])[];
  /** Participants who withdrew or are inactive. */
  inactive: readonly string[];
  /** Newly admitted applications to place. */
  newcomers: readonly string[];
}

export interface RepairResult {
  /** Running partnerships left as they were (minus inactive members), sorted. */
  kept: string[][];
  /** Participants whose partners all left. */
  orphans: string[];
  /** The match run over orphans and newcomers: its partnerships are the new ones. */
  run: MatchRun;
}

export function repairMatches(input: RepairInput): RepairResult {
  const inactive = new Set(input.inactive);
  const kept: string[][] = [];
  const orphans: string[] = [];
  for (const partnership of input.activePartnerships) {
    const staying = partnership.filter((id) => !inactive.has(id)).sort();
    if (staying.length >= 2) kept.push(staying);
    else orphans.push(...staying);
  }
  const toPlace = new Set([...orphans, ...input.newcomers.filter((id) => !inactive.has(id))]);
  const placedAlready = kept.flat().filter((id) => toPlace.has(id));
  if (placedAlready.length > 0) {
    throw new MatchInputError(
      `repairMatches: newcomer ${placedAlready[0]} is already in a running partnership`,
    );
  }
  const applications = input.snapshot.applications.filter((a) => toPlace.has(a.id));
  const missing = [...toPlace].filter((id) => !applications.some((a) => a.id === id));
  if (missing.length > 0)
    throw new MatchInputError(`repairMatches: application ${missing[0]} is not in the snapshot`);
  const run = computeMatchRun({
    ...input.snapshot,
    applications,
    locks: input.snapshot.locks.filter((lock) => lock.every((id) => toPlace.has(id))),
  });
  return {
    kept: kept.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    orphans: orphans.sort(),
    run,
  };
}
