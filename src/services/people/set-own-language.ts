import { invalidInput } from '../../core/errors';
import { isShippedLocale } from '../../core/people/page-languages';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import { assertCoordinator } from './access';

/**
 * A coordinator chooses the language of their pages (their profile), so it follows them from
 * browser to browser; an empty choice goes back to the browser's own. Audited like any change.
 */
export const setOwnLanguage = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; language: string },
): Promise<{ language: string | null }> => {
  const viewer = assertCoordinator(input.viewer, 'choose a language');
  const raw = input.language.trim().toLowerCase();
  if (raw !== '' && !isShippedLocale(raw)) {
    throw invalidInput([{ field: 'language', code: 'language.unknown' }], { value: raw.slice(0, 20) });
  }
  const language = raw === '' ? null : raw;
  const personId = actorIdOf(viewer);
  if (!personId) return { language };
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.people.setChosenLocale(personId, language, now);
    await store.audit.record(
      {
        actorPersonId: personId,
        action: 'person.language-set',
        subjectType: 'person',
        subjectId: personId,
        details: { language },
      },
      now,
    );
  });
  return { language };
};
