import { getT } from '../../i18n';
import { renderEmail } from '../layout';
import type { ApplicationEmail } from './application-received';

/** A returning participant asked for their earlier answers: a link that opens the form filled in. */
export const renderApplicationPreviousAnswersEmail = (input: {
  locale: string;
  name: string;
  roundName: string;
  url: string;
  hours: number;
}): ApplicationEmail => {
  const t = getT(input.locale);
  const { html, text } = renderEmail({
    t,
    locale: input.locale,
    heading: t('applications:email.previous.heading'),
    paragraphs: [
      t('applications:email.greeting', { name: input.name }),
      t('applications:email.previous.intro', { round: input.roundName }),
      t('applications:email.previous.expiry', { hours: input.hours }),
      t('applications:email.previous.notYou'),
    ],
    action: { label: t('applications:email.previous.button'), url: input.url },
  });
  return { subject: t('applications:email.previous.subject', { round: input.roundName }), html, text };
};
