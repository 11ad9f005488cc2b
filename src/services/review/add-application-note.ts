import { DomainError, invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { ApplicationNote } from '../ports/review';

/** A coordinator adds a note to an application they can see; notes are for coordinators only. */
export const MAX_NOTE_LENGTH = 4000;

export interface AddApplicationNoteInput {
  viewer: Viewer | null;
  roundId: string;
  applicationId: string;
  body: string;
}

export const addApplicationNote = async (
  deps: UseCaseDeps,
  input: AddApplicationNoteInput,
): Promise<ApplicationNote> => {
  const viewer = assertCoordinator(input.viewer, 'add notes');
  const body = input.body.trim();
  if (body === '' || body.length > MAX_NOTE_LENGTH) {
    throw invalidInput([
      body === ''
        ? { field: 'body', code: 'note.missing' }
        : { field: 'body', code: 'note.tooLong', params: { max: MAX_NOTE_LENGTH } },
    ]);
  }
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const application = await store.review.findApplicationInScope(input.applicationId, scopeOf(viewer));
    if (!application || application.roundId !== input.roundId) {
      throw new DomainError('NOT_FOUND', 'application.notInRound', {
        applicationId: input.applicationId,
        roundId: input.roundId,
      });
    }
    const note = await store.review.insertNote(
      { applicationId: application.id, authorPersonId: actorIdOf(viewer), body },
      now,
    );
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'application.note-added',
        subjectType: 'application',
        subjectId: application.id,
        details: { noteId: note.id },
      },
      now,
    );
    return note;
  });
};
