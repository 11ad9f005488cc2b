import type { TopicMessage } from '../../core/messages/messages';
import { renderTopicMarkdown, topicPlainText } from '../../core/topics';
import { getT } from '../../i18n';
import type { RenderedEmail } from '../layout';
import { renderEmail } from '../layout';

export interface TopicEmailInput extends TopicMessage {
  /** The email's own language (its greeting, intro and footer). */
  locale: string;
  /** The topic on the public site, in the language of the text: `${baseUrl}/topics/<id>?lang=…`. */
  topicUrl: string;
}

/**
 * Issue 11 item 3 puts the one-click check-in answers here ("we've been in touch", "not yet",
 * "my partner isn't responding"): signed, expiring links for `input.applicationId`, after the
 * topic and before the link to the archive. Until then the email asks nothing.
 */
const checkInSection = (_input: TopicEmailInput): string[] => [];

/**
 * The fortnightly topic: a greeting, one line saying which topic of which round this is, the
 * topic itself (Markdown, sanitised; the plain-text part carries the Markdown as written), the
 * check-in section, and a link to read it on the site. When the topic has no translation into
 * the reader's language the body is English and marked so (lang attribute) for screen readers.
 */
export const renderTopicEmail = (input: TopicEmailInput): RenderedEmail & { subject: string } => {
  const t = getT(input.locale);
  const isOtherLanguage = input.textLocale !== input.locale.split('-')[0];
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('topics:email.preheader', { number: input.number, round: input.roundName }),
    heading: input.title,
    paragraphs: [
      t('topics:email.greeting', { name: input.name }),
      t('topics:email.intro', { number: input.number, round: input.roundName }),
    ],
    rich: {
      html: renderTopicMarkdown(input.body, 2),
      text: topicPlainText(input.body),
      ...(isOtherLanguage ? { lang: input.textLocale } : {}),
    },
    closing: [...checkInSection(input), t('topics:email.optional')],
    action: { label: t('topics:email.readOnline'), url: input.topicUrl },
    footer: t('topics:email.footer', { round: input.roundName, program: t('common:program.name') }),
  });
  return {
    subject: t('topics:email.subject', { number: input.number, title: input.title, round: input.roundName }),
    html,
    text,
  };
};
