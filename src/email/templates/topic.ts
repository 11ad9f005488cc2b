import type { TopicMessage } from '../../core/messages/messages';
import { renderTopicMarkdown, topicPlainText } from '../../core/topics';
import { getT } from '../../i18n';
import type { RenderedEmail } from '../layout';
import { renderEmail } from '../layout';
import { checkInChoices } from './check-in-choices';

export interface TopicEmailInput extends TopicMessage {
  /** The email's own language (its greeting, intro and footer). */
  locale: string;
  /** The topic on the public site, in the language of the text: `${baseUrl}/topics/<id>?lang=…`. */
  topicUrl: string;
  /** A site path (a check-in link's) as an absolute URL. */
  urlOf: (path: string) => string;
}

/**
 * The words of a topic email that are the same for every recipient reading one language: made once
 * per (language, topic) rather than once per email, since a topic goes to thousands at once. The
 * memory holds a few topics' worth.
 */
const shared = new Map<
  string,
  {
    preheader: string;
    intro: string;
    optional: string;
    readOnline: string;
    footer: string;
    subject: string;
    body: { html: string; text: string };
  }
>();
const MAX_SHARED = 64;

const sharedWords = (input: TopicEmailInput) => {
  const key = JSON.stringify([input.locale, input.number, input.roundName, input.title, input.body]);
  let words = shared.get(key);
  if (!words) {
    const t = getT(input.locale);
    words = {
      preheader: t('topics:email.preheader', { number: input.number, round: input.roundName }),
      intro: t('topics:email.intro', { number: input.number, round: input.roundName }),
      optional: t('topics:email.optional'),
      readOnline: t('topics:email.readOnline'),
      footer: t('topics:email.footer', { round: input.roundName, program: t('common:program.name') }),
      subject: t('topics:email.subject', {
        number: input.number,
        title: input.title,
        round: input.roundName,
      }),
      body: { html: renderTopicMarkdown(input.body, 2), text: topicPlainText(input.body) },
    };
    if (shared.size >= MAX_SHARED) shared.delete(shared.keys().next().value as string);
    shared.set(key, words);
  }
  return words;
};

/**
 * The fortnightly topic: a greeting, one line saying which topic of which round this is, the
 * topic itself (Markdown, sanitised; the plain-text part carries the Markdown as written), the
 * fortnight's one-click check-in answers, and a link to read it on the site. When the topic has no translation into
 * the reader's language the body is English and marked so (lang attribute) for screen readers.
 */
export const renderTopicEmail = (input: TopicEmailInput): RenderedEmail & { subject: string } => {
  const t = getT(input.locale);
  const words = sharedWords(input);
  const isOtherLanguage = input.textLocale !== input.locale.split('-')[0];
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: words.preheader,
    heading: input.title,
    paragraphs: [t('topics:email.greeting', { name: input.name }), words.intro],
    rich: { ...words.body, ...(isOtherLanguage ? { lang: input.textLocale } : {}) },
    closing: [words.optional],
    // "Did you connect?" with one click, after the topic and before the link to the archive.
    choices: input.checkIn && checkInChoices(t, input.checkIn, input.urlOf),
    action: { label: words.readOnline, url: input.topicUrl },
    footer: words.footer,
  });
  return { subject: words.subject, html, text };
};
