import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { isTopicScheduleLocked } from '../../core/topics';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { assertRoundTakesTopics, getTopic } from './topic-access';

export interface DeleteTopicInput {
  viewer: Viewer | null;
  topicId: string;
}

/** A program coordinator deletes a topic that has not had its moment (a draft, or one still to come). */
export const deleteTopic = async (deps: UseCaseDeps, input: DeleteTopicInput): Promise<void> => {
  const viewer = assertProgramCoordinator(input.viewer, 'delete topics');
  const topic = await getTopic(deps, input.topicId);
  const round = await deps.store.rounds.getRound(topic.roundId);
  assertRoundTakesTopics(round);
  const now = deps.clock.now();
  if (isTopicScheduleLocked(topic, now)) {
    throw new DomainError('CONFLICT', 'topic.alreadyDue', { title: topic.title, id: topic.id });
  }
  await deps.uow.transaction(async (store) => {
    if (!(await store.topics.deleteTopic(topic.id))) {
      throw new DomainError('NOT_FOUND', 'topic.notFound', { id: topic.id });
    }
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'topic.deleted',
        subjectType: 'topic',
        subjectId: topic.id,
        details: { roundId: round.id, title: topic.title, dueAt: topic.dueAt.toISOString() },
      },
      now,
    );
  });
};
