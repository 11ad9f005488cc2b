import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import {
  type ApplicationEmail,
  type ApplicationEmailInput,
  describeRoundDates,
} from './application-received';

/**
 * Sent to an applicant whose application a coordinator imported from a spreadsheet (an earlier
 * form): they never saw this program's confirmation page, so this is their first word from it and
 * carries the private link to see, change or withdraw the application.
 */
export const renderApplicationImportedEmail = (
  input: ApplicationEmailInput & { isWaitlisted: boolean },
): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    preheader: t('applications:email.imported.preheader', { round: input.round.name }),
    heading: t('applications:email.imported.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.imported.intro', { round: input.round.name }),
      describeRoundDates(input),
      ...(input.isWaitlisted
        ? [t('applications:email.imported.waitlisted')]
        : input.round.isQuotaEnabled
          ? [t('applications:email.received.quota')]
          : []),
      t('applications:email.received.next'),
      t('applications:email.privateLink'),
      t('applications:email.lostLink', { url: input.lostLinkUrl }),
      t('applications:email.imported.notYou'),
    ],
    action: { label: t('applications:email.viewButton'), url: input.url },
  });
  return { subject: t('applications:email.imported.subject', { round: input.round.name }), html, text };
};
