import type { MessagePayloads } from '../../core/messages/messages';
import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import type { ApplicationEmail } from './application-received';

/**
 * The private links of an address's applications, sent because someone asked for them (the
 * lost-link page, the sign-in form, or "applied before?" while already in the round): one link
 * is the button; several are a list, each named by its round.
 */
export const renderApplicationLinksEmail = (input: {
  locale: string;
  payload: MessagePayloads['application-links'];
  urlFor: (token: string) => string;
}): ApplicationEmail => {
  const t = getT(input.locale);
  const { links } = input.payload;
  const isOne = links.length === 1;
  const items = links.map((link) => ({
    label: t('applications:email.links.item', {
      round: link.round.name,
      status: t(`applications:email.links.status.${link.status}`),
    }),
    url: input.urlFor(link.privateToken),
  }));
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('applications:email.links.heading', { count: links.length }),
    paragraphs: [
      t('applications:email.greeting', { name: input.payload.name }),
      isOne
        ? t('applications:email.links.introOne', { round: links[0]!.round.name })
        : t('applications:email.links.introMany', { count: links.length }),
      t('applications:email.links.use'),
      t('applications:email.links.oldLinks'),
      t('applications:email.links.notYou'),
    ],
    ...(isOne
      ? { action: { label: t('applications:email.viewButton'), url: items[0]!.url } }
      : { links: items }),
  });
  return {
    subject: isOne
      ? t('applications:email.links.subjectOne', { round: links[0]!.round.name })
      : t('applications:email.links.subjectMany'),
    html,
    text,
  };
};
