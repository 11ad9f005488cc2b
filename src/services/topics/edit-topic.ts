import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { isTopicScheduleLocked, type Topic, topicMomentAt } from '../../core/topics';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { assertRoundTakesTopics, getTopic } from './topic-access';
import { parseTopicForm } from './topic-input';

export interface EditTopicInput {
  viewer: Viewer | null;
  topicId: string;
  form: unknown;
}

/**
 * A program coordinator changes a topic's words, translations, day and time, or whether it is a
 * draft. Once a scheduled topic's moment has passed it is being sent (or has been), so only its
 * words may change: they show in the archive; emails already queued keep what they said.
 * A new moment is recorded as a reschedule, apart from the edit.
 */
export const editTopic = async (deps: UseCaseDeps, input: EditTopicInput): Promise<Topic> => {
  const viewer = assertProgramCoordinator(input.viewer, 'edit topics');
  const current = await getTopic(deps, input.topicId);
  const round = await deps.store.rounds.getRound(current.roundId);
  assertRoundTakesTopics(round);
  const fields = parseTopicForm(input.form, round);
  const now = deps.clock.now();
  const dueAt = topicMomentAt(fields.publishOn, fields.publishTime, round.programTimeZone);
  const isRescheduled = dueAt.getTime() !== current.dueAt.getTime() || fields.publishOn !== current.publishOn;
  if (isTopicScheduleLocked(current, now) && (isRescheduled || fields.status !== current.status)) {
    throw new DomainError('CONFLICT', 'topic.alreadyDue', { title: current.title, id: current.id });
  }
  const topic: Topic = {
    id: current.id,
    roundId: current.roundId,
    ...fields,
    dueAt,
    publishedAt: current.publishedAt,
  };
  await deps.uow.transaction(async (store) => {
    if (!(await store.topics.saveTopic(topic, now))) {
      throw new DomainError('NOT_FOUND', 'topic.notFound', { id: topic.id });
    }
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'topic.edited',
        subjectType: 'topic',
        subjectId: topic.id,
        details: {
          roundId: round.id,
          title: topic.title,
          status: topic.status,
          translations: Object.keys(topic.translations),
        },
      },
      now,
    );
    if (isRescheduled) {
      await store.audit.record(
        {
          actorPersonId: actorIdOf(viewer),
          action: 'topic.rescheduled',
          subjectType: 'topic',
          subjectId: topic.id,
          details: { roundId: round.id, from: current.dueAt.toISOString(), to: dueAt.toISOString() },
        },
        now,
      );
    }
  });
  return topic;
};
