import type { Round } from '../rounds/round';

/**
 * The closed set of messages the program sends people. A use case enqueues one of these, in the
 * same transaction as the change it is about; the email adapter renders it in the recipient's
 * language (`locale`) and builds every link from the site's address and the tokens given here, so
 * no use case writes a sentence or a URL. A new email adds its kind here first.
 *
 * Payloads are plain data that survive JSON (instants as ISO-8601 text), so a message can be
 * rendered now or later from what it says alone.
 */

/** What emails say about a round: its name, its window and its dates. */
export interface RoundFacts {
  id: string;
  name: string;
  /** ISO-8601 instant. */
  applicationsCloseAt: string;
  startsOn: string;
  endsOn: string;
  programTimeZone: string;
  isQuotaEnabled: boolean;
}

export const roundFactsOf = (round: Round): RoundFacts => ({
  id: round.id,
  name: round.name,
  applicationsCloseAt: round.applicationsCloseAt.toISOString(),
  startsOn: round.startsOn,
  endsOn: round.endsOn,
  programTimeZone: round.programTimeZone,
  isQuotaEnabled: round.quota.enabled,
});

/** An application's private page, opened by the holder of `privateToken`. */
interface AboutApplication {
  name: string;
  round: RoundFacts;
  /** The applicant's own zone, for the deadline. */
  timeZone: string;
  privateToken: string;
}

export interface MessagePayloads {
  'application-received': AboutApplication;
  'application-link-resent': AboutApplication;
  /** Applications closed and the applicant's country was over its quota. */
  'application-waitlisted-by-quota': AboutApplication & { countryCode: string };
  'application-previous-answers': { name: string; round: RoundFacts; prefillToken: string; hours: number };
  'application-withdrawn': { name: string; roundName: string };
  'application-accepted': { name: string; round: RoundFacts };
  'application-declined': { name: string; round: RoundFacts };
  /** A coordinator moved the application to the waitlist. */
  'application-waitlisted': { name: string; round: RoundFacts };
  'application-carried-over': { name: string; round: RoundFacts };
  'sign-in-link': { name: string; token: string; next?: string | undefined; minutes: number };
  /** A fortnightly discussion topic, to one active participant (core/topics/topic-messages.ts). */
  topic: TopicMessage;
}

/** What a topic email says. */
export interface TopicMessage {
  /** The participant's name. */
  name: string;
  roundId: string;
  roundName: string;
  topicId: string;
  /** 1, 2, … among the round's scheduled topics. */
  number: number;
  /** The day it goes out (round's zone). */
  publishOn: string;
  /** The topic in the language chosen for this participant (Markdown body). */
  title: string;
  body: string;
  /** The language of `title` and `body` (`en` when there is no translation into theirs). */
  textLocale: string;
  /**
   * The participant's application in the round: what their one-click check-in answers will be
   * signed for (issue 11 item 3 adds them to the topic email's check-in section).
   */
  applicationId: string;
}

export type MessageKind = keyof MessagePayloads;

export const MESSAGE_KINDS = [
  'application-received',
  'application-link-resent',
  'application-waitlisted-by-quota',
  'application-previous-answers',
  'application-withdrawn',
  'application-accepted',
  'application-declined',
  'application-waitlisted',
  'application-carried-over',
  'sign-in-link',
  'topic',
] as const satisfies readonly MessageKind[];

/** One message to one person. */
export type Message = {
  [K in MessageKind]: {
    kind: K;
    to: string;
    /** The recipient's language: the message is written in it. */
    locale: string;
    payload: MessagePayloads[K];
    /**
     * Makes the message happen at most once: a key already in the queue (in any state, even sent
     * long ago) is not queued again. Name what the message is about, e.g. `application-accepted:<id>`.
     */
    dedupeKey?: string | undefined;
  };
}[MessageKind];
