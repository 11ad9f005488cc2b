export {
  TOPIC_SOURCE_LOCALE,
  TOPIC_STATUSES,
  TOPIC_TRANSLATION_LOCALES,
  type Topic,
  type TopicStatus,
  type TopicText,
  type TopicTranslationLocale,
  type TopicWithRound,
} from './topic';
export {
  type CalendarEntry,
  defaultTopicCalendar,
  layOutTopicCalendar,
  TOPIC_INTERVAL_DAYS,
  type TopicSlot,
  type TopicSlotRole,
} from './topic-calendar';
export { chooseTopicText, topicLanguages } from './topic-language';
export { renderTopicMarkdown, topicPlainText } from './topic-markdown';
export { planTopicMessages, type TopicRecipient, topicDedupeKey } from './topic-messages';
export {
  ARCHIVED_ROUND_STATUSES,
  classifyFanOutStart,
  DEFAULT_TOPIC_TIME,
  type FanOutStart,
  isTopicDue,
  isTopicPublic,
  isTopicScheduleLocked,
  LATE_AFTER_MS,
  type TopicDueState,
  topicMomentAt,
} from './topic-schedule';
