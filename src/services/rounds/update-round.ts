import { DomainError, invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { type Round, validateRoundEditorInput } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/** A program coordinator changes a round's name, dates or quota. Its status does not change here. */
export interface UpdateRoundInput {
  viewer: Viewer | null;
  roundId: string;
  form: unknown;
}

export const updateRound = async (deps: UseCaseDeps, input: UpdateRoundInput): Promise<Round> => {
  const viewer = assertProgramCoordinator(input.viewer, 'edit rounds');
  const round = await deps.store.rounds.getRound(input.roundId);
  if (round.status === 'finished') {
    throw new DomainError('CONFLICT', 'round.finishedNoEdits', { round: round.name, roundId: round.id });
  }
  const result = validateRoundEditorInput(input.form);
  if (!result.ok) {
    throw invalidInput(result.problems, { roundId: round.id });
  }
  const updated: Round = { ...round, ...result.value, id: round.id, status: round.status };
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.rounds.saveRound(updated, now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'round.updated',
        subjectType: 'round',
        subjectId: round.id,
        details: { name: updated.name },
      },
      now,
    );
  });
  return updated;
};
