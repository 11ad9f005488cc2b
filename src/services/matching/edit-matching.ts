import { DomainError, invalidInput } from '../../core/errors';
import { checkPartnership } from '../../core/matchmaking';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { RuleBreach } from '../../core/scoring/partnership-rules';
import { assertCoordinator, assertProgramCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { buildMatchSnapshot } from './match-snapshot';
import { assertMatchable } from './run-matching';

/**
 * What coordinators fix between runs. A lock keeps a partnership as it is in every later run; an
 * exclusion keeps two people apart (breaking a proposed partnership excludes its pairs); a
 * partnership made by hand is a lock, refused when it would break a rule, with the rules named.
 * None of this changes a run already made: it counts from the next run.
 */
const MAX_COMMENT = 2000;

const normaliseIds = (ids: readonly string[]): string[] =>
  [...new Set(ids.map((id) => id.trim()))].filter(Boolean).sort();

const loadMatchableRound = async (deps: UseCaseDeps, roundId: string) => {
  const round = await deps.store.rounds.getRound(roundId);
  assertMatchable(round);
  return round;
};

/** The rules a partnership of these applications would break (empty when it may stand). */
export const checkHandMadePartnership = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; applicationIds: string[] },
): Promise<RuleBreach[]> => {
  assertProgramCoordinator(input.viewer, 'pair people by hand');
  const round = await deps.store.rounds.getRound(input.roundId);
  const { snapshot } = await buildMatchSnapshot(deps.store, round, 'total-fit');
  return checkPartnership(snapshot, normaliseIds(input.applicationIds));
};

/**
 * Keeps two or three people together in every later run. A partnership made by hand goes through
 * here too: when it breaks a rule it is refused (CONFLICT, the breaches in the error's details), so
 * no rule is ever broken silently.
 */
export const lockPartnership = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; applicationIds: string[] },
): Promise<{ locked: boolean }> => {
  const viewer = assertProgramCoordinator(input.viewer, 'lock a partnership');
  const round = await loadMatchableRound(deps, input.roundId);
  const ids = normaliseIds(input.applicationIds);
  const { snapshot } = await buildMatchSnapshot(deps.store, round, 'total-fit');
  const breaches = checkPartnership(snapshot, ids);
  // Someone kept with other people already: a run would reject one of the two locks, so say it now.
  const locked = snapshot.locks.filter(
    (lock) => lock.join('+') !== ids.join('+') && lock.some((id) => ids.includes(id)),
  );
  if (breaches.length === 0 && locked.length > 0) {
    throw invalidInput(
      locked.map((lock) => ({
        field: 'applicationIds',
        code: 'match.alreadyLocked',
        params: { applications: lock.filter((id) => ids.includes(id)).join(', ') },
      })),
      { roundId: round.id },
    );
  }
  if (breaches.length > 0) {
    throw invalidInput(
      breaches.map((breach) => ({
        field: 'applicationIds',
        code: `matchRule.${breach.code}`,
        params: { ...breach.params, applications: breach.applicationIds.join(', ') },
      })),
      { roundId: round.id },
    );
  }
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const locked = await store.matching.insertLock(
      { id: deps.ids.newId(), roundId: round.id, applicationIds: ids, createdByPersonId: actorIdOf(viewer) },
      now,
    );
    if (locked) {
      await store.audit.record(
        {
          actorPersonId: actorIdOf(viewer),
          action: 'match.locked',
          subjectType: 'round',
          subjectId: round.id,
          details: { applicationIds: ids },
        },
        now,
      );
    }
    return { locked };
  });
};

export const unlockPartnership = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; lockId: string },
): Promise<void> => {
  const viewer = assertProgramCoordinator(input.viewer, 'unlock a partnership');
  const round = await loadMatchableRound(deps, input.roundId);
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    if (!(await store.matching.deleteLock(round.id, input.lockId))) {
      throw new DomainError('NOT_FOUND', 'match.lockNotFound', { lockId: input.lockId });
    }
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.unlocked',
        subjectType: 'round',
        subjectId: round.id,
        details: { lockId: input.lockId },
      },
      now,
    );
  });
};

