import { invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { type MatchSettings, MatchSettingsSchema } from '../../core/scoring/match-settings';
import { assertCoordinator, assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/** The round's matching settings: what coordinators set, the documented defaults for the rest. */
export const getMatchSettings = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<MatchSettings> => {
  assertCoordinator(viewer, 'see the matching settings');
  const round = await deps.store.rounds.getRound(roundId);
  return MatchSettingsSchema.parse((await deps.store.matching.findSettings(round.id)) ?? {});
};

/**
 * A program coordinator sets the round's weights and rules (the form's numbers, already read into
 * the settings' shape by the edge). Anything out of range is a VALIDATION problem on its field.
 */
export const updateMatchSettings = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; settings: unknown },
): Promise<MatchSettings> => {
  const viewer = assertProgramCoordinator(input.viewer, 'change the matching settings');
  const round = await deps.store.rounds.getRound(input.roundId);
  const parsed = MatchSettingsSchema.safeParse(input.settings);
  if (!parsed.success) {
    throw invalidInput(
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code:
          issue.path[0] === 'weights' && issue.path.length === 1
            ? 'matchSettings.weightsTotal'
            : 'matchSettings.outOfRange',
      })),
    );
  }
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.matching.saveSettings(round.id, parsed.data, now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.settings-updated',
        subjectType: 'round',
        subjectId: round.id,
        details: { settings: parsed.data },
      },
      now,
    );
  });
  return parsed.data;
};
