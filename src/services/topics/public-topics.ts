import { DomainError } from '../../core/errors';
import type { Round } from '../../core/rounds';
import { isTopicPublic } from '../../core/topics';
import type { UseCaseDeps } from '../ports/deps';
import type { PublicTopic } from '../ports/topics';

/** The public archive: topics whose moment has passed, of rounds under way or finished. */
export const listTopicArchive = (deps: UseCaseDeps): Promise<PublicTopic[]> =>
  deps.store.topics.listPublicTopics(deps.clock.now());

/** One archived topic; one not (yet) public is NOT_FOUND, as if it did not exist. */
export const getPublicTopic = async (deps: UseCaseDeps, topicId: string): Promise<PublicTopic> => {
  const topic = await deps.store.topics.findPublicTopic(topicId, deps.clock.now());
  if (!topic) throw new DomainError('NOT_FOUND', 'topic.notFound', { id: topicId });
  return topic;
};

/** One topic in a round's public calendar feed: its title only once it is public. */
export interface FeedTopic {
  id: string;
  number: number;
  publishOn: string;
  dueAt: Date;
  /** Set once the topic is public; until then the feed says only that a topic comes. */
  title: string | undefined;
}

export interface RoundFeed {
  round: Round;
  topics: FeedTopic[];
}

/**
 * What a round's iCalendar feed holds: its dates and deadlines and its scheduled topics. Public,
 * so no person appears in it and an unpublished topic shows no title. A draft round has no feed.
 */
export const loadRoundFeed = async (deps: UseCaseDeps, roundId: string): Promise<RoundFeed> => {
  const round = await deps.store.rounds.findRound(roundId);
  if (!round || round.status === 'draft')
    throw new DomainError('NOT_FOUND', 'round.notFound', { id: roundId });
  const now = deps.clock.now();
  const scheduled = (await deps.store.topics.listRoundTopics(round.id)).filter(
    (topic) => topic.status === 'scheduled',
  );
  return {
    round,
    topics: scheduled.map((topic, index) => ({
      id: topic.id,
      number: index + 1,
      publishOn: topic.publishOn,
      dueAt: topic.dueAt,
      title: isTopicPublic({ ...topic, roundStatus: round.status }, now) ? topic.title : undefined,
    })),
  };
};
