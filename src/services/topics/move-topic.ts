import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { isTopicScheduleLocked } from '../../core/topics';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { assertRoundTakesTopics, getTopic } from './topic-access';

export interface MoveTopicInput {
  viewer: Viewer | null;
  topicId: string;
  direction: 'earlier' | 'later';
}

/**
 * Reorders the round's calendar: the topic swaps its moment with the topic before (or after) it,
 * so the fortnightly dates stay where they were and the topics change places. Neither may have
 * had its moment yet. Nothing to swap with (the first moved earlier) changes nothing.
 */
export const moveTopic = async (deps: UseCaseDeps, input: MoveTopicInput): Promise<void> => {
  const viewer = assertProgramCoordinator(input.viewer, 'reorder topics');
  const topic = await getTopic(deps, input.topicId);
  const round = await deps.store.rounds.getRound(topic.roundId);
  assertRoundTakesTopics(round);
  const topics = await deps.store.topics.listRoundTopics(topic.roundId);
  const index = topics.findIndex((other) => other.id === topic.id);
  const other = topics[input.direction === 'earlier' ? index - 1 : index + 1];
  if (index < 0 || !other) return;
  const now = deps.clock.now();
  for (const locked of [topic, other]) {
    if (isTopicScheduleLocked(locked, now)) {
      throw new DomainError('CONFLICT', 'topic.alreadyDue', { title: locked.title, id: locked.id });
    }
  }
  const moved = [
    { id: topic.id, publishOn: other.publishOn, publishTime: other.publishTime, dueAt: other.dueAt },
    { id: other.id, publishOn: topic.publishOn, publishTime: topic.publishTime, dueAt: topic.dueAt },
  ];
  await deps.uow.transaction(async (store) => {
    await store.topics.saveTopicMoments(moved, now);
    for (const [before, after] of [
      [topic, moved[0]!],
      [other, moved[1]!],
    ] as const) {
      await store.audit.record(
        {
          actorPersonId: actorIdOf(viewer),
          action: 'topic.rescheduled',
          subjectType: 'topic',
          subjectId: before.id,
          details: {
            roundId: round.id,
            from: before.dueAt.toISOString(),
            to: after.dueAt.toISOString(),
            reordered: true,
          },
        },
        now,
      );
    }
  });
};
