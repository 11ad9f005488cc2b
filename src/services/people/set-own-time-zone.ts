import { invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { isValidTimeZone, normaliseTimeZone } from '../../core/time/time-zones';
import type { UseCaseDeps } from '../ports/deps';
import { assertCoordinator } from './access';

/**
 * A coordinator chooses the zone their pages show times in (their profile); an empty choice goes
 * back to each page's own zone (a round's program zone, or UTC). Audited like any change.
 */
export const setOwnTimeZone = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; timeZone: string },
): Promise<{ timeZone: string | null }> => {
  const viewer = assertCoordinator(input.viewer, 'choose a time zone');
  const raw = input.timeZone.trim();
  const given = raw.slice(0, 100);
  if (raw !== '' && !isValidTimeZone(raw)) {
    throw invalidInput([{ field: 'timeZone', code: 'timeZone.unknown' }], { value: given });
  }
  const timeZone = raw === '' ? null : normaliseTimeZone(raw);
  const personId = actorIdOf(viewer);
  if (!personId) return { timeZone };
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.people.setTimeZone(personId, timeZone, now);
    await store.audit.record(
      {
        actorPersonId: personId,
        action: 'person.time-zone-set',
        subjectType: 'person',
        subjectId: personId,
        details: { timeZone },
      },
      now,
    );
  });
  return { timeZone };
};
