import { raw } from 'hono/html';
import { chooseTopicText, renderTopicMarkdown, topicLanguages } from '../../../core/topics';
import type { PublicTopic } from '../../../services/ports/topics';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

const topicHref = (topicId: string, language?: string) =>
  `/topics/${encodeURIComponent(topicId)}${language ? `?lang=${language}` : ''}`;

/**
 * The public archive: every topic whose moment has passed, by round (newest first), each with its
 * first lines and a link to the whole topic (in the reader's language when it has a translation).
 */
export const TopicArchivePage = ({ topics, language }: { topics: PublicTopic[]; language: string }) => {
  const { t, locale } = useShell();
  const byRound: { roundId: string; roundName: string; topics: PublicTopic[] }[] = [];
  for (const topic of topics) {
    const last = byRound.at(-1);
    if (last && last.roundId === topic.roundId) last.topics.push(topic);
    else byRound.push({ roundId: topic.roundId, roundName: topic.roundName, topics: [topic] });
  }
  return (
    <article>
      <h1>{t('topics:archive.title')}</h1>
      <p class="lead">{t('topics:archive.lead')}</p>
      {byRound.length === 0 && <p>{t('topics:archive.empty')}</p>}
      {byRound.map((round) => (
        <section aria-labelledby={`round-${round.roundId}`}>
          <h2 id={`round-${round.roundId}`}>{round.roundName}</h2>
          {round.topics.map((topic) => {
            const text = chooseTopicText(topic, language);
            return (
              <article class="topic" lang={text.locale}>
                <h3>
                  <a href={topicHref(topic.id, text.locale === 'en' ? undefined : text.locale)}>
                    {text.title}
                  </a>
                </h3>
                <p class="field__hint" lang={locale}>
                  {t('topics:archive.published', { date: formatCalendarDate(topic.publishOn, locale) })}
                </p>
                {raw(renderSummary(text.body))}
              </article>
            );
          })}
        </section>
      ))}
    </article>
  );
};

/** The first paragraph, as formatted (headings at level 4, under the topic's h3). */
const renderSummary = (body: string): string => {
  const firstParagraph =
    body
      .replace(/\r\n?/g, '\n')
      .trim()
      .split(/\n{2,}/)[0] ?? '';
  return renderTopicMarkdown(firstParagraph, 4);
};

/** One topic on the public site, in the language asked for when it has a translation into it. */
export const PublicTopicPage = ({ topic, language }: { topic: PublicTopic; language: string }) => {
  const { t, locale } = useShell();
  const text = chooseTopicText(topic, language);
  return (
    <article lang={text.locale}>
      <p lang={locale}>
        <a href="/topics">{t('topics:archive.back')}</a>
      </p>
      <h1>{text.title}</h1>
      <p class="field__hint" lang={locale}>
        {t('topics:archive.ofRound', {
          round: topic.roundName,
          date: formatCalendarDate(topic.publishOn, locale),
        })}
      </p>
      {raw(renderTopicMarkdown(text.body, 2))}
      {topicLanguages(topic).length > 1 && (
        <nav aria-label={t('topics:archive.languages')} lang={locale}>
          <ul class="inline-list">
            {topicLanguages(topic).map((code) => (
              <li>
                {code === text.locale ? (
                  <strong aria-current="page" lang={code}>
                    {t(`topics:language.${code}`)}
                  </strong>
                ) : (
                  <a href={topicHref(topic.id, code)} hreflang={code}>
                    {t(`topics:language.${code}`)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
};
