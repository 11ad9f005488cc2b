import { invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { createDraftRound, type Round, validateRoundEditorInput } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/**
 * A program coordinator creates a round in draft. The form's dates and times are in the program's
 * time zone (the core turns them into UTC instants); the end date defaults to four months after
 * the start.
 */
export interface CreateRoundInput {
  viewer: Viewer | null;
  /** The round editor's fields as submitted (see RoundEditorSchema). */
  form: unknown;
}

export const createRound = async (deps: UseCaseDeps, input: CreateRoundInput): Promise<Round> => {
  const viewer = assertProgramCoordinator(input.viewer, 'create rounds');
  const result = validateRoundEditorInput(input.form);
  if (!result.ok) {
    throw invalidInput(result.problems);
  }
  const round = createDraftRound(deps.ids.newId(), result.value);
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.rounds.insertRound(round, now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'round.created',
        subjectType: 'round',
        subjectId: round.id,
        details: { name: round.name },
      },
      now,
    );
  });
  return round;
};
