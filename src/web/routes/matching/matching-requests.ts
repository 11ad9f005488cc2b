import type { Context } from 'hono';
import type { FieldProblem } from '../../../core/errors';
import { translateProblems } from '../../../i18n/problems';
import { partnershipKey } from '../../../services/matching/match-board';
import type { AppEnv } from '../../env';
import { matchingPath, partnershipAnchor } from '../../views/matching/matching-paths';
import { namesOf, type People } from '../../views/matching/matching-words';

/** Reading the matching pages' forms, and where to go back to after an action. */

/** The posted `applicationIds` (repeated hidden fields), as strings; at most a few are meaningful. */
export const readIds = (body: Record<string, unknown>): string[] =>
  ([] as unknown[])
    .concat(body.applicationIds ?? [])
    .filter((id): id is string => typeof id === 'string')
    .slice(0, 10);

export const readText = (body: Record<string, unknown>, name: string, max = 10_000): string =>
  typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '';

/**
 * The page an action came from, if it is one of this round's matching pages; otherwise the board.
 * Only a path of ours is ever followed (never another site, never a header break).
 */
export const safeBack = (roundId: string, back: unknown): string => {
  const base = matchingPath(roundId);
  if (typeof back !== 'string' || back.length > 1000 || /[\s\\]/.test(back)) return base;
  if (back === base || back.startsWith(`${base}?`) || back.startsWith(`${base}/partnerships/`)) return back;
  return base;
};

/** Back to the board at the partnership acted on (its own page needs no anchor). */
export const backToPartnership = (
  roundId: string,
  back: unknown,
  applicationIds: readonly string[],
): string => {
  const path = safeBack(roundId, back);
  return path.includes('/partnerships/') || applicationIds.length === 0
    ? path
    : `${path}#${partnershipAnchor(partnershipKey(applicationIds))}`;
};

/** Field problems whose `applications` parameter names application ids, with the people's names instead. */
export const translateNamedProblems = (
  c: Context<AppEnv>,
  problems: readonly FieldProblem[],
  people: People,
) =>
  translateProblems(
    c.get('t'),
    problems.map((problem) => {
      const ids = problem.params?.applications;
      return typeof ids === 'string'
        ? {
            ...problem,
            params: { ...problem.params, applications: namesOf(c.get('locale'), people, ids.split(', ')) },
          }
        : problem;
    }),
  );
