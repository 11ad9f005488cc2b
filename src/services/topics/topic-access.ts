import { DomainError } from '../../core/errors';
import type { Round } from '../../core/rounds';
import type { TopicWithRound } from '../../core/topics';
import type { UseCaseDeps } from '../ports/deps';

/** The topic, or NOT_FOUND naming the id. */
export const getTopic = async (deps: UseCaseDeps, topicId: string): Promise<TopicWithRound> => {
  const topic = await deps.store.topics.findTopic(topicId);
  if (!topic) throw new DomainError('NOT_FOUND', 'topic.notFound', { id: topicId });
  return topic;
};

/** A finished round is read-only history: its topics no longer change. */
export const assertRoundTakesTopics = (round: Pick<Round, 'id' | 'name' | 'status'>): void => {
  if (round.status === 'finished') {
    throw new DomainError('CONFLICT', 'round.finishedNoEdits', { round: round.name, roundId: round.id });
  }
};

/** The topic's number: its place among the round's scheduled topics (a draft counts as if scheduled). */
export const numberOfTopic = async (
  deps: UseCaseDeps,
  topic: { id: string; roundId: string; dueAt: Date },
): Promise<number> => {
  const topics = await deps.store.topics.listRoundTopics(topic.roundId);
  const before = topics.filter(
    (other) =>
      other.id !== topic.id &&
      other.status === 'scheduled' &&
      (other.dueAt.getTime() < topic.dueAt.getTime() ||
        (other.dueAt.getTime() === topic.dueAt.getTime() && other.id < topic.id)),
  );
  return before.length + 1;
};
