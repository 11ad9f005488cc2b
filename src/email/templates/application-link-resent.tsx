import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import type { ApplicationEmail, ApplicationEmailInput } from './application-received';

/** Sent when someone applies again with an address that already has an application in the round. */
export const renderApplicationLinkResentEmail = (input: ApplicationEmailInput): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('applications:email.resent.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.resent.intro', { round: input.round.name }),
      t('applications:email.resent.oldLinks'),
      t('applications:email.resent.notYou'),
      t('applications:email.lostLink', { url: input.lostLinkUrl }),
    ],
    action: { label: t('applications:email.viewButton'), url: input.url },
  });
  return { subject: t('applications:email.resent.subject', { round: input.round.name }), html, text };
};
