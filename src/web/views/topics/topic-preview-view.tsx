import { raw } from 'hono/html';
import type { Round } from '../../../core/rounds';
import {
  renderTopicMarkdown,
  TOPIC_SOURCE_LOCALE,
  type TopicWithRound,
  topicLanguages,
} from '../../../core/topics';
import type { TopicEmailPreview } from '../../../services/topics/topic-queries';
import { BackLink, LocalTime, Notice } from '../components';
import { TextWithLinks } from '../mail/outbox-views';
import { useShell } from '../shell-context';
import { topicPath, topicsPath } from './topic-calendar-view';

/**
 * The email as a participant reading `language` gets it: the subject, the topic as it will look,
 * the plain-text part, and the full HTML email on its own sandboxed page. One link per language
 * the topic has.
 */
export const TopicPreviewView = ({
  round,
  topic,
  preview,
  language,
  canWrite,
}: {
  round: Round;
  topic: TopicWithRound;
  preview: TopicEmailPreview;
  language: string;
  canWrite: boolean;
}) => {
  const { t } = useShell();
  const path = topicPath(round.id, topic.id);
  const version =
    language === TOPIC_SOURCE_LOCALE ? topic : (topic.translations[language as 'es' | 'fr'] ?? topic);
  return (
    <section>
      <BackLink href={topicsPath(round.id)} label={t('topics:form.back', { round: round.name })} />
      <h1>{t('topics:preview.title', { title: topic.title })}</h1>
      <p>
        {t('topics:preview.goesOut')}{' '}
        <LocalTime at={topic.dueAt.toISOString()} timeZone={round.programTimeZone} />
        {topic.status === 'draft' && <> {t('topics:preview.draft')}</>}
      </p>
      <nav aria-label={t('topics:preview.languages')}>
        <ul class="inline-list">
          {topicLanguages(topic).map((code) => (
            <li>
              {code === language ? (
                <strong aria-current="page">{t(`topics:language.${code}`)}</strong>
              ) : (
                <a href={`${path}/preview?lang=${code}`}>{t(`topics:language.${code}`)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {preview.textLocale !== language && (
        <Notice kind="info">
          <p>{t('topics:preview.fallback')}</p>
        </Notice>
      )}
      <dl class="details">
        <dt>{t('topics:preview.subject')}</dt>
        <dd>{preview.subject}</dd>
      </dl>
      <h2>{t('topics:preview.asItLooks')}</h2>
      <article class="topic-body" lang={preview.textLocale}>
        {raw(renderTopicMarkdown(version.body, 3))}
      </article>
      <p>
        <a href={`${path}/preview/html?lang=${language}`}>{t('topics:preview.htmlVersion')}</a>
      </p>
      <h2>{t('topics:preview.textVersion')}</h2>
      <pre class="mail-text">
        <TextWithLinks text={preview.text} />
      </pre>
      {canWrite && (
        <p>
          <a class="button" href={`${path}/edit`}>
            {t('topics:calendar.edit')}
          </a>
        </p>
      )}
    </section>
  );
};
