import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { MatchCandidate, NewPartnership, StoredMatchRun } from '../ports/matching';
import type { Store } from '../ports/store';
import { moveRound } from '../rounds/transition-round';
import { introductionMessages, linkParticipants } from './introductions';
import { partnershipKey } from './match-board';

/**
 * Publishing a run introduces its partners: the partnerships start, the members become participants
 * who can sign in, each member gets an introduction in their language, and the round is under way.
 * Nobody sees anyone's contact details before this.
 */
export interface PublishInput {
  viewer: Viewer | null;
  roundId: string;
  /** The run to publish; the round's latest when not given. */
  runId?: string | undefined;
}

/** What a confirmation step shows before publishing, and why it cannot happen now, if it cannot. */
export interface PublishPreview {
  round: Round;
  run: { id: string; number: number; status: string };
  partnerships: number;
  trios: number;
  /** Everyone who will be introduced. */
  participants: number;
  unmatched: number;
  refusal: DomainError | undefined;
}

export interface PublishResult {
  runId: string;
  number: number;
  partnerships: number;
  participants: number;
  emails: number;
}

const findRunToPublish = async (
  store: Pick<Store, 'matching'>,
  round: Round,
  runId: string | undefined,
): Promise<StoredMatchRun> => {
  const run = runId
    ? await store.matching.findRun(round.id, runId)
    : await store.matching.findLatestRun(round.id);
  if (!run)
    throw new DomainError('NOT_FOUND', 'match.runNotFound', { runId: runId ?? '', roundId: round.id });
  return run;
};

/** Why the run may not be published (a CONFLICT to throw or show), or undefined when it may. */
const findRefusal = (
  round: Round,
  run: StoredMatchRun,
  candidates: ReadonlyMap<string, MatchCandidate>,
): DomainError | undefined => {
  if (round.status !== 'matching') {
    return new DomainError('CONFLICT', 'match.roundNotPublishable', {
      round: round.name,
      status: round.status,
    });
  }
  if (run.status !== 'proposed') {
    return new DomainError('CONFLICT', 'match.runNotProposed', { number: run.number, status: run.status });
  }
  // Someone withdrew or was moved since the run: its partnerships are out of date.
  const changed = run.result.partnerships
    .flatMap((partnership) => partnership.applicationIds)
    .filter((id) => candidates.get(id)?.status !== 'accepted');
  if (changed.length > 0) {
    return new DomainError('CONFLICT', 'match.runOutdated', { number: run.number, count: changed.length });
  }
  return undefined;
};

const countMembers = (run: StoredMatchRun) =>
  run.result.partnerships.reduce((sum, partnership) => sum + partnership.applicationIds.length, 0);

/** For the confirmation step: how many partnerships and people publishing would introduce. */
export const previewPublish = async (deps: UseCaseDeps, input: PublishInput): Promise<PublishPreview> => {
  assertProgramCoordinator(input.viewer, 'publish a match run');
  const round = await deps.store.rounds.getRound(input.roundId);
  const run = await findRunToPublish(deps.store, round, input.runId);
  const candidates = await deps.store.matching.listCandidates(round.id);
  return {
    round,
    run: { id: run.id, number: run.number, status: run.status },
    partnerships: run.result.partnerships.length,
    trios: run.result.partnerships.filter((partnership) => partnership.applicationIds.length === 3).length,
    participants: countMembers(run),
    unmatched: run.result.unmatched.length,
    refusal: findRefusal(round, run, new Map(candidates.map((c) => [c.applicationId, c]))),
  };
};

/**
 * A program coordinator publishes the round's latest (or chosen) proposed run, all in one unit of
 * work: the run is published and the others superseded, partnerships start, members become
 * participants, introductions are queued (one per member and partnership, never twice) and the
 * round moves to under way. Publishing again, or a run that is not proposed, is a CONFLICT.
 */
export const publishRun = async (deps: UseCaseDeps, input: PublishInput): Promise<PublishResult> => {
  const viewer = assertProgramCoordinator(input.viewer, 'publish a match run');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    const run = await findRunToPublish(store, round, input.runId);
    const candidates = new Map(
      (await store.matching.listCandidates(round.id)).map((c) => [c.applicationId, c]),
    );
    const refusal = findRefusal(round, run, candidates);
    if (refusal) throw refusal;
    if (!(await store.matching.markRunPublished(round.id, run.id, actorIdOf(viewer), now))) {
      throw new DomainError('CONFLICT', 'match.runNotProposed', { number: run.number, status: 'published' });
    }
    const membersOf = (ids: readonly string[]) => ids.map((id) => candidates.get(id)!);
    const personOf = await linkParticipants(
      store,
      now,
      membersOf(run.result.partnerships.flatMap((partnership) => partnership.applicationIds)),
    );
    const partnerships: NewPartnership[] = run.result.partnerships.map((details) => ({
      id: deps.ids.newId(),
      roundId: round.id,
      runId: run.id,
      details,
      members: details.applicationIds.map((id) => ({
        applicationId: id,
        personId: personOf.get(id) ?? null,
      })),
    }));
    await store.matching.insertPartnerships(partnerships, now);
    const explanations = new Map(run.explanations.map((e) => [partnershipKey(e.applicationIds), e]));
    let emails = 0;
    for (const partnership of partnerships) {
      const messages = introductionMessages({
        round,
        partnershipId: partnership.id,
        members: membersOf(partnership.details.applicationIds),
        explanation: explanations.get(partnershipKey(partnership.details.applicationIds)),
        isNewPartner: () => false,
      });
      for (const message of messages) if ((await store.messages.enqueue(message, now)).queued) emails++;
    }
    await moveRound(store, deps, { round, to: 'under-way', now, actorPersonId: actorIdOf(viewer) });
    const result: PublishResult = {
      runId: run.id,
      number: run.number,
      partnerships: partnerships.length,
      participants: countMembers(run),
      emails,
    };
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.published',
        subjectType: 'match-run',
        subjectId: run.id,
        details: { roundId: round.id, ...result, unmatched: run.result.unmatched.length },
      },
      now,
    );
    return result;
  });
};
