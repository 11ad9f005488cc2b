import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import {
  type ApplicationEmail,
  type ApplicationEmailInput,
  describeRoundDates,
} from './application-received';

/**
 * Sent when applications close to those whose country is over its quota: why, what may still
 * happen in this round, the carry-over into the next one and how to decline it, with a new
 * private link added beside the confirmation's (which still works).
 */
export const renderApplicationWaitlistedEmail = (
  input: ApplicationEmailInput & { countryName: string },
): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('applications:email.waitlisted.preheader', { round: input.round.name }),
    heading: t('applications:email.waitlisted.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.waitlisted.intro', { round: input.round.name }),
      t('applications:email.waitlisted.why', { country: input.countryName }),
      t('applications:email.waitlisted.admission'),
      t('applications:email.waitlisted.carryOver'),
      describeRoundDates(input),
      t('applications:email.waitlisted.privateLink'),
      t('applications:email.lostLink', { url: input.lostLinkUrl }),
    ],
    // A link of its own, not a URL inside a sentence: in HTML it is something to click.
    choices: {
      intro: t('applications:email.waitlisted.decline'),
      links: [{ label: t('applications:private.declineCarryOverButton'), url: `${input.url}/carry-over` }],
    },
    action: { label: t('applications:email.viewButton'), url: input.url },
  });
  return { subject: t('applications:email.waitlisted.subject', { round: input.round.name }), html, text };
};
