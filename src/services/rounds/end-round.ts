import type { Round } from '../../core/rounds';
import type { Store } from '../ports/store';

/**
 * When a round under way finishes (on schedule, or a program coordinator's move), inside the same
 * transaction: every running partnership ends (`round-ended`) and its members are marked as out of
 * it (`partnership-ended`), so the round is history and nothing of it runs any more. The closing
 * emails follow from the `round-closing` job (send-closing-emails.ts), once per person. The
 * updates are conditional, so a second finish (two servers) ends nothing twice.
 */
export const endRoundPartnerships = async (
  store: Pick<Store, 'matching' | 'audit'>,
  input: { round: Round; now: Date; actorPersonId: string | null },
): Promise<number> => {
  const ended = await store.matching.endRoundPartnerships(input.round.id, input.now);
  if (ended > 0) {
    await store.audit.record(
      {
        actorPersonId: input.actorPersonId,
        action: 'round.partnerships-ended',
        subjectType: 'round',
        subjectId: input.round.id,
        details: { partnerships: ended },
      },
      input.now,
    );
  }
  return ended;
};
