import type { RoundStatus } from '../../../core/rounds';

/** Rounds whose matching board is worth opening: from the close of applications on. */
export const hasMatchingBoard = (status: RoundStatus | string): boolean =>
  status === 'closed' || status === 'matching' || status === 'under-way' || status === 'finished';

/** Where the matching pages live, under a round. */
export const matchingPath = (roundId: string): string =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/matching`;

/** A partnership's key in a URL: its sorted application ids joined by `+` (services' partnershipKey). */
export const partnershipPath = (roundId: string, key: string, runId?: string): string =>
  `${matchingPath(roundId)}/partnerships/${encodeURIComponent(key)}${
    runId ? `?run=${encodeURIComponent(runId)}` : ''
  }`;

/** The id an element of a partnership gets on the board (for links back to it). */
export const partnershipAnchor = (key: string): string =>
  `partnership-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

export const comparePath = (roundId: string, beforeRunId?: string, afterRunId?: string): string => {
  const params = new URLSearchParams();
  if (beforeRunId) params.set('before', beforeRunId);
  if (afterRunId) params.set('after', afterRunId);
  const query = params.toString();
  return `${matchingPath(roundId)}/compare${query ? `?${query}` : ''}`;
};

/** The pair-by-hand page, with people (and the countries to list) already chosen. */
export const pairPath = (roundId: string, chosen: Record<string, string | undefined> = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(chosen)) if (value) params.set(name, value);
  const query = params.toString();
  return `${matchingPath(roundId)}/pair${query ? `?${query}` : ''}`;
};
