import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import {
  type CalendarEntry,
  defaultTopicCalendar,
  layOutTopicCalendar,
  planTopicMessages,
  type Topic,
  type TopicWithRound,
} from '../../core/topics';
import { assertCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { RenderedMessage } from '../ports/messages';
import type { TopicDeliveryCounts } from '../ports/topics';
import { getTopic, numberOfTopic } from './topic-access';

export interface TopicCalendar {
  round: Round;
  /** Every default slot and every topic, by day (core layOutTopicCalendar). */
  entries: CalendarEntry<Topic>[];
  /** Emails queued per topic, and where they stand. */
  deliveries: Map<string, TopicDeliveryCounts>;
  /** Program coordinators write; country coordinators read. */
  canWrite: boolean;
  now: Date;
}

/** The round's topic calendar, for any coordinator. */
export const loadTopicCalendar = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string },
): Promise<TopicCalendar> => {
  const viewer = assertCoordinator(input.viewer, 'read topics');
  const round = await deps.store.rounds.getRound(input.roundId);
  const [topics, deliveries] = await Promise.all([
    deps.store.topics.listRoundTopics(round.id),
    deps.store.topics.countRoundDeliveries(round.id),
  ]);
  return {
    round,
    entries: layOutTopicCalendar(defaultTopicCalendar(round), topics),
    deliveries,
    canWrite: viewer.isProgramCoordinator,
    now: deps.clock.now(),
  };
};

/** One topic, for any coordinator (the edit form, the preview). */
export const findTopicForCoordinator = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; topicId: string },
): Promise<{ topic: TopicWithRound; round: Round }> => {
  assertCoordinator(input.viewer, 'read topics');
  const topic = await getTopic(deps, input.topicId);
  return { topic, round: await deps.store.rounds.getRound(topic.roundId) };
};

export interface TopicEmailPreview extends RenderedMessage {
  /** The language the preview shows the topic in (`en` when it has no translation into the one asked for). */
  textLocale: string;
  number: number;
}

/**
 * The email a participant reading `locale` would get, addressed to the coordinator previewing it
 * (their name in the greeting). Nothing is queued.
 */
export const previewTopicEmail = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; topicId: string; locale: string },
): Promise<TopicEmailPreview> => {
  const viewer = assertCoordinator(input.viewer, 'preview topics');
  const topic = await getTopic(deps, input.topicId);
  const number = await numberOfTopic(deps, topic);
  const [planned] = planTopicMessages(topic, number, [
    {
      applicationId: 'preview',
      email: viewer.email || 'preview@example.org',
      name: viewer.name,
      locale: input.locale,
    },
  ]);
  const message = planned!.message;
  const rendered = await deps.store.messagePreview.render(message);
  return {
    ...rendered,
    textLocale: message.kind === 'topic' ? message.payload.textLocale : input.locale,
    number,
  };
};
