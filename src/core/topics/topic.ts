import type { RoundStatus } from '../rounds/round';
import type { LocalDate, LocalTime } from '../time/local-time';

/** A draft is never sent nor shown; a scheduled topic goes out at its moment. */
export const TOPIC_STATUSES = ['draft', 'scheduled'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/**
 * The languages a topic may be translated into. English is the topic itself and every other
 * language falls back to it. Adding a language here adds its fields to the coordinators' form.
 */
export const TOPIC_TRANSLATION_LOCALES = ['es', 'fr'] as const;
export type TopicTranslationLocale = (typeof TOPIC_TRANSLATION_LOCALES)[number];

/** The language of the topic itself (its title and body). */
export const TOPIC_SOURCE_LOCALE = 'en';

/** A title and a Markdown body, in one language. */
export interface TopicText {
  title: string;
  body: string;
}

export interface Topic extends TopicText {
  id: string;
  roundId: string;
  /** The day it goes out, in the round's zone. */
  publishOn: LocalDate;
  /** The time of day it goes out on `publishOn`, in the round's zone. */
  publishTime: LocalTime;
  /** `publishOn` at `publishTime` in the round's zone: the topic's moment. */
  dueAt: Date;
  status: TopicStatus;
  /** When every active participant had been sent it (null until then). */
  publishedAt: Date | null;
  translations: Partial<Record<TopicTranslationLocale, TopicText>>;
}

/** A topic with what decides whether it is due: its round's status. */
export interface TopicWithRound extends Topic {
  roundStatus: RoundStatus;
  roundName: string;
  programTimeZone: string;
}
