import {
  TOPIC_SOURCE_LOCALE,
  TOPIC_TRANSLATION_LOCALES,
  type TopicText,
  type TopicTranslationLocale,
} from './topic';

const isTranslationLocale = (value: string): value is TopicTranslationLocale =>
  (TOPIC_TRANSLATION_LOCALES as readonly string[]).includes(value);

/**
 * The version of a topic a reader gets: the translation into their language when there is one
 * (`es-MX` reads `es`), else the topic itself in English. `locale` says which it is.
 */
export function chooseTopicText(
  topic: TopicText & { translations: Partial<Record<TopicTranslationLocale, TopicText>> },
  readerLocale: string | null | undefined,
): TopicText & { locale: string } {
  const language = (readerLocale ?? '').split(/[-_]/)[0]?.trim().toLowerCase() ?? '';
  if (isTranslationLocale(language)) {
    const translation = topic.translations[language];
    if (translation) return { title: translation.title, body: translation.body, locale: language };
  }
  return { title: topic.title, body: topic.body, locale: TOPIC_SOURCE_LOCALE };
}

/** The languages a topic can be read in: English first, then its translations. */
export const topicLanguages = (topic: {
  translations: Partial<Record<TopicTranslationLocale, TopicText>>;
}) => [
  TOPIC_SOURCE_LOCALE,
  ...TOPIC_TRANSLATION_LOCALES.filter((locale) => topic.translations[locale] !== undefined),
];
