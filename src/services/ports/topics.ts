import type { MailStatusCounts } from '../../core/mail/mail-message';
import type { Message } from '../../core/messages/messages';
import type { Topic, TopicRecipient, TopicWithRound } from '../../core/topics';

/** A topic as the public archive shows it: scheduled, its moment passed, its round under way or over. */
export interface PublicTopic extends Topic {
  roundName: string;
  roundStartsOn: string;
}

/** Where the emails of one topic stand: how many were queued, and the queue's status of each. */
export interface TopicDeliveryCounts {
  queued: number;
  byStatus: MailStatusCounts;
}

export interface TopicsRepository {
  /** The round's topics (drafts too), by moment, then id. */
  listRoundTopics: (roundId: string) => Promise<Topic[]>;
  findTopic: (id: string) => Promise<TopicWithRound | undefined>;
  insertTopic: (topic: Topic, now: Date) => Promise<void>;
  /** Saves every field and replaces the translations; false when the topic is gone. */
  saveTopic: (topic: Topic, now: Date) => Promise<boolean>;
  /** Moves topics to new moments (a reorder swaps two). */
  saveTopicMoments: (
    moments: readonly Pick<Topic, 'id' | 'publishOn' | 'publishTime' | 'dueAt'>[],
    now: Date,
  ) => Promise<void>;
  deleteTopic: (id: string) => Promise<boolean>;
  /**
   * Topics public at `now` (core isTopicPublic, mirrored in SQL): newest round first, then newest
   * topic first.
   */
  listPublicTopics: (now: Date) => Promise<PublicTopic[]>;
  findPublicTopic: (id: string, now: Date) => Promise<PublicTopic | undefined>;
  /** Topics due for sending at `now` (core isTopicDue, mirrored in SQL), oldest moment first. */
  listDueTopics: (now: Date, limit: number) => Promise<TopicWithRound[]>;
  /** Records that everyone has it; false when it was recorded already (by another process). */
  markTopicPublished: (id: string, now: Date) => Promise<boolean>;
  /** Per topic of the round: the emails queued and where they stand. */
  countRoundDeliveries: (roundId: string) => Promise<Map<string, TopicDeliveryCounts>>;
}

/** A batch of topic emails rendered and ready to record (made outside the transaction). */
export interface PreparedTopicEmails {
  readonly applicationIds: readonly string[];
}

/**
 * The fan-out of a topic. Each (topic, application) has at most one delivery row, written in the
 * same transaction as its queued email: the primary key, not the luck of timing, is what makes
 * two processes (or a restarted one) queue each email once.
 */
export interface TopicDeliveriesRepository {
  countDeliveries: (topicId: string) => Promise<number>;
  /**
   * Active participants of the round (members of its running partnerships who have not left)
   * without a delivery of the topic, by application id after `afterApplicationId`.
   */
  listUndeliveredRecipients: (query: {
    topicId: string;
    roundId: string;
    afterApplicationId: string;
    limit: number;
  }) => Promise<TopicRecipient[]>;
  /** Renders each email (as the queue stores it) before the transaction that records them. */
  prepareEmails: (
    planned: readonly { applicationId: string; message: Message }[],
    now: Date,
  ) => Promise<PreparedTopicEmails>;
  /**
   * Inside a transaction: a delivery row and a queued email for each prepared email whose
   * (topic, application) has none yet; the others are left alone. Resolves with how many it wrote.
   */
  recordDeliveries: (topicId: string, prepared: PreparedTopicEmails, now: Date) => Promise<number>;
}
