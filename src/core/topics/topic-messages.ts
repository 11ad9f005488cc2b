import type { Message } from '../messages/messages';
import type { TopicWithRound } from './topic';
import { chooseTopicText } from './topic-language';

/** One active participant of a round, as a topic email needs them. */
export interface TopicRecipient {
  applicationId: string;
  email: string;
  name: string;
  /** The language they applied in. */
  locale: string;
}

/** The key that makes a (topic, participant) email happen once, in the mail queue too. */
export const topicDedupeKey = (topicId: string, applicationId: string): string =>
  `topic:${topicId}:${applicationId}`;

/**
 * The email of a topic to each recipient, in their language where the topic has a translation
 * into it (the email's own words follow their language as far as the catalogs go).
 */
export function planTopicMessages(
  topic: Pick<
    TopicWithRound,
    'id' | 'roundId' | 'roundName' | 'publishOn' | 'title' | 'body' | 'translations'
  >,
  number: number,
  recipients: readonly TopicRecipient[],
): { applicationId: string; message: Message }[] {
  return recipients.map((recipient) => {
    const text = chooseTopicText(topic, recipient.locale);
    return {
      applicationId: recipient.applicationId,
      message: {
        kind: 'topic',
        to: recipient.email,
        locale: recipient.locale,
        dedupeKey: topicDedupeKey(topic.id, recipient.applicationId),
        payload: {
          name: recipient.name,
          roundId: topic.roundId,
          roundName: topic.roundName,
          topicId: topic.id,
          number,
          publishOn: topic.publishOn,
          title: text.title,
          body: text.body,
          textLocale: text.locale,
          applicationId: recipient.applicationId,
        },
      },
    };
  });
}