/**
 * Keeps people apart in every later run: every pair among the two or three given (breaking a
 * proposed partnership is excluding its members from each other).
 */
export const excludePartners = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; applicationIds: string[] },
): Promise<{ excluded: number }> => {
  const viewer = assertProgramCoordinator(input.viewer, 'keep people apart');
  const round = await loadMatchableRound(deps, input.roundId);
  const ids = normaliseIds(input.applicationIds);
  if (ids.length < 2 || ids.length > 3) {
    throw invalidInput([{ field: 'applicationIds', code: 'match.twoOrThree' }]);
  }
  const known = new Set((await deps.store.matching.listCandidates(round.id)).map((c) => c.applicationId));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError('NOT_FOUND', 'application.notInRound', {
      applicationId: unknown.join(', '),
      roundId: round.id,
    });
  }
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    let excluded = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const pair: [string, string] = [ids[i]!, ids[j]!];
        if (
          await store.matching.insertExclusion(
            {
              id: deps.ids.newId(),
              roundId: round.id,
              applicationIds: pair,
              createdByPersonId: actorIdOf(viewer),
            },
            now,
          )
        ) {
          excluded++;
        }
      }
    }
    // A lock on any of these people together would contradict the exclusion: it goes.
    for (const lock of await store.matching.listLocks(round.id)) {
      const together = lock.applicationIds.filter((id) => ids.includes(id));
      if (together.length >= 2) await store.matching.deleteLock(round.id, lock.id);
    }
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.excluded',
        subjectType: 'round',
        subjectId: round.id,
        details: { applicationIds: ids, pairs: excluded },
      },
      now,
    );
    return { excluded };
  });
};

export const removeExclusion = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; exclusionId: string },
): Promise<void> => {
  const viewer = assertProgramCoordinator(input.viewer, 'allow a pair again');
  const round = await loadMatchableRound(deps, input.roundId);
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    if (!(await store.matching.deleteExclusion(round.id, input.exclusionId))) {
      throw new DomainError('NOT_FOUND', 'match.exclusionNotFound', { exclusionId: input.exclusionId });
    }
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.exclusion-removed',
        subjectType: 'round',
        subjectId: round.id,
        details: { exclusionId: input.exclusionId },
      },
      now,
    );
  });
};

/**
 * A coordinator's note on a proposed partnership. Country coordinators may comment on partnerships
 * with someone of their countries (what they know locally is why they are asked).
 */
export const commentOnPartnership = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; applicationIds: string[]; body: string },
): Promise<void> => {
  const viewer = assertCoordinator(input.viewer, 'comment on a partnership');
  const round = await deps.store.rounds.getRound(input.roundId);
  const ids = normaliseIds(input.applicationIds);
  const body = input.body.trim();
  if (body === '') throw invalidInput([{ field: 'body', code: 'note.missing' }]);
  if (body.length > MAX_COMMENT) {
    throw invalidInput([{ field: 'body', code: 'note.tooLong', params: { max: MAX_COMMENT } }]);
  }
  const candidates = await deps.store.matching.listCandidates(round.id);
  const countryOf = new Map(candidates.map((c) => [c.applicationId, c.countryCode]));
  const scope = scopeOf(viewer);
  const isKnown = ids.length >= 2 && ids.every((id) => countryOf.has(id));
  const isVisible =
    scope.kind === 'all' || ids.some((id) => scope.countryCodes.includes(countryOf.get(id) ?? ''));
  if (!isKnown || !isVisible) {
    throw new DomainError('NOT_FOUND', 'match.partnershipNotFound', { roundId: round.id });
  }
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.matching.insertComment(
      {
        id: deps.ids.newId(),
        roundId: round.id,
        applicationIds: ids,
        authorPersonId: actorIdOf(viewer),
        body,
      },
      now,
    );
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.commented',
        subjectType: 'round',
        subjectId: round.id,
        details: { applicationIds: ids },
      },
      now,
    );
  });
};
