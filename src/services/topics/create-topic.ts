import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { type Topic, topicMomentAt } from '../../core/topics';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { assertRoundTakesTopics } from './topic-access';
import { parseTopicForm } from './topic-input';

export interface CreateTopicInput {
  viewer: Viewer | null;
  roundId: string;
  /** The topic form's fields (see parseTopicForm). */
  form: unknown;
}

/**
 * A program coordinator writes a topic for a round, as a draft or scheduled. A scheduled topic
 * whose moment has already passed goes out at the next pass of the delivery job (if the round is
 * under way): that is how a coordinator publishes one at once.
 */
export const createTopic = async (deps: UseCaseDeps, input: CreateTopicInput): Promise<Topic> => {
  const viewer = assertProgramCoordinator(input.viewer, 'write topics');
  const round = await deps.store.rounds.getRound(input.roundId);
  assertRoundTakesTopics(round);
  const fields = parseTopicForm(input.form, round);
  const topic: Topic = {
    id: deps.ids.newId(),
    roundId: round.id,
    ...fields,
    dueAt: topicMomentAt(fields.publishOn, fields.publishTime, round.programTimeZone),
    publishedAt: null,
  };
  const now = deps.clock.now();
  await deps.uow.transaction(async (store) => {
    await store.topics.insertTopic(topic, now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'topic.created',
        subjectType: 'topic',
        subjectId: topic.id,
        details: {
          roundId: round.id,
          title: topic.title,
          status: topic.status,
          dueAt: topic.dueAt.toISOString(),
          translations: Object.keys(topic.translations),
        },
      },
      now,
    );
  });
  return topic;
};
